import { spawn } from 'node:child_process';
import { trackChild } from './cleanup.js';

/** The real AWS CLI v2 (Debian package awscli); `aws` on PATH may be pip's v1. */
export const AWS_CLI = process.env.NAGARE_BENCH_AWS_CLI ?? '/usr/bin/aws';

/** The CLI's environment: the default key, no metadata probing, no user config, no retries to hide errors. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

export interface CliRun {
  ms: number;
  stdout: string;
}

/** Runs `aws --endpoint-url <endpoint> …`; throws with the CLI's stderr on a non-zero exit. */
export async function awsCli(endpoint: string, args: readonly string[]): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn(AWS_CLI, ['--endpoint-url', endpoint, ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((ok) => child.once('close', (c) => ok(c)));
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`aws ${args.join(' ')} exited ${code}:\n${stderr}`);
  return { ms, stdout };
}
