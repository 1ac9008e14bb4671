import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './test-support.js';

// A build printing hundreds of megabytes must stream: memory stays flat whatever the volume.
test('streaming: 256 MB of output with a slow log sink keeps memory bounded', async () => {
  let lines = 0;
  let bytes = 0;
  let peak = 0;
  const before = process.memoryUsage().rss;
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - yes 'a log line of exactly sixty-four characters, repeated over and over' | head -c 268435456
`, {
    input: {
      onLog: async (l) => {
        lines += l.length;
        for (const s of l) bytes += s.length + 1;
        if (lines % 50 === 0) await new Promise((r) => setImmediate(r));
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    },
  });
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(bytes > 268_000_000, `delivered ${bytes} bytes`);
    assert.ok(peak - before < 200 * 1024 * 1024, `rss grew by ${Math.round((peak - before) / 1048576)} MiB`);
  } finally {
    await f.cleanup();
  }
});

test('streaming: one 32 MB line without a newline is cut into bounded pieces, secrets still masked', async () => {
  let longest = 0;
  let bytes = 0;
  let leaked = false;
  const f = await runFixture(`version: 0.2
env:
  parameter-store:
    KEY: /k
phases:
  build:
    commands:
      - head -c 33554432 /dev/zero | tr '\\0' a; printf '%s' "$KEY"; head -c 1000000 /dev/zero | tr '\\0' b
`, {
    input: {
      resolvers: { getParameters: async (n) => ({ values: { [n[0]!]: 'aaSECRETbb' }, invalid: [] }), getSecretValue: async () => ({}) },
      onLog: (l) => {
        for (const s of l) {
          longest = Math.max(longest, s.length);
          bytes += s.length;
          leaked ||= s.includes('SECRET');
        }
      },
    },
  });
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(bytes > 34_000_000);
    assert.ok(longest <= 64 * 1024 + 10, `longest line ${longest}`);
    assert.ok(!leaked);
  } finally {
    await f.cleanup();
  }
});
