/**
 * The HTTP side of v1 webhooks: `POST <endpoint>/webhooks/codepipeline/<token>` on the API port,
 * structurally the gateway's InternalRoute (like source/http/git-route.ts). No SigV4: the sender
 * is GitHub (or anything the webhook's authentication admits). The body is read raw — the HMAC is
 * over the exact bytes — and capped at GitHub's 25 MB; the answer is a small JSON document
 * `{message, pipelineExecutionId?}` that GitHub shows in the hook's delivery log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PipelineDeps } from '../deps.js';
import { handleWebhookDelivery } from './handle-delivery.js';
import type { WebhookDeliveryResult } from './types.js';
import { WEBHOOK_ROUTE_PREFIX } from './webhook-item.js';

/** GitHub caps payloads at 25 MB (spec Part E). */
export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export interface WebhookHttpRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function answer(res: ServerResponse, r: WebhookDeliveryResult, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ message: r.message, ...(r.pipelineExecutionId !== undefined ? { pipelineExecutionId: r.pipelineExecutionId } : {}) });
  res.writeHead(r.status, { 'content-type': 'application/json', ...headers }).end(body + '\n');
}

/** The body, or undefined when it exceeds `limit` (the rest is drained, not buffered). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (tooLarge) continue;
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return tooLarge ? undefined : Buffer.concat(chunks, size);
}

export function createWebhookRoute(deps: PipelineDeps): WebhookHttpRoute {
  return {
    prefix: WEBHOOK_ROUTE_PREFIX,
    async handle(req, res) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const token = (q < 0 ? url : url.slice(0, q)).slice(WEBHOOK_ROUTE_PREFIX.length);
      if (!TOKEN.test(token)) {
        req.resume();
        return answer(res, { status: 404, message: 'No webhook has this URL.' });
      }
      if (req.method !== 'POST') {
        req.resume();
        return answer(res, { status: 405, message: 'Webhook URLs accept POST only.' }, { allow: 'POST' });
      }
      const rawBody = await readBody(req, MAX_DELIVERY_BYTES);
      // The connection closes: a sender still pushing a declared-too-large body must not keep it.
      if (rawBody === undefined) return answer(res, { status: 413, message: `The payload exceeds ${MAX_DELIVERY_BYTES} bytes.` }, { connection: 'close' });
      answer(res, await handleWebhookDelivery(deps, token, { headers: req.headers, rawBody, remoteAddress: req.socket.remoteAddress }));
    },
  };
}
