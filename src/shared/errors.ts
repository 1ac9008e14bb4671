/**
 * AppError: the one error type domain code throws. `code` is stable (tests and the AWS mapping in
 * services/<svc>/ key off it); `fault` says whose mistake it was; `retryable` tells workers whether
 * a retry can help. Domain errors become AWS errors only in services/<svc>/.
 */
export type Fault = 'user' | 'system';

export interface AppErrorOptions {
  fault?: Fault;
  retryable?: boolean;
  cause?: unknown;
  /** Extra structured detail (e.g. the conflicting id); never secret values. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly fault: Fault;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fault = options.fault ?? 'user';
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Narrow an unknown throwable to something with a message, for logging. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
