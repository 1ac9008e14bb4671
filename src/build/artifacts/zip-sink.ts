/**
 * Where writeZip's bytes go: a temp file next to the target, hashed on the way (SHA-256 and MD5,
 * reported as `sha256sum`/`md5sum`, spec A.12), synced and renamed into place only when complete,
 * so a reader never sees half a zip.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { ZipDigest } from './types.js';

export class ZipSink {
  private readonly pending: Uint8Array[] = [];
  private readonly sha256 = createHash('sha256');
  private readonly md5 = createHash('md5');
  private size = 0;
  private error: Error | undefined;

  private constructor(
    private readonly stream: WriteStream,
    readonly tempFile: string,
    private readonly outFile: string,
  ) {}

  static async create(outFile: string): Promise<ZipSink> {
    await mkdir(dirname(outFile), { recursive: true });
    const tempFile = join(dirname(outFile), `.${basename(outFile)}.${randomUUID()}.tmp`);
    const stream = createWriteStream(tempFile, { flags: 'wx', mode: 0o644 });
    await once(stream, 'open');
    return new ZipSink(stream, tempFile, outFile);
  }

  /** The zip encoder's callback: queue output (it is synchronous), or remember its error. */
  readonly accept = (err: Error | null, chunk: Uint8Array | null): void => {
    if (err) this.error ??= err;
    else if (chunk && chunk.length > 0) this.pending.push(chunk);
  };

  /** Writes what the encoder produced so far, waiting for the disk (back-pressure). */
  async flush(): Promise<void> {
    if (this.error) throw this.error;
    for (const chunk of this.pending.splice(0)) {
      this.sha256.update(chunk);
      this.md5.update(chunk);
      this.size += chunk.length;
      if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    }
  }

  async commit(): Promise<ZipDigest> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    const handle = await open(this.tempFile, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.tempFile, this.outFile);
    return { size: this.size, sha256: this.sha256.digest('hex'), md5: this.md5.digest('hex') };
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tempFile, { force: true });
  }
}
