/**
 * Turns one output stream (stdout or stderr of a command) into masked log lines: decodes UTF-8
 * across chunk boundaries, splits on `\n`, masks each complete line — so a secret split across two
 * chunks is still masked — and cuts pathological lines at `maxLine` characters (never inside a
 * secret) so memory stays bounded however much a build prints.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Masker } from './masker.js';

/** CloudWatch Logs caps an event at 256 KiB; a line is cut well before that. */
export const DEFAULT_MAX_LINE = 64 * 1024;

export class MaskedLines {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly masker: Masker,
    private readonly maxLine = DEFAULT_MAX_LINE,
  ) {}

  push(chunk: Buffer | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines: string[] = [];
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      this.cutLong(lines, nl);
      const at = this.pending.indexOf('\n');
      lines.push(this.masker.mask(this.pending.slice(0, at)));
      this.pending = this.pending.slice(at + 1);
    }
    this.cutLong(lines, this.pending.length);
    return lines;
  }

  /** The last, unterminated line (if any). */
  end(): string[] {
    this.pending += this.decoder.end();
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [this.masker.mask(rest)];
  }

  /** Emits `maxLine`-sized pieces while the first line (ending at `upTo`) is too long to hold. */
  private cutLong(lines: string[], upTo: number): void {
    let end = upTo;
    while (end >= this.maxLine + this.masker.maxLength && end > 0) {
      const cut = this.masker.safeCut(this.pending.slice(0, end), this.maxLine);
      lines.push(this.masker.mask(this.pending.slice(0, cut)));
      this.pending = this.pending.slice(cut);
      end -= cut;
    }
  }
}
