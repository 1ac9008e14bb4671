/**
 * Wiring of `nagare pipeline <subcommand>`: the process's environment, streams and Ctrl+C go into
 * the cli's runPipelineWatch. src/bin/nagare.ts dispatches `case 'pipeline'` here. Usage errors
 * exit 3 (2 means "Stopped" for `watch`).
 */
import { pt, runPipelineWatch, type Lang } from '../cli/index.js';

export async function runPipelineCommand(argv: string[], lang: Lang): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'watch':
      return watch(rest, lang);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(pt(lang, 'pipeline_help') + '\n');
      return 0;
    default:
      process.stderr.write(pt(lang, 'pipeline_unknown_subcommand', { sub }) + '\n' + pt(lang, 'pipeline_help') + '\n');
      return 3;
  }
}

async function watch(argv: string[], lang: Lang): Promise<number> {
  // Ctrl+C (or SIGTERM) only stops watching: exit 130, nothing is sent to the pipeline.
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runPipelineWatch({
      argv,
      lang,
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      signal: stop.signal,
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
