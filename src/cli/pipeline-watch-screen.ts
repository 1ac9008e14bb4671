/**
 * In-place redraw of a block of lines on a terminal, without flicker: one write per frame that
 * moves the cursor up over the previous frame, overwrites each line and clears only what is left
 * of it (`ESC[K`), then clears below when the new frame is shorter. Long lines are not cut (the
 * approval command must stay whole to be copied); their wrapped rows are counted instead.
 */
import type { Terminal } from './build-progress.js';

// eslint-disable-next-line no-control-regex -- matching terminal escapes is the point here
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Columns a string takes on a terminal: escapes take none, East Asian wide characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp < 0x370) || cp === 0x200b) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal rows a line takes at `columns` (an empty line still takes one). */
export function rowsOf(line: string, columns: number): number {
  return Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, columns)));
}

export class LiveScreen {
  private rows = 0;
  private cursorHidden = false;

  constructor(private readonly out: Terminal) {}

  draw(lines: readonly string[]): void {
    const columns = this.out.columns || 80;
    let text = this.cursorHidden ? '' : '\x1b[?25l';
    this.cursorHidden = true;
    if (this.rows > 0) text += `\x1b[${this.rows}A`;
    // ESC[K after a line that exactly fills its last row would erase that row's last character.
    for (const line of lines) {
      const width = displayWidth(line);
      text += `\r${line}${width > 0 && width % columns === 0 ? '' : '\x1b[K'}\n`;
    }
    text += '\x1b[J';
    this.out.write(text);
    this.rows = lines.reduce((n, line) => n + rowsOf(line, columns), 0);
  }

  /** Leaves the last frame on screen, the cursor below it and visible again. */
  close(): void {
    if (this.cursorHidden) this.out.write('\x1b[?25h');
    this.cursorHidden = false;
    this.rows = 0;
  }
}
