/**
 * A floor for the local executor, run as its own process: `node spawn-loop-main.js <mib> <runs>
 * <script>…` first allocates and touches <mib> MiB (so it is as big as a nagare server, whose
 * resident PGlite heap every fork has to copy the page tables of), then <runs> times spawns `sh
 * <script>` for each script in order, one after another, the way nagare's local executor runs a
 * buildspec command (own process group, stdout/stderr piped and read, wait for exit and close).
 * Prints one JSON line: {"rssMiB": …, "ms": [one figure per run]}.
 */
import { spawn } from 'node:child_process';

const [mibArg, runsArg, ...scripts] = process.argv.slice(2);
const mib = Number(mibArg);
const runs = Number(runsArg);

const ballast: Buffer[] = [];
for (let i = 0; i < mib; i++) ballast.push(Buffer.alloc(2 ** 20, i & 0xff));

function runOne(script: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn('sh', [script], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', () => undefined);
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? ok() : fail(new Error(`sh ${script} exited ${code}`))));
  });
}

const ms: number[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  for (const s of scripts) await runOne(s);
  ms.push(performance.now() - t0);
}
console.log(JSON.stringify({ rssMiB: process.memoryUsage().rss / 2 ** 20, ms, ballast: ballast.length }));
