/**
 * CIDR membership for `AllowedIPRange` (IP webhook authentication), IPv4 and IPv6.
 *
 * Everything is compared in IPv6 space: an IPv4 address a.b.c.d becomes ::ffff:a.b.c.d and an IPv4
 * prefix /n becomes /(96+n). So a dual-stack socket's `::ffff:127.0.0.1` matches `127.0.0.0/8`, a
 * plain `127.0.0.1` matches `::ffff:127.0.0.0/104`, and an IPv4 range never admits a native IPv6
 * peer. Strict parsing: no leading zeros in IPv4 octets (they read as octal in some stacks).
 */
export interface IpRange {
  readonly bytes: Uint8Array; // 16 bytes, host bits cleared
  readonly prefix: number; // 0–128 in IPv6 space
}

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseV4(s: string): number[] | undefined {
  const m = V4.exec(s);
  return m ? m.slice(1, 5).map(Number) : undefined;
}

function parseV6(s: string): Uint8Array | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as string;
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseV4(item);
        if (!v4) return undefined;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) out.push(parseInt(item, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** 16-byte form of an IPv4 or IPv6 address (zone id `%eth0` ignored); undefined if invalid. */
export function parseIp(address: string): { bytes: Uint8Array; v4: boolean } | undefined {
  const v4 = parseV4(address);
  if (v4) return { bytes: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]), v4: true };
  const bracketless = address.replace(/^\[(.*)\]$/, '$1').replace(/%[^%]+$/, '');
  const v6 = parseV6(bracketless);
  return v6 ? { bytes: v6, v4: false } : undefined;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a single host). Host bits are cleared. */
export function parseCidr(cidr: string): IpRange | undefined {
  const slash = cidr.indexOf('/');
  const addr = parseIp(slash < 0 ? cidr.trim() : cidr.slice(0, slash).trim());
  if (!addr) return undefined;
  const max = addr.v4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = cidr.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  const v6prefix = addr.v4 ? prefix + 96 : prefix;
  const bytes = Uint8Array.from(addr.bytes);
  for (let bit = v6prefix; bit < 128; bit++) bytes[bit >> 3] = (bytes[bit >> 3] as number) & (0xff ^ (0x80 >> (bit & 7)));
  return { bytes, prefix: v6prefix };
}

export function ipInRange(address: string, range: IpRange): boolean | undefined {
  const a = parseIp(address);
  if (!a) return undefined;
  for (let bit = 0; bit < range.prefix; bit++) {
    const mask = 0x80 >> (bit & 7);
    if (((a.bytes[bit >> 3] as number) & mask) !== ((range.bytes[bit >> 3] as number) & mask)) return false;
  }
  return true;
}
