import type { InternalRoute } from '../aws/index.js';

export interface HealthInfo {
  version: string;
  startedAt: number;
  storage: { database: string; blobs: string };
  timeScale: number;
  services: string[];
}

/** GET /_nagare/health → 200 JSON. Unauthenticated on purpose: it reveals no data, only liveness. */
export function healthRoute(info: HealthInfo): InternalRoute {
  return {
    prefix: '/_nagare/health',
    async handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const body = JSON.stringify({
        status: 'ok',
        version: info.version,
        uptimeSeconds: Math.round((Date.now() - info.startedAt) / 100) / 10,
        storage: info.storage,
        timeScale: info.timeScale,
        services: info.services,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
