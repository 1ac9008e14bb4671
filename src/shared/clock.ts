/**
 * Time comes from an injected Clock (DESIGN.md §3). `timeScale` makes AWS's long waits pass faster:
 * with scale 60 a 1-hour wait elapses in 1 minute of real time. Durations that model AWS waits are
 * divided through `scaledDelayMs`; timestamps shown to users stay wall-clock.
 */
export interface Clock {
  now(): Date;
  /** Real milliseconds to wait for `awsMs` of AWS time. */
  scaledDelayMs(awsMs: number): number;
  /** AWS time elapsed between two real instants (used to age objects under a time scale). */
  readonly timeScale: number;
}

export class SystemClock implements Clock {
  constructor(readonly timeScale = 1) {
    if (!(timeScale > 0)) throw new RangeError(`time scale must be > 0, got ${timeScale}`);
  }
  now(): Date {
    return new Date();
  }
  scaledDelayMs(awsMs: number): number {
    return awsMs / this.timeScale;
  }
}

/** A clock tests move by hand instead of sleeping. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | number = Date.UTC(2026, 0, 1), readonly timeScale = 1) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  scaledDelayMs(awsMs: number): number {
    return awsMs / this.timeScale;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(date: Date): void {
    this.current = date.getTime();
  }
}
