import { request, type Agent, type OutgoingHttpHeaders } from 'node:http';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpCall {
  port: number;
  method: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: Buffer | string;
  agent?: Agent | false;
  timeoutMs?: number;
}

/** One HTTP/1.1 request to 127.0.0.1 — the only host any benchmark talks to. */
export function httpCall(c: HttpCall): Promise<HttpResult> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: c.port, method: c.method, path: c.path, headers: c.headers, agent: c.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', fail);
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    if (c.timeoutMs !== undefined) req.setTimeout(c.timeoutMs, () => req.destroy(new Error(`timeout after ${c.timeoutMs} ms`)));
    req.end(c.body);
  });
}
