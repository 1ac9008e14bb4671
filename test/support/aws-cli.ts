import { spawn } from 'node:child_process';

/** The real AWS CLI v2 (Debian package awscli). `aws` on PATH may be pip's v1. */
export const AWS_CLI = process.env.NAGARE_TEST_AWS_CLI ?? '/usr/bin/aws';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

export interface CliOptions {
  env?: Record<string, string>;
  input?: string;
  cwd?: string;
  region?: string;
}

/** Environment the CLI gets: the default test key, a region, no metadata probing, no pager. */
export function cliEnv(extra: Record<string, string> = {}, region = 'us-east-1'): Record<string, string> {
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[k]) base[k] = process.env[k]!;
  return {
    ...base,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...extra,
  };
}

/** Runs `aws --endpoint-url <endpoint> <args…>` and collects its output. */
export async function aws(endpoint: string, args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const child = spawn(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', ...args], {
    env: cliEnv(opts.env, opts.region),
    cwd: opts.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(opts.input ?? '');
  const code = await new Promise<number>((ok) => child.once('close', (c) => ok(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    json<T>(): T {
      try {
        return JSON.parse(stdout) as T;
      } catch {
        throw new Error(`aws ${args.join(' ')} did not print JSON (exit ${code}):\nstdout: ${stdout}\nstderr: ${stderr}`);
      }
    },
  };
}

/** Like `aws` but fails the test with the CLI's stderr when the exit code is not 0. */
export async function awsOk(endpoint: string, args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const r = await aws(endpoint, args, opts);
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}
