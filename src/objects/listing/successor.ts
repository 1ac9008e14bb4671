/**
 * The smallest string greater than every string that starts with `prefix`, in code-point order
 * (= UTF-8 byte order = PostgreSQL "C" collation), or undefined when no such string exists
 * (the prefix is all U+10FFFF). Used to skip a whole common prefix in one query.
 */
export function prefixSuccessor(prefix: string): string | undefined {
  const cps = Array.from(prefix, (c) => c.codePointAt(0) as number);
  while (cps.length > 0) {
    const last = cps.pop() as number;
    if (last < 0x10ffff) {
      let next = last + 1;
      if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // surrogates are not characters
      cps.push(next);
      return String.fromCodePoint(...cps);
    }
  }
  return undefined;
}

/** Compares two strings in code-point order (JS `<` compares UTF-16 code units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}
