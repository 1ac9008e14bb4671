/**
 * Streams a build's log lines into CloudWatch Logs (spec A.10 log format, B.2: group
 * `/aws/codebuild/<project>`, stream `<uuid>`) in small batches, so `aws logs get-log-events` and
 * `aws logs tail --follow` show them while the build runs. Order is kept; a full buffer makes the
 * executor wait (backpressure) rather than pile lines up in memory. A logging failure never fails
 * the build: it is reported once to the server log and later lines are still attempted.
 */
import type { Clock, Logger } from '../../../shared/index.js';

export interface LogEvent {
  timestamp: number;
  message: string;
}

/** Appends events to the build's stream (creates group and stream on demand). */
export type AppendEvents = (events: LogEvent[]) => Promise<void>;

const FLUSH_MS = 200;
const BATCH = 500;
const HIGH_WATER = 5_000;
/** CloudWatch's event limit is 256 KiB on PutLogEvents; keep well below. */
const MAX_MESSAGE_CHARS = 200_000;

export class LogSink {
  private buffer: LogEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private reported = false;

  constructor(
    private readonly append: AppendEvents | undefined,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Lines as the executor delivers them; returns a promise only when the buffer is full. */
  push(lines: readonly string[]): Promise<void> | undefined {
    if (!this.append) return undefined;
    const timestamp = this.clock.now().getTime();
    for (const line of lines) this.buffer.push({ timestamp, message: `${line.slice(0, MAX_MESSAGE_CHARS)}\n` });
    if (this.buffer.length >= BATCH) this.drain();
    else this.timer ??= setTimeout(() => this.drain(), FLUSH_MS);
    return this.buffer.length >= HIGH_WATER ? this.chain : undefined;
  }

  /** Writes everything buffered so far. */
  async flush(): Promise<void> {
    this.drain();
    await this.chain;
  }

  private drain(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0 || !this.append) return;
    const events = this.buffer;
    this.buffer = [];
    const append = this.append;
    this.chain = this.chain.then(() =>
      append(events).catch((err: unknown) => {
        if (this.reported) return;
        this.reported = true;
        this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'writing build log events failed');
      }),
    );
  }
}
