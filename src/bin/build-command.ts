/**
 * Wiring of `nagare build`: the process's environment, working directory, streams and Ctrl+C go
 * into the cli's runBuild. src/bin/nagare.ts dispatches `case 'build'` here; this file also runs
 * on its own (`node dist/src/bin/build-command.js …`).
 */
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { detectLang, runBuild, type Lang } from '../cli/index.js';
import { DockerEngine, socketPathOf } from '../runtime/index.js';

export async function runBuildCommand(argv: string[], lang: Lang): Promise<number> {
  const stop = new AbortController();
  // Ctrl+C (or a SIGTERM) stops the build: STOPPED, its process tree killed, exit 130. Repeats are
  // ignored so the cleanup (bounded by the kill grace period) always finishes.
  const onSignal = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runBuild({
      argv,
      lang,
      env: process.env,
      cwd: process.cwd(),
      tmpDir: tmpdir(),
      stdout: process.stdout,
      stderr: process.stderr,
      signal: stop.signal,
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      containerEngine: () => ({ runtime: new DockerEngine(process.env.DOCKER_HOST), socketPath: socketPathOf(process.env.DOCKER_HOST) }),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  runBuildCommand(process.argv.slice(2), detectLang(process.env)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
