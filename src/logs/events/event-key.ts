/**
 * The position of an event: its timestamp, then its ingestion sequence number (unique server-wide).
 * Events sort by this key everywhere — within a stream (GetLogEvents) and across a group
 * (FilterLogEvents) — so two events with one timestamp keep the order they were ingested in.
 *
 * On the wire the key is a decimal number `ts << 144 | seq`, zero-padded to 56 digits: the shape of
 * AWS's own event ids and GetLogEvents tokens, whose high bits are also the event timestamp.
 */
export interface EventKey {
  ts: number;
  seq: number;
}

const SHIFT = 144n;
const LOW_MASK = (1n << SHIFT) - 1n;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

export const ZERO_KEY: EventKey = { ts: 0, seq: 0 };

export function compareKeys(a: EventKey, b: EventKey): number {
  return a.ts !== b.ts ? a.ts - b.ts : a.seq - b.seq;
}

/** The smallest key above `k` (seq 0 never names an event, so `> k` and `>= next(k)` agree). */
export function nextKey(k: EventKey): EventKey {
  return k.seq < MAX_SEQ ? { ts: k.ts, seq: k.seq + 1 } : { ts: k.ts + 1, seq: 0 };
}

/** The largest key below `k`, never below ZERO_KEY. */
export function previousKey(k: EventKey): EventKey {
  if (k.seq > 0) return { ts: k.ts, seq: k.seq - 1 };
  return k.ts > 0 ? { ts: k.ts - 1, seq: MAX_SEQ } : ZERO_KEY;
}

export function formatKey(k: EventKey): string {
  return ((BigInt(k.ts) << SHIFT) | BigInt(k.seq)).toString().padStart(56, '0');
}

/** Inverse of formatKey; undefined for anything formatKey cannot have produced. */
export function parseKey(digits: string): EventKey | undefined {
  if (!/^\d{1,60}$/.test(digits)) return undefined;
  const n = BigInt(digits);
  const ts = n >> SHIFT;
  const seq = n & LOW_MASK;
  if (ts > BigInt(Number.MAX_SAFE_INTEGER) || seq > BigInt(MAX_SEQ)) return undefined;
  return { ts: Number(ts), seq: Number(seq) };
}
