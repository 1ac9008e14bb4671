import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { PipelineDeps } from '../deps.js';
import { createWebhookRoute, readBody } from './webhook-route.js';

/** Deps that fail loudly if touched: the checks below must answer before any lookup. */
const untouchable = new Proxy({}, { get: (_t, p) => { throw new Error(`deps.${String(p)} touched`); } }) as PipelineDeps;

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const send = (method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> =>
    new Promise((ok, fail) => {
      const r = request({ host: '127.0.0.1', port, method, path, headers: { ...(body && !headers['transfer-encoding'] ? { 'content-length': String(body.length) } : {}), ...headers } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      });
      r.on('error', fail);
      r.end(body);
    });
  return { send, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

test('malformed tokens are 404 and other methods 405, before anything is looked up', async () => {
  const route = createWebhookRoute(untouchable);
  assert.equal(route.prefix, '/webhooks/codepipeline/');
  const s = await serve((req, res) => route.handle(req, res));
  try {
    const short = await s.send('POST', '/webhooks/codepipeline/abc', Buffer.from('{}'));
    assert.equal(short.status, 404);
    assert.deepEqual(JSON.parse(short.body), { message: 'No webhook has this URL.' });
    assert.equal((await s.send('POST', '/webhooks/codepipeline/../../etc/passwd')).status, 404);
    const get = await s.send('GET', '/webhooks/codepipeline/ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
    // Declared too large: refused at once, without reading (or waiting for) the body.
    const huge = await s.send('POST', '/webhooks/codepipeline/ABCDEFGHIJKLMNOPQRSTUVWXYZ', Buffer.from('{}'), { 'content-length': String(26 * 1024 * 1024) });
    assert.equal(huge.status, 413);
    assert.equal(huge.headers.connection, 'close');
  } finally {
    await s.close();
  }
});

test('readBody returns the exact bytes, or undefined past the limit', async () => {
  const s = await serve(async (req, res) => {
    const body = await readBody(req, 8);
    res.end(body === undefined ? 'too large' : `${body.length}:${body.toString('hex')}`);
  });
  try {
    assert.equal((await s.send('POST', '/', Buffer.from([0, 1, 2, 255]))).body, '4:000102ff');
    assert.equal((await s.send('POST', '/', Buffer.alloc(9), { 'transfer-encoding': 'chunked' })).body, 'too large');
  } finally {
    await s.close();
  }
});
