import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { JsonService, RestXmlService } from '../service.js';
import { dispatchJson } from './json-dispatch.js';
import type { GatewayOptions } from './options.js';
import { dispatchRestXml } from './rest-dispatch.js';

/**
 * The single HTTP entry point (DESIGN.md §1): internal routes by path prefix, JSON services by
 * X-Amz-Target, everything else to S3 (REST-XML), which also owns virtual-hosted bucket names.
 */
export function createGateway(opts: GatewayOptions): Server {
  const byTarget = new Map<string, JsonService>();
  let s3: RestXmlService | undefined;
  for (const svc of opts.services) {
    if (svc.family === 'json') {
      const prefix = svc.model.metadata.targetPrefix;
      if (!prefix) throw new Error(`JSON service ${svc.model.metadata.serviceId} has no targetPrefix`);
      byTarget.set(prefix, svc);
    } else {
      s3 = svc;
    }
  }
  const routes = opts.routes ?? [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = req.url ?? '/';
    const route = routes.find((r) => url.startsWith(r.prefix));
    let outcome: { status: number; error?: string; service?: string; operation?: string };
    if (route) {
      await route.handle(req, res);
      outcome = { status: res.statusCode, service: 'nagare' };
    } else if (typeof req.headers['x-amz-target'] === 'string') {
      const target = req.headers['x-amz-target'];
      const dot = target.lastIndexOf('.');
      const prefix = dot < 0 ? target : target.slice(0, dot);
      const operation = dot < 0 ? '' : target.slice(dot + 1);
      const service = byTarget.get(prefix);
      outcome = { ...(await dispatchJson(req, res, { service, operation }, opts)), service: prefix, operation };
    } else if (s3) {
      outcome = { ...(await dispatchRestXml(req, res, s3, opts)), service: 's3', operation: `${req.method} ${url.split('?')[0]}` };
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no service here\n');
      outcome = { status: 404 };
    }
    opts.logger.info({ ...outcome, method: req.method, ms: Math.round(performance.now() - started) }, 'request');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error({ err: String(err) }, 'request handler crashed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  // Large multipart parts and 1 GiB single PUTs must not be cut by Node's 5-minute default.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;
  return server;
}
