import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { clientsFor, OPERATIONS, PAYLOAD, seed, type ClientKind, type Clients } from './lib/clients.js';
import { startLimitServer, type LimitServer } from './lib/limit-server.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import { startServer, type Server } from './lib/nagare.js';
import { progress, Report, type Cell } from './lib/report.js';
import { signerFor, type SignableRequest } from './lib/sigv4.js';
import { round } from './lib/stats.js';

/**
 * Requests: SSM GetParameter and 1 KiB S3 PutObject/GetObject, SigV4-signed, at concurrency 1
 * and 32, through two client styles (hand-signed node:http with a keep-alive agent; the AWS SDK
 * v3 clients). The same requests also go to a bare node:http server that answers a fixed 200
 * (the physical limit of this machine, client and loopback included); the ratio is nagare/limit.
 */
const CLIENTS: readonly ClientKind[] = ['signed http', 'SDK v3'];
const CONCURRENCY = [1, 32] as const;

interface Row {
  operation: string;
  client: ClientKind;
  concurrency: number;
  nagare: LoadResult;
  limit: LoadResult;
}

/** Microseconds one SigV4 signature costs the client (pure-JS SHA-256, as the brief's signer uses). */
async function signingCostUs(service: 'ssm' | 's3', n = 2000): Promise<number> {
  const signer = signerFor(service);
  const req: SignableRequest = {
    method: service === 's3' ? 'PUT' : 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 1, path: service === 's3' ? '/b/k' : '/', query: {},
    headers: { host: '127.0.0.1:1', 'content-length': String(PAYLOAD.length) }, body: PAYLOAD,
  };
  for (let i = 0; i < 200; i++) await signer.sign(req);
  const t = performance.now();
  for (let i = 0; i < n; i++) await signer.sign(req);
  return ((performance.now() - t) * 1000) / n;
}

async function main(): Promise<void> {
  const count = numberFlag('count', 2000);
  const capMs = numberFlag('cap', 8) * 1000;
  const warmup = numberFlag('warmup', 100);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('requests');
  const dataDir = await makeTempDir('requests');
  let server: Server | undefined;
  let limit: LimitServer | undefined;
  const clients: Clients[] = [];
  try {
    server = await startServer({ dataDir });
    limit = await startLimitServer();
    const onNagare = clientsFor(server.port);
    const onLimit = clientsFor(limit.port);
    clients.push(onNagare, onLimit);
    await seed(onNagare);
    const signSsm = await signingCostUs('ssm');
    const signS3 = await signingCostUs('s3');

    const rows: Row[] = [];
    for (const op of OPERATIONS) {
      for (const client of CLIENTS) {
        for (const concurrency of CONCURRENCY) {
          const tag = `${client === 'SDK v3' ? 'sdk' : 'raw'}-c${concurrency}`;
          const base = { count, concurrency, capMs, warmup };
          const nagare = await runLoad({ ...base, call: op.make(client, onNagare, tag), serverPid: server.pid });
          const lim = await runLoad({ ...base, call: op.make(client, onLimit, tag), serverPid: limit.pid });
          rows.push({ operation: op.name, client, concurrency, nagare, limit: lim });
          progress(`${op.name} / ${client} / c=${concurrency}: nagare ${round(nagare.rps, 0)} req/s (${nagare.errors} errors), limit ${round(lim.rps, 0)} req/s`);
          if (nagare.firstError) progress(`  first nagare error: ${nagare.firstError}`);
          if (lim.firstError) progress(`  first limit error: ${lim.firstError}`);
        }
      }
    }
    const logBytes = await stat(join(dataDir, 'nagare.log')).then((s) => s.size, () => Number.NaN);
    const totalRequests = rows.reduce((a, r) => a + r.nagare.completed, 0) + rows.length * warmup;

    report.table({
      title: `requests: ${count} signed requests per cell (cap ${capMs / 1000} s), 1 KiB objects`,
      columns: ['operation', 'client', 'conc', 'nagare req/s', 'p50 ms', 'p99 ms', 'errors', 'limit req/s', 'limit p50', 'limit p99', 'nagare/limit', 'server CPU µs/req', 'limit CPU µs/req'],
      rows: rows.map((r): Cell[] => [
        r.operation, r.client, r.concurrency,
        round(r.nagare.rps, 0), round(r.nagare.p50ms, 2), round(r.nagare.p99ms, 2), r.nagare.errors + (r.nagare.cappedByTime ? ` (capped at ${r.nagare.completed})` : ''),
        round(r.limit.rps, 0), round(r.limit.p50ms, 2), round(r.limit.p99ms, 2),
        round(r.nagare.rps / r.limit.rps, 2), round(r.nagare.serverCpuUs, 0), round(r.limit.serverCpuUs, 0),
      ]),
      notes: [
        'client, nagare and the limit server share the machine\'s cores; latency includes client-side signing.',
        `client SigV4 signing cost (@smithy/signature-v4 + @aws-crypto/sha256-js): ssm ${round(signSsm, 0)} µs, s3 with 1 KiB payload hash ${round(signS3, 0)} µs per request`,
        `nagare request log: ${round(logBytes / Math.max(1, totalRequests), 0)} bytes per request (info level, ${round(logBytes / 2 ** 20, 1)} MiB)`,
      ],
    });
    report.json({
      count,
      capSeconds: capMs / 1000,
      warmup,
      signingUs: { ssm: round(signSsm), s3: round(signS3) },
      logBytesPerRequest: round(logBytes / Math.max(1, totalRequests)),
      rows: rows.map((r) => ({
        operation: r.operation,
        client: r.client,
        concurrency: r.concurrency,
        nagare: figures(r.nagare),
        limit: figures(r.limit),
        ratio: round(r.nagare.rps / r.limit.rps, 3),
      })),
    });
  } finally {
    for (const c of clients) c.close();
    await limit?.stop();
    await server?.stop();
    await removeTempDir(dataDir);
  }
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

function figures(r: LoadResult): Record<string, number | string | boolean> {
  return {
    completed: r.completed, errors: r.errors, ...(r.firstError ? { firstError: r.firstError } : {}), seconds: round(r.seconds, 2),
    rps: round(r.rps), p50ms: round(r.p50ms, 2), p99ms: round(r.p99ms, 2), serverCpuUs: round(r.serverCpuUs), clientCpuUs: round(r.clientCpuUs),
  };
}

runMain(main);
