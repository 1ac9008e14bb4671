#!/usr/bin/env node
// Runs the compiled benchmarks (dist/bench/*.js), each in its own process, one after another.
//   node scripts/run-bench.mjs [startup|requests|big-object|codebuild-*|codepipeline-* …] [--flag value …]
// Flags go to every benchmark that runs (startup: --runs N; requests: --count N --cap S --warmup N;
// big-object: --mib N; codebuild-start: --builds N --postgres; codebuild-commands: --commands N
// --runs N --container-runs N --postgres; codebuild-concurrent: --builds N --default-concurrency).
// Each benchmark stops by itself; a watchdog stops one that does not (SIGTERM, which makes it stop
// its servers, remove its containers and temp files; SIGKILL 15 s later).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';

const root = new URL('..', import.meta.url).pathname;
const BENCHES = [
  'startup',
  'requests',
  'big-object',
  'codebuild-start',
  'codebuild-commands',
  'codebuild-concurrent',
  'codepipeline-push',
  'codepipeline-overhead',
  'codepipeline-parallel',
  'codepipeline-state',
  'codepipeline-git-sources',
];
const WATCHDOG_MS = Number(process.env.NAGARE_BENCH_TIMEOUT_S ?? 600) * 1000;

const args = process.argv.slice(2);
const names = args.filter((a) => BENCHES.includes(a));
const flags = args.filter((a) => !BENCHES.includes(a));
const stray = flags.filter((a, i) => !a.startsWith('--') && !(flags[i - 1] ?? '').startsWith('--'));
if (stray.length > 0) {
  console.error(`unknown benchmark: ${stray.join(', ')} (known: ${BENCHES.join(', ')})`);
  process.exit(2);
}

function run(name) {
  const file = join(root, 'dist', 'bench', `${name}.js`);
  if (!existsSync(file)) {
    console.error(`${file} is missing — run \`npm run build\` first`);
    return Promise.resolve(1);
  }
  const t0 = Date.now();
  console.log(`\n# ${name}\n`);
  const child = spawn(process.execPath, [file, ...flags], { cwd: root, stdio: 'inherit' });
  let killer;
  const watchdog = setTimeout(() => {
    console.error(`${name}: still running after ${WATCHDOG_MS / 1000} s — stopping it`);
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  }, WATCHDOG_MS);
  return new Promise((ok) =>
    child.once('exit', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killer);
      console.error(`[bench] ${name} finished in ${((Date.now() - t0) / 1000).toFixed(1)} s (${signal ?? `exit ${code}`})`);
      ok(code ?? 1);
    }),
  );
}

// Ctrl+C reaches the benchmark too (same process group): let it clean up, then run no further ones.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));

let failed = 0;
for (const name of names.length > 0 ? names : BENCHES) {
  if (interrupted) break;
  if ((await run(name)) !== 0) failed++;
}
if (interrupted) process.exit(130);
process.exit(failed === 0 ? 0 : 1);
