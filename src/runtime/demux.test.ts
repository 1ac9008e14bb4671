import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameDemuxer } from './demux.js';

function frame(kind: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

test('demuxes packed frames into stdout and stderr', () => {
  const d = new FrameDemuxer();
  const frames = d.push(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n')]));
  assert.deepEqual(frames.map((f) => [f.stream, f.payload.toString()]), [['stdout', 'out\n'], ['stderr', 'err\n']]);
  assert.equal(d.leftover, 0);
});

test('reassembles frames split at any byte', () => {
  const bytes = Buffer.concat([frame(1, 'hello'), frame(2, ''), frame(1, 'world')]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const d = new FrameDemuxer();
    const got = [...d.push(bytes.subarray(0, cut)), ...d.push(bytes.subarray(cut))];
    assert.deepEqual(got.map((f) => `${f.stream}:${f.payload.toString()}`), ['stdout:hello', 'stderr:', 'stdout:world'], `cut at ${cut}`);
  }
});

test('reports an incomplete trailing frame', () => {
  const d = new FrameDemuxer();
  assert.deepEqual(d.push(frame(1, 'abc').subarray(0, 9)), []);
  assert.equal(d.leftover, 9);
});
