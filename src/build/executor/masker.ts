/**
 * Secret masking for build logs (spec A.5 "Masking", DESIGN.md §1): every Parameter Store and
 * Secrets Manager value and every AWS secret handed to the build is replaced by `***`. Masking is
 * exact-string, as AWS's is (a transformed value — base64, reversed — leaks there too). A multi-line
 * secret is also masked line by line, because logs are masked one line at a time.
 */
export const MASK = '***';

export class Masker {
  private values = new Set<string>();
  private pattern: RegExp | undefined;
  private longest = 0;

  constructor(values: Iterable<string> = []) {
    this.add(values);
  }

  add(values: Iterable<string>): void {
    for (const value of values) {
      for (const part of [value, ...value.split(/\r?\n/)]) if (part.trim() !== '') this.values.add(part);
    }
    // Longest first, so a secret that contains another is masked whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    this.longest = sorted[0]?.length ?? 0;
    this.pattern = sorted.length === 0 ? undefined : new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  }

  /** Length of the longest masked value (0 when nothing is masked). */
  get maxLength(): number {
    return this.longest;
  }

  mask(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /**
   * Where an over-long line may be cut without splitting a secret: at most `limit`, moved back to
   * the start of any secret that would straddle the cut. The caller must hold at least
   * `limit + maxLength` characters so that every secret starting before the cut is complete.
   */
  safeCut(text: string, limit: number): number {
    if (!this.pattern) return limit;
    // Only a secret starting in the last `longest - 1` characters before the cut can straddle it.
    const from = Math.max(0, limit - this.longest + 1);
    let cut = limit;
    for (const m of text.slice(from, limit + this.longest).matchAll(this.pattern)) {
      const start = from + m.index;
      if (start >= cut) break;
      if (start + m[0].length > cut) cut = start === 0 ? m[0].length : start;
    }
    return cut;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
