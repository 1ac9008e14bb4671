/**
 * Reads a zip's central directory (PKWARE APPNOTE 4.3.12–4.3.16, ZIP64 4.3.14/4.5.3). fflate's
 * unzip does not expose external attributes, and we need them: Unix modes keep executable bits
 * and mark symlink entries, which zip-slip checks must see. Malformed input is AppError
 * 'ArchiveCorrupt'; encryption and methods other than store/deflate are 'ArchiveUnsupported'.
 */
import { AppError } from '../../shared/index.js';
import type { ZipSource } from './zip-source.js';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Unix `st_mode` when the entry was made on Unix (os 3) or macOS (19), else undefined. */
  unixMode?: number;
}

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;

export function corrupt(message: string): AppError {
  return new AppError('ArchiveCorrupt', `The zip archive is damaged: ${message}`, { fault: 'user' });
}

export async function readCentralDirectory(source: ZipSource): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - MAX_EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  const at = findEocd(tail);
  if (at < 0) throw corrupt('no end of central directory record (not a zip file?)');
  const eocd = view(tail, at);
  let count = eocd.getUint16(10, true);
  let cdSize = eocd.getUint32(12, true);
  let cdOffset = eocd.getUint32(16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    ({ count, cdSize, cdOffset } = await readZip64End(source, tailStart + at));
  }
  if (cdOffset + cdSize > source.size) throw corrupt('central directory lies beyond the end of the file');
  const cd = await source.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > cd.length || view(cd, pos).getUint32(0, true) !== CENTRAL) throw corrupt(`central directory entry ${i + 1} is truncated`);
    const { entry, next } = readCentralEntry(cd, pos);
    entries.push(entry);
    pos = next;
  }
  return entries;
}

/** The last `PK\x05\x06` whose comment length reaches exactly to the end of the file. */
function findEocd(tail: Uint8Array): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] !== 0x50 || tail[i + 1] !== 0x4b || tail[i + 2] !== 0x05 || tail[i + 3] !== 0x06) continue;
    if (i + 22 + view(tail, i).getUint16(20, true) === tail.length) return i;
  }
  return -1;
}

async function readZip64End(source: ZipSource, eocdAt: number): Promise<{ count: number; cdSize: number; cdOffset: number }> {
  const locator = await source.read(eocdAt - 20, 20);
  if (locator.length < 20 || view(locator, 0).getUint32(0, true) !== ZIP64_LOCATOR) throw corrupt('ZIP64 locator missing');
  const record = await source.read(safeNumber(view(locator, 0).getBigUint64(8, true)), 56);
  if (record.length < 56 || view(record, 0).getUint32(0, true) !== ZIP64_EOCD) throw corrupt('ZIP64 end record missing');
  const v = view(record, 0);
  return { count: safeNumber(v.getBigUint64(32, true)), cdSize: safeNumber(v.getBigUint64(40, true)), cdOffset: safeNumber(v.getBigUint64(48, true)) };
}

function readCentralEntry(cd: Uint8Array, pos: number): { entry: ZipEntry; next: number } {
  const v = view(cd, pos);
  const madeBy = v.getUint16(4, true) >> 8;
  const flags = v.getUint16(8, true);
  const method = v.getUint16(10, true);
  const nameLength = v.getUint16(28, true);
  const extraLength = v.getUint16(30, true);
  const next = pos + 46 + nameLength + extraLength + v.getUint16(32, true);
  if (next > cd.length) throw corrupt('central directory entry runs past its end');
  const nameBytes = cd.subarray(pos + 46, pos + 46 + nameLength);
  const name = decodeName(nameBytes, (flags & 0x800) !== 0);
  if (flags & 0x1) throw new AppError('ArchiveUnsupported', `The zip entry ${name} is encrypted`, { fault: 'user' });
  if (method !== 0 && method !== 8) throw new AppError('ArchiveUnsupported', `The zip entry ${name} uses compression method ${method}; only stored and deflated entries are supported`, { fault: 'user' });
  const sizes = { size: v.getUint32(24, true), compressedSize: v.getUint32(20, true), localOffset: v.getUint32(42, true) };
  applyZip64Extra(cd.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength), sizes);
  const external = v.getUint32(38, true);
  const entry: ZipEntry = { name, method, crc: v.getUint32(16, true), ...sizes };
  if (madeBy === 3 || madeBy === 19) entry.unixMode = external >>> 16;
  return { entry, next };
}

/** ZIP64 extended information (id 1) holds, in order, only the fields whose 32-bit value is all ones. */
function applyZip64Extra(extra: Uint8Array, sizes: { size: number; compressedSize: number; localOffset: number }): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = view(extra, p).getUint16(0, true);
    const length = view(extra, p).getUint16(2, true);
    if (id === 1) {
      let q = p + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (sizes[key] !== 0xffffffff) continue;
        if (q + 8 > p + 4 + length || q + 8 > extra.length) throw corrupt('ZIP64 extra field is truncated');
        sizes[key] = safeNumber(view(extra, q).getBigUint64(0, true));
        q += 8;
      }
    }
    p += 4 + length;
  }
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (utf8) throw corrupt('an entry name flagged as UTF-8 is not valid UTF-8');
    return new TextDecoder('latin1').decode(bytes); // legacy code page: keep every byte visible
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a ZIP64 size or offset is too large');
  return Number(value);
}

export function view(bytes: Uint8Array, offset: number): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, bytes.length - offset);
}
