import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FsBlobStore } from './fs-blob-store.js';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function store(): Promise<{ s: FsBlobStore; root: string }> {
  const root = await mkdtemp(join(tmpdir(), 'blobs-'));
  dirs.push(root);
  return { s: await FsBlobStore.open(root), root };
}

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const c of stream) out += String(c);
  return out;
}

test('put computes size, md5 and sha256 and reads back whole and by range', async () => {
  const { s } = await store();
  const info = await s.put(chunks('hello ', 'world'));
  assert.equal(info.size, 11);
  assert.equal(info.md5, createHash('md5').update('hello world').digest('hex'));
  assert.equal(info.sha256, createHash('sha256').update('hello world').digest('hex'));
  assert.equal(await text(s.read(info.id)), 'hello world');
  assert.equal(await text(s.read(info.id, { start: 6, end: 10 })), 'world');
  assert.equal(await s.size(info.id), 11);
});

test('a failing source leaves nothing behind', async () => {
  const { s, root } = await store();
  async function* broken(): AsyncIterable<Uint8Array> {
    yield Buffer.from('partial');
    throw new Error('client went away');
  }
  await assert.rejects(s.put(broken()), /client went away/);
  const entries = await readdir(root);
  assert.deepEqual(entries, ['tmp']);
  assert.deepEqual(await readdir(join(root, 'tmp')), []);
});

test('maxBytes stops an oversized put', async () => {
  const { s } = await store();
  await assert.rejects(s.put(chunks('12345', '6789'), { maxBytes: 8 }), (e: Error & { code?: string }) => e.code === 'BlobTooLarge');
});

test('concat and clone', async () => {
  const { s } = await store();
  const a = await s.put(chunks('abc'));
  const b = await s.put(chunks('def'));
  const c = await s.concat([a.id, b.id]);
  assert.equal(await text(s.read(c.id)), 'abcdef');
  const d = await s.clone(c.id);
  await s.delete(c.id);
  assert.equal(await s.size(c.id), undefined);
  assert.equal(await text(s.read(d)), 'abcdef');
});

test('open() discards temp files of unfinished writes; sweep removes unreferenced old blobs', async () => {
  const { s, root } = await store();
  await writeFile(join(root, 'tmp', 'leftover'), 'x');
  const keep = await s.put(chunks('keep'));
  const drop = await s.put(chunks('drop'));
  const fresh = await s.put(chunks('fresh'));
  const old = new Date(Date.now() - 3_600_000);
  for (const id of [keep.id, drop.id]) await utimes(join(root, id.slice(0, 2), id), old, old);
  const reopened = await FsBlobStore.open(root);
  assert.deepEqual(await readdir(join(root, 'tmp')), []);
  const removed = await reopened.sweep(async (ids) => new Set(ids.filter((i) => i === keep.id)), new Date(Date.now() - 60_000));
  assert.equal(removed, 1);
  assert.equal(await reopened.size(drop.id), undefined);
  assert.equal(await reopened.size(keep.id), 4);
  assert.equal(await reopened.size(fresh.id), 5, 'young blobs are never swept (a put may be about to reference them)');
});

test('ids are validated: no path can be smuggled in', async () => {
  const { s } = await store();
  await mkdir(join(tmpdir(), 'x'), { recursive: true });
  for (const bad of ['../../etc/passwd', 'ab/../../x', '', 'ABCDEF']) {
    assert.throws(() => s.read(bad), /invalid blob id/);
    await assert.rejects(s.delete(bad), /invalid blob id/);
  }
});
