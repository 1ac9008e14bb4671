/**
 * The environment as the build's last command left it: the agent's snapshot, restored the same way
 * a next command would restore it, then read back by this Node binary (always present, unlike
 * `env -0`) as JSON. Used for `exported-variables` (spec A.15) and `$VAR`s in artifact paths (A.12).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunContext } from './context.js';
import { shellQuote } from './shell-script.js';

export async function readFinalEnv(ctx: RunContext): Promise<Record<string, string>> {
  const base = ctx.env ?? {};
  if (ctx.plan?.isolatedCommands !== false) return base;
  const script = join(ctx.input.scratchDir, 'final-env.sh');
  const dump = `process.stdout.write(JSON.stringify(process.env))`;
  await writeFile(script, `set -a\n. ${shellQuote(ctx.files.envFile)}\nexec ${shellQuote(process.execPath)} -e ${shellQuote(dump)}\n`, { mode: 0o600 });
  const out = await run(ctx.shell, [script], base);
  if (out === undefined) return base;
  try {
    return JSON.parse(out) as Record<string, string>;
  } catch {
    return base;
  }
}

/** `printf '%s' "<text>"` in the build's shell and final environment (`artifacts.name`, spec A.12). */
export async function shellEvaluate(ctx: RunContext, env: Record<string, string>, text: string): Promise<string> {
  const script = join(ctx.input.scratchDir, 'evaluate.sh');
  await writeFile(script, `printf '%s' "${text.replace(/["\\]/g, '\\$&')}"\n`, { mode: 0o600 });
  return (await run(ctx.shell, [script], env, ctx.input.srcDir)) ?? text;
}

function run(shell: string, args: string[], env: Record<string, string>, cwd?: string): Promise<string | undefined> {
  return new Promise((ok) => {
    execFile(shell, args, { env, cwd, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout) => ok(err ? undefined : stdout));
  });
}
