/**
 * Packs artifact files into a zip (spec A.12 `packaging: ZIP`, and every CodePipeline artifact,
 * spec C.10). Entries go in code-unit order of their archive path, so the same files give the same
 * zip. Each file is streamed through node's native raw DEFLATE; fflate only frames the container.
 * Unix modes are kept (os = 3, mode in the high 16 bits of the external attributes) so
 * executables stay executable; symlinks (enable-symlinks) are stored as links.
 * Limits: no ZIP64, so one entry must stay under 4 GiB (fflate does not write ZIP64).
 */
import { constants as fsConstants } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { Zip } from 'fflate';
import type { ZipInputFile } from 'fflate';
import { AppError } from '../../shared/index.js';
import { orderEntries } from './archive-order.js';
import type { ArtifactFile, ZipDigest } from './types.js';
import { ZipSink } from './zip-sink.js';

export interface WriteZipOptions {
  /** Stamp every entry with this time instead of the file's mtime (byte-identical rebuilds). */
  mtime?: Date;
  /** DEFLATE level 0–9; default 6 like `zip`. */
  level?: number;
}

const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const UNIX = 3;

export async function writeZip(files: readonly ArtifactFile[], outFile: string, options: WriteZipOptions = {}): Promise<ZipDigest> {
  const sink = await ZipSink.create(outFile);
  try {
    const zip = new Zip(sink.accept);
    for (const file of orderEntries(files)) {
      if (file.symlink !== undefined) addLink(zip, file, file.symlink, options.mtime);
      else await addFile(zip, sink, file, options);
      await sink.flush();
    }
    zip.end();
    return await sink.commit();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

/**
 * Opened with O_NOFOLLOW and checked on the handle: if something swapped the file for a symlink
 * after selection, we refuse instead of packing whatever the link points at.
 */
async function addFile(zip: Zip, sink: ZipSink, file: ArtifactFile, options: WriteZipOptions): Promise<void> {
  const handle = await open(file.absPath, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new AppError('ArtifactFileChanged', `${file.archivePath} is no longer a regular file`, { fault: 'user' });
    const entry = header(file.archivePath, 8, S_IFREG | (info.mode & 0o777), options.mtime ?? info.mtime);
    zip.add(entry);
    await deflateInto(entry, handle.createReadStream({ autoClose: false }), sink, options.level);
  } finally {
    await handle.close();
  }
}

async function deflateInto(entry: ZipInputFile, input: ReadStream, sink: ZipSink, level: number | undefined): Promise<void> {
  const emit = entry.ondata!;
  let crc = 0;
  let size = 0;
  await pipeline(
    input,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    },
    createDeflateRaw({ level: level ?? constants.Z_DEFAULT_COMPRESSION }),
    async function (deflated: AsyncIterable<Buffer>) {
      for await (const chunk of deflated) {
        emit(null, chunk as Uint8Array<ArrayBuffer>, false); // zlib output never uses a SharedArrayBuffer
        await sink.flush();
      }
    },
  );
  // fflate writes crc and sizes into the data descriptor when the entry ends.
  entry.crc = crc;
  entry.size = size;
  emit(null, new Uint8Array(0), true);
}

function addLink(zip: Zip, file: ArtifactFile, target: string, mtime: Date | undefined): void {
  const bytes = new TextEncoder().encode(target);
  const entry = header(file.archivePath, 0, S_IFLNK | 0o777, mtime ?? new Date());
  entry.crc = crc32(bytes);
  entry.size = bytes.length;
  zip.add(entry);
  entry.ondata!(null, bytes, true);
}

function header(filename: string, compression: number, mode: number, mtime: Date): ZipInputFile {
  return { filename, compression, size: 0, crc: 0, os: UNIX, attrs: (mode << 16) >>> 0, mtime: dosRange(mtime) };
}

/** DOS timestamps cover 1980–2107 and fflate accepts up to 2099; clamp instead of failing. */
function dosRange(date: Date): Date {
  const year = date.getFullYear();
  if (Number.isNaN(year) || year < 1980) return new Date(1980, 0, 1, 0, 0, 0);
  if (year > 2099) return new Date(2099, 11, 31, 23, 59, 58);
  return date;
}
