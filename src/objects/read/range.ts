import { objectsError } from '../errors.js';
import type { ByteRange } from '../../store/index.js';

/**
 * Interprets a Range header against an object of `size` bytes, as S3 does: one `bytes=` range
 * (first-last, first-, or -suffix); the end is clamped to the object. A header S3 cannot use
 * (not `bytes=`, several ranges, garbage) is ignored and the whole object is sent. A range that
 * starts at or past the end (or any range of an empty object) is InvalidRange (416).
 */
export function resolveRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return undefined;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return undefined;
  const unsatisfiable = (): Error =>
    objectsError('InvalidRange', 'The requested range is not satisfiable', { RangeRequested: header, ActualObjectSize: size });
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) return undefined; // syntactically invalid: RFC 7233 says ignore
  if (start >= size) throw unsatisfiable();
  return { start, end };
}

export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}
