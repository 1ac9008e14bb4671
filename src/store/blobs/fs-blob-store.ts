import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, constants as fsc } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/index.js';
import type { BlobInfo, BlobStore, ByteRange } from './types.js';

const ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Filesystem blobs under `<root>/<aa>/<id>`; writes go to `<root>/tmp/` first. Ids are random
 * (not content hashes) so deleting one object never has to count references.
 */
export class FsBlobStore implements BlobStore {
  readonly kind = 'fs' as const;
  private readonly tmpDir: string;

  private constructor(private readonly root: string) {
    this.tmpDir = join(root, 'tmp');
  }

  static async open(root: string): Promise<FsBlobStore> {
    const store = new FsBlobStore(root);
    // Temp files belong to writes that never finished (crash, kill -9): they are garbage.
    await rm(store.tmpDir, { recursive: true, force: true });
    await mkdir(store.tmpDir, { recursive: true });
    return store;
  }

  private pathOf(id: string): string {
    if (!ID_PATTERN.test(id)) throw new AppError('BlobIdInvalid', `invalid blob id: ${id}`, { fault: 'system' });
    return join(this.root, id.slice(0, 2), id);
  }

  async put(source: AsyncIterable<Uint8Array>, options: { maxBytes?: number } = {}): Promise<BlobInfo> {
    const id = randomUUID().replaceAll('-', '');
    const tmp = join(this.tmpDir, id);
    const md5 = createHash('md5');
    const sha = createHash('sha256');
    let size = 0;
    const fh = await open(tmp, 'wx', 0o600);
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          throw new AppError('BlobTooLarge', `blob exceeds ${options.maxBytes} bytes`, { details: { maxBytes: options.maxBytes } });
        }
        md5.update(chunk);
        sha.update(chunk);
        await fh.write(chunk);
      }
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await fh.close();
    await this.publish(tmp, id);
    return { id, size, md5: md5.digest('hex'), sha256: sha.digest('hex') };
  }

  async concat(ids: readonly string[]): Promise<BlobInfo> {
    const paths = ids.map((id) => this.pathOf(id));
    async function* all(): AsyncIterable<Uint8Array> {
      for (const p of paths) yield* createReadStream(p) as AsyncIterable<Uint8Array>;
    }
    return this.put(all());
  }

  async clone(id: string): Promise<string> {
    const src = this.pathOf(id);
    const newId = randomUUID().replaceAll('-', '');
    const tmp = join(this.tmpDir, newId);
    await copyFile(src, tmp, fsc.COPYFILE_FICLONE);
    const fh = await open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    await this.publish(tmp, newId);
    return newId;
  }

  read(id: string, range?: ByteRange): Readable {
    const p = this.pathOf(id);
    return range ? createReadStream(p, { start: range.start, end: range.end }) : createReadStream(p);
  }

  async size(id: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(id))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  async sweep(isReferenced: (ids: string[]) => Promise<Set<string>>, olderThan: Date): Promise<number> {
    let removed = 0;
    for (const dir of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      const candidates: string[] = [];
      for (const name of await readdir(join(this.root, dir))) {
        if (!ID_PATTERN.test(name)) continue;
        const st = await stat(join(this.root, dir, name)).catch(() => undefined);
        if (st && st.mtime < olderThan) candidates.push(name);
      }
      if (candidates.length === 0) continue;
      const live = await isReferenced(candidates);
      for (const id of candidates) {
        if (!live.has(id)) {
          await this.delete(id);
          removed++;
        }
      }
    }
    return removed;
  }

  /** rename() is atomic: readers see the whole blob or nothing. fsync the directory for durability. */
  private async publish(tmp: string, id: string): Promise<void> {
    const dir = join(this.root, id.slice(0, 2));
    await mkdir(dir, { recursive: true });
    await rename(tmp, join(dir, id));
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }
}
