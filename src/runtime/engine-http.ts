/**
 * A few JSON calls over the engine's unix socket with `node:http` — no client library needed
 * (DESIGN.md: no dependency for a handful of endpoints). API version 1.41 is what podman 4 serves
 * and what every dockerd since 20.10 accepts.
 */
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { EngineError } from './types.js';

export const API_VERSION = 'v1.41';

export interface EngineResponse {
  status: number;
  body: string;
}

/**
 * Ends a call early: `signal` when its caller no longer needs the answer (an interrupted build's
 * pull), `timeoutMs` when an engine that stops answering must not hold up the caller for ever (the
 * kill and removal of a build container on shutdown). Either way the call rejects with EngineError.
 */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class EngineHttp {
  constructor(private readonly socketPath: string) {}

  /** A call whose whole answer is read; statuses ≥ 400 become EngineError unless listed in `accept`. */
  async call(method: string, path: string, body?: unknown, accept: number[] = [], options: CallOptions = {}): Promise<EngineResponse> {
    const signal = signalOf(options);
    let text: string;
    let res: IncomingMessage;
    try {
      res = await this.open(method, path, body, signal);
      text = await readAll(res);
    } catch (err) {
      if (!signal?.aborted) throw err;
      const why = options.signal?.aborted ? 'cancelled' : `no answer within ${options.timeoutMs} ms`;
      throw new EngineError(0, `${method} ${path}: ${why}`);
    }
    const status = res.statusCode ?? 0;
    if (status >= 400 && !accept.includes(status)) throw new EngineError(status, `${method} ${path}: ${status} ${messageOf(text)}`);
    return { status, body: text };
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return JSON.parse((await this.call(method, path, body)).body) as T;
  }

  /** The raw response, for streams (exec output, pull progress); the caller consumes it. */
  open(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<IncomingMessage> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((ok, fail) => {
      const req = request({
        socketPath: this.socketPath,
        method,
        path: `/${API_VERSION}${path}`,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
        ...(signal ? { signal } : {}),
      });
      req.once('response', ok);
      req.once('error', fail);
      req.end(payload);
    });
  }
}

function signalOf(options: CallOptions): AbortSignal | undefined {
  const signals = [options.signal, options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs)].filter((s) => s !== undefined);
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
}

export function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.once('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    res.once('error', fail);
    // Cut off mid-body (the call was cancelled or timed out): no 'end' will come.
    res.once('close', () => {
      if (!res.complete) fail(new Error('response aborted'));
    });
  });
}

/** Engine errors are `{"message": "..."}` (podman adds `cause` and `response`). */
export function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim();
}
