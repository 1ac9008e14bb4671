import { mkdir } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createGateway } from '../aws/index.js';
import type { UpConfig } from '../config/index.js';
import { credentialsOf, parseGitRemotes } from '../config/index.js';
import { loadMasterKey } from '../secrets/index.js';
import { JobQueue, Worker } from '../engine/index.js';
import { AppError, errorMessage, SystemClock, type Logger } from '../shared/index.js';
import { FsBlobStore, openDb, type Db } from '../store/index.js';
import { DockerEngine } from '../runtime/index.js';
import type { builds } from '../build/index.js';
import { healthRoute } from './health.js';
import { startTasks } from './scheduler.js';
import { createServices } from './services.js';
import { VERSION } from './version.js';

export interface RunningServer {
  endpoint: string;
  port: number;
  storage: string;
  close(): Promise<void>;
}

/** Builds every part of `nagare up` from a validated config, starts listening, and returns a handle. */
export interface ProcessFacts {
  /** Default snapshot cache dir ($XDG_CACHE_HOME/nagare). */
  cacheDir?: string;
  /** The server's PATH, given to build commands. */
  hostPath?: string;
}

export async function startServer(config: UpConfig, logger: Logger, facts: ProcessFacts = {}): Promise<RunningServer> {
  const defaultCacheDir = facts.cacheDir;
  const startedAt = Date.now();
  const dataDir = resolve(config.dataDir);
  // Fail fast on a taken port, before seconds of database start-up.
  if (config.port !== 0) await probePort(config.host, config.port);
  await mkdir(dataDir, { recursive: true });
  // Before the database too: a build executor that cannot work is a start-up error, not a build fault.
  const buildContainer = config.buildExecutor === 'container' ? await containerEngine(config.dockerHost ?? process.env.DOCKER_HOST) : undefined;
  const cacheDir = config.cacheDir ?? defaultCacheDir;
  const db: Db = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir, ...(cacheDir ? { snapshotCacheDir: cacheDir } : {}) },
  );
  const closeDb = async (): Promise<void> => db.close().catch(() => undefined);
  try {
    // Each owner gets its own blob root: a module's orphan sweep deletes what its tables don't reference.
    const blobs = await FsBlobStore.open(join(dataDir, 'blobs', 's3'));
    const masterKey = await loadMasterKey({ dataDir, ...(config.masterKey ? { base64Key: config.masterKey } : {}) });
    const clock = new SystemClock(config.timeScale);
    const queue = new JobQueue(clock);
    const [accessKeyId, secretAccessKey] = [...credentialsOf(config)][0]!;
    const listening: { endpoint?: string } = {};
    const { services, routes, tasks, lanes } = createServices({
      db,
      blobs,
      clock,
      logger,
      masterKey,
      queue,
      dataDir,
      buildConcurrency: config.buildConcurrency,
      credentials: { accessKeyId, secretAccessKey },
      credentialMap: credentialsOf(config),
      endpoint: () => listening.endpoint,
      ...(facts.hostPath === undefined ? {} : { hostPath: facts.hostPath }),
      ...(buildContainer ? { buildContainer } : {}),
      gitRemotes: gitRemotesOf(config),
      // AWS polls about once a minute; never more often than once a second here.
      pollIntervalMs: Math.max(1000, (config.pollInterval * 1000) / config.timeScale),
    });
    // The embedded store is locked to this process, so every lease in it belonged to a process that
    // is gone: take its jobs over now rather than after a full lease (a crashed build ends at once).
    if (db.kind === 'pglite') {
      const expired = await queue.expireAllLeases(db);
      if (expired > 0) logger.warn({ jobs: expired }, 'took over jobs left running by a previous process');
    }
    const workerId = `${hostname()}:${process.pid}`;
    const workers = lanes.map(
      (lane) => new Worker({ db, queue, workerId: `${workerId}/${lane.name}`, handlers: lane.handlers, concurrency: lane.concurrency, logger: logger.child({ lane: lane.name }) }),
    );
    const storage = `${db.kind === 'pglite' ? `PGlite (${join(dataDir, 'pg')})` : 'PostgreSQL'} + blobs (${join(dataDir, 'blobs')})`;
    const server = createGateway({
      services,
      credentials: credentialsOf(config),
      accountId: config.accountId,
      clock,
      logger,
      routes: [
        ...routes,
        healthRoute({
          version: VERSION,
          startedAt,
          storage: { database: db.kind, blobs: blobs.kind },
          timeScale: config.timeScale,
          services: services.map((s) => s.model.metadata.serviceId),
        }),
      ],
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => {
        server.off('error', fail);
        ok();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const endpoint = `http://${host}:${port}`;
    listening.endpoint = endpoint;
    const scheduler = startTasks(tasks, logger);
    for (const w of workers) w.start();
    logger.info({ port, host: config.host, storage, timeScale: config.timeScale, version: VERSION }, 'nagare up');
    return {
      endpoint,
      port,
      storage,
      async close() {
        // Builds first, while the HTTP server drains: their containers and process groups outlive
        // this process unless stopped here, and a supervisor's stop timeout runs from the signal.
        const workersStopped = Promise.all(workers.map((w) => w.stop()));
        await new Promise<void>((ok) => {
          server.close(() => ok());
          // Idle keep-alive sockets would hold close() open; in-flight requests get a short grace.
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 3000).unref();
        });
        await workersStopped;
        await scheduler.stop();
        await closeDb();
      },
    };
  } catch (err) {
    await closeDb();
    throw err;
  }
}

async function containerEngine(dockerHost: string | undefined): Promise<builds.BuildContainerEngine> {
  const runtime = new DockerEngine(dockerHost);
  try {
    await runtime.ping();
  } catch (err) {
    throw new AppError(
      'ContainerEngineUnavailable',
      `--build-executor container: no Docker Engine API answers at ${runtime.socketPath} (${errorMessage(err)}); start dockerd or \`podman system service\`, or point --docker-host / DOCKER_HOST at its socket`,
      { fault: 'user' },
    );
  }
  return { runtime, socketPath: runtime.socketPath };
}

function probePort(host: string, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(port, host, () => probe.close(() => ok()));
  });
}

/** The validated `--git-remotes` rules (the config schema refused malformed ones already). */
function gitRemotesOf(config: UpConfig): { pattern: string; url: string }[] {
  const parsed = parseGitRemotes(config.gitRemotes);
  return 'rules' in parsed ? parsed.rules : [];
}
