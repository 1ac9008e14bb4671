/**
 * The build's log as the caller receives it: agent lines get the `[Container] <time> ` prefix,
 * every line is masked, and lines are handed over in order. When the caller's `onLog` returns a
 * promise, later deliveries wait for it and output streams pause meanwhile, so a build printing a
 * gigabyte never piles lines up in memory (DESIGN.md: stream, never accumulate).
 */
import type { Clock } from '../../../shared/index.js';
import { formatAgentLine } from '../log-format.js';
import type { Masker } from '../masker.js';

export class BuildLog {
  private tail: Promise<void> | undefined;
  /** The first error `onLog` raised; logging problems never fail a build. */
  error: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly masker: Masker,
    private readonly onLog: (lines: string[]) => void | Promise<void>,
  ) {}

  agent(message: string): void {
    void this.write([formatAgentLine(this.clock.now(), this.masker.mask(message))]);
  }

  /** Already-masked command output. Returns a promise only while the caller applies backpressure. */
  output(lines: string[]): Promise<void> | undefined {
    return this.write(lines);
  }

  idle(): Promise<void> {
    return this.tail ?? Promise.resolve();
  }

  private write(lines: string[]): Promise<void> | undefined {
    if (this.tail) return this.track(this.tail.then(() => this.deliver(lines)));
    const pending = this.deliver(lines);
    return pending ? this.track(pending) : undefined;
  }

  private deliver(lines: string[]): Promise<void> | undefined {
    try {
      const r = this.onLog(lines);
      return r instanceof Promise ? r.catch((err: unknown) => this.fail(err)) : undefined;
    } catch (err) {
      this.fail(err);
      return undefined;
    }
  }

  private track(p: Promise<void>): Promise<void> {
    this.tail = p;
    void p.then(() => {
      if (this.tail === p) this.tail = undefined;
    });
    return p;
  }

  private fail(err: unknown): void {
    this.error ??= err;
  }
}
