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

export class EngineHttp {
  constructor(private readonly socketPath: string) {}

  /** A call whose whole answer is read; statuses ≥ 400 become EngineError unless listed in `accept`. */
  async call(method: string, path: string, body?: unknown, accept: number[] = []): Promise<EngineResponse> {
    const res = await this.open(method, path, body);
    const text = await readAll(res);
    const status = res.statusCode ?? 0;
    if (status >= 400 && !accept.includes(status)) throw new EngineError(status, `${method} ${path}: ${status} ${messageOf(text)}`);
    return { status, body: text };
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return JSON.parse((await this.call(method, path, body)).body) as T;
  }

  /** The raw response, for streams (exec output, pull progress); the caller consumes it. */
  open(method: string, path: string, body?: unknown): Promise<IncomingMessage> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((ok, fail) => {
      const req = request({
        socketPath: this.socketPath,
        method,
        path: `/${API_VERSION}${path}`,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
      });
      req.once('response', ok);
      req.once('error', fail);
      req.end(payload);
    });
  }
}

export function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.once('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    res.once('error', fail);
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
