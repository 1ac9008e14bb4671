import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

const CHUNK = 4 * 2 ** 20;

/** Writes `bytes` random bytes to `path`; returns the SHA-256 (hex) of what was written. */
export async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(CHUNK);
  const fh = await open(path, 'wx', 0o600);
  try {
    for (let left = bytes; left > 0; left -= CHUNK) {
      const part = left >= CHUNK ? buf : buf.subarray(0, left);
      randomFillSync(part);
      hash.update(part);
      await fh.write(part);
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
