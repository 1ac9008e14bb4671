import type { AddressInfo } from 'node:net';
import { createGateway } from '../../src/aws/index.js';
import type { LogsDeps, LogsScope } from '../../src/logs/index.js';
import { createLogsService } from '../../src/services/logs/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';
import { openPgliteTestDb } from './databases.js';

/**
 * A real HTTP gateway serving only CloudWatch Logs over a fresh PGlite, for driving with the real
 * AWS CLI. In-process (not `startNagare()`) so a test can also write through the domain API the
 * way CodeBuild will, while the CLI reads over HTTP.
 */
export interface LogsServer {
  endpoint: string;
  deps: LogsDeps;
  scope: LogsScope;
  close(): Promise<void>;
}

export async function startLogsServer(): Promise<LogsServer> {
  const db = await openPgliteTestDb();
  const clock = new SystemClock();
  const deps: LogsDeps = { db, clock, logger: silentLogger };
  const { service } = createLogsService(deps);
  const server = createGateway({ services: [service], credentials: new Map([['test', 'test']]), accountId: '000000000000', clock, logger: silentLogger });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    deps,
    scope: { accountId: '000000000000', region: 'us-east-1' },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.dispose();
    },
  };
}
