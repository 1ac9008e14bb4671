import { resolve, join } from 'node:path';
import { detectLang, parseArgs, renderBanner, t, upHelp, withPipelineUsage, type Lang } from '../cli/index.js';
import { resolveUpConfig, upConfigKeys } from '../config/index.js';
import { errorMessage, isAppError } from '../shared/index.js';
import { createLogger } from './logger.js';
import { startServer } from './start-server.js';
import { VERSION } from './version.js';

/** Entry point of the `nagare` command. The only place that reads process.env/argv and exits. */
async function main(argv: string[]): Promise<number> {
  const lang = detectLang(process.env);
  const [command, ...rest] = argv;
  switch (command) {
    case 'up':
      return up(rest, lang);
    case 'build':
      return (await import('./build-command.js')).runBuildCommand(rest, lang);
    case 'pipeline':
      return (await import('./pipeline-command.js')).runPipelineCommand(rest, lang);
    case 'version':
    case '--version':
    case '-v':
      process.stdout.write(`nagare ${VERSION}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(withPipelineUsage(lang, t(lang, 'usage')) + '\n');
      return 0;
    default:
      process.stderr.write(t(lang, 'unknown_command', { command }) + '\n' + withPipelineUsage(lang, t(lang, 'usage')) + '\n');
      return 2;
  }
}

function defaultCacheDir(): string | undefined {
  const base = process.env.XDG_CACHE_HOME ?? (process.env.HOME ? join(process.env.HOME, '.cache') : undefined);
  return base ? join(base, 'nagare') : undefined;
}

async function up(argv: string[], lang: Lang): Promise<number> {
  const { flags } = parseArgs(argv, ['help']);
  if (flags.help) {
    process.stdout.write(upHelp());
    return 0;
  }
  const unknown = Object.keys(flags).filter((f) => !(upConfigKeys as string[]).includes(f));
  if (unknown.length > 0) {
    process.stderr.write(unknown.map((f) => t(lang, 'unknown_flag', { flag: `--${f.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` })).join('\n') + '\n');
    return 2;
  }
  const resolved = resolveUpConfig(flags, process.env);
  if ('problems' in resolved) {
    process.stderr.write(`${t(lang, 'config_invalid')}\n`);
    for (const p of resolved.problems) process.stderr.write(`  ${p.option}: ${p.message}\n`);
    process.stderr.write(`${t(lang, 'config_hint')}\n`);
    return 2;
  }
  const config = resolved.config;
  const logFile = config.logFile ?? join(resolve(config.dataDir), 'nagare.log');
  const logger = createLogger(config.logLevel, logFile);
  let server;
  try {
    server = await startServer(config, logger, { cacheDir: defaultCacheDir(), hostPath: process.env.PATH });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const msg = code === 'EADDRINUSE' ? t(lang, 'port_in_use', { port: config.port, host: config.host }) : errorMessage(err);
    process.stderr.write(`${t(lang, 'start_failed')}: ${msg}\n`);
    if (!isAppError(err) && code !== 'EADDRINUSE' && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
  process.stdout.write(
    renderBanner(lang, {
      version: VERSION,
      endpoint: server.endpoint,
      storage: server.storage,
      timeScale: config.timeScale,
      logFile: logFile === '-' ? 'stderr' : logFile,
      accessKeyId: config.accessKeyId ?? 'test',
      ...(config.accessKeyId === undefined ? { secretAccessKey: 'test' } : {}),
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    }),
  );
  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(t(lang, 'stopping') + '\n');
      server
        .close()
        .then(() => process.stdout.write(t(lang, 'stopped') + '\n'))
        .catch((err: unknown) => process.stderr.write(`${errorMessage(err)}\n`))
        .finally(done);
    };
    // Kept installed while stopping: a second Ctrl-C (or SIGTERM) must not kill the process in the
    // middle of removing build containers; the shutdown itself is bounded.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
