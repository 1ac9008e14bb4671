import { createServer } from 'node:http';

/**
 * The physical limit for the request benchmark: a bare Node HTTP server on loopback that reads
 * the request body and answers a fixed 200 — no signature check, no parsing, no storage. Runs as
 * its own process (like nagare) so it does not share the client's event loop. Prints its port.
 */
const OBJECT = Buffer.alloc(1024, 0x61);
const EMPTY_JSON = Buffer.from('{}');

const server = createServer((req, res) => {
  req.resume();
  req.once('end', () => {
    if (typeof req.headers['x-amz-target'] === 'string') {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': EMPTY_JSON.length, 'x-amzn-requestid': 'limit' });
      res.end(EMPTY_JSON);
    } else if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': OBJECT.length, etag: '"limit"' });
      res.end(OBJECT);
    } else {
      res.writeHead(200, { 'content-length': 0, etag: '"limit"' });
      res.end();
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`${typeof addr === 'object' && addr !== null ? addr.port : 0}\n`);
});
process.once('SIGTERM', () => process.exit(0));
setTimeout(() => process.exit(0), 30 * 60_000).unref(); // never outlive a runaway benchmark
