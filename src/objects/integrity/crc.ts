import * as zlib from 'node:zlib';

/**
 * Table-driven reflected CRCs for S3's flexible checksums. CRC32 uses zlib's native crc32 where
 * Node has it (20.15+); CRC32C and CRC64NVME have no native implementation in Node.
 */
function table32(poly: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

const CRC32_TABLE = table32(0xedb88320);
const CRC32C_TABLE = table32(0x82f63b78);

function update32(t: Uint32Array, crc: number, buf: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = (t[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

type NativeCrc = (data: Uint8Array, value?: number) => number;
const nativeCrc32 = (zlib as unknown as { crc32?: NativeCrc }).crc32;

export function crc32(crc: number, buf: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(buf, crc) >>> 0 : update32(CRC32_TABLE, crc, buf);
}

export function crc32c(crc: number, buf: Uint8Array): number {
  return update32(CRC32C_TABLE, crc, buf);
}

// CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5), kept as two 32-bit halves for speed.
const POLY64_HI = 0x9a6c9329;
const POLY64_LO = 0xac4bc9b5;
const T64_HI = new Uint32Array(256);
const T64_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry) {
      hi = (hi ^ POLY64_HI) >>> 0;
      lo = (lo ^ POLY64_LO) >>> 0;
    }
  }
  T64_HI[n] = hi;
  T64_LO[n] = lo;
}

/** State of a running CRC64NVME: [hi, lo] of the (non-inverted) register. */
export function crc64nvme(state: [number, number], buf: Uint8Array): [number, number] {
  let hi = ~state[0] >>> 0;
  let lo = ~state[1] >>> 0;
  for (let i = 0; i < buf.length; i++) {
    const idx = (lo ^ (buf[i] as number)) & 0xff;
    const nlo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0;
    const nhi = hi >>> 8;
    lo = (nlo ^ (T64_LO[idx] as number)) >>> 0;
    hi = (nhi ^ (T64_HI[idx] as number)) >>> 0;
  }
  return [~hi >>> 0, ~lo >>> 0];
}
