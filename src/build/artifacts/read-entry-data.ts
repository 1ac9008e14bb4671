/**
 * Streams one zip entry's data out of a ZipSource: locate it through the local header, inflate it
 * with node's native raw inflate, and check what comes out against the central directory. Output
 * beyond the declared size stops the stream (a zip bomb cannot lie its way past a size limit),
 * and a CRC or size mismatch is AppError 'ArchiveCorrupt'.
 */
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type { ZipEntry } from './central-directory.js';
import { corrupt, view } from './central-directory.js';
import type { ZipSource } from './zip-source.js';

const LOCAL = 0x04034b50;
const CHUNK = 1 << 20;

export async function writeEntryTo(source: ZipSource, entry: ZipEntry, sink: Writable): Promise<void> {
  const start = await dataStart(source, entry);
  let crc = 0;
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > entry.size) return done(corrupt(`${entry.name} inflates to more than its declared ${entry.size} bytes`));
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  const raw = Readable.from(chunks(source, start, entry.compressedSize));
  if (entry.method === 8) await pipeline(raw, createInflateRaw(), check, sink);
  else await pipeline(raw, check, sink);
  if (size !== entry.size) throw corrupt(`${entry.name} has ${size} bytes, the directory says ${entry.size}`);
  if (crc !== entry.crc) throw corrupt(`${entry.name} fails its CRC-32 check`);
}

/** A small entry's whole content (symlink targets), refusing anything over `max` bytes. */
export async function readEntryBytes(source: ZipSource, entry: ZipEntry, max: number): Promise<Uint8Array> {
  if (entry.size > max) throw corrupt(`${entry.name} is too large for a symbolic link (${entry.size} bytes)`);
  const parts: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  await writeEntryTo(source, entry, collect);
  return Buffer.concat(parts);
}

async function dataStart(source: ZipSource, entry: ZipEntry): Promise<number> {
  const header = await source.read(entry.localOffset, 30);
  if (header.length < 30 || view(header, 0).getUint32(0, true) !== LOCAL) throw corrupt(`local header of ${entry.name} is missing`);
  const start = entry.localOffset + 30 + view(header, 0).getUint16(26, true) + view(header, 0).getUint16(28, true);
  if (start + entry.compressedSize > source.size) throw corrupt(`data of ${entry.name} runs past the end of the file`);
  return start;
}

async function* chunks(source: ZipSource, start: number, length: number): AsyncGenerator<Uint8Array> {
  for (let done = 0; done < length; ) {
    const part = await source.read(start + done, Math.min(CHUNK, length - done));
    if (part.length === 0) throw corrupt('unexpected end of file');
    done += part.length;
    yield part;
  }
}
