/**
 * Live output of `nagare build`. Log lines stream as they come. On a TTY a status line at the
 * bottom shows the current phase and the elapsed time, redrawn under each batch of lines and every
 * quarter second; otherwise (or with --no-progress) lines are printed plainly, nothing is redrawn.
 */
import type { BuildState } from '../build/index.js';

export interface Terminal {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR = '\r\x1b[K';

export class BuildProgress {
  private phase = 'SUBMITTED';
  private frame = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly out: Terminal,
    private readonly live: boolean,
  ) {
    if (live) {
      this.timer = setInterval(() => this.redraw(), 250);
      this.timer.unref();
    }
  }

  lines(lines: string[]): void {
    if (lines.length === 0) return;
    const active = this.timer !== undefined;
    this.out.write((active ? CLEAR : '') + lines.join('\n') + '\n');
    if (active) this.out.write(this.status());
  }

  update(state: BuildState): void {
    this.phase = state.currentPhase;
    if (this.timer !== undefined) this.redraw();
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.timer) this.out.write(CLEAR);
    this.timer = undefined;
  }

  private redraw(): void {
    this.frame = (this.frame + 1) % FRAMES.length;
    this.out.write(CLEAR + this.status());
  }

  private status(): string {
    const s = Math.floor((Date.now() - this.started) / 1000);
    const elapsed = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    const text = `${FRAMES[this.frame]} ${this.phase}  ${elapsed}`;
    return `\x1b[1m${text.slice(0, Math.max(10, (this.out.columns || 80) - 1))}\x1b[0m`;
  }
}
