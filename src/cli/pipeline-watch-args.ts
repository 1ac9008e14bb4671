/**
 * Arguments of `nagare pipeline watch <name>`. Defaults come from the environment the caller
 * passes in (bin/ owns process.env): NAGARE_ENDPOINT_URL, AWS_REGION / AWS_DEFAULT_REGION,
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (test/test by default, like
 * `nagare build --endpoint-url`). Problems are collected (exit code 3), never thrown.
 */
import type { Credentials } from './build-sigv4.js';
import type { Lang } from './messages.js';

export interface WatchArgs {
  pipelineName: string;
  executionId?: string;
  endpoint: string;
  region: string;
  intervalMs: number;
  lang?: Lang;
  color: boolean;
  credentials: Credentials;
}

export type WatchArgsResult = { help: true; lang?: Lang } | { args: WatchArgs } | { problems: string[] };

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';
export const DEFAULT_INTERVAL_MS = 1000;
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 3_600_000;

const VALUE_OPTIONS = ['--execution-id', '--endpoint-url', '--region', '--interval-ms', '--lang'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

export function parseWatchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): WatchArgsResult {
  const problems: string[] = [];
  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  let color = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '-h' || raw === '--help') {
      help = true;
      continue;
    }
    if (raw === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (raw === '--no-color') {
      color = false;
      continue;
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const opt = eq > 0 ? raw.slice(0, eq) : raw;
    if (!(VALUE_OPTIONS as readonly string[]).includes(opt)) {
      if (raw.startsWith('-') && raw !== '-') problems.push(`unknown option: ${raw}`);
      else positionals.push(raw);
      continue;
    }
    const value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined) problems.push(`${opt} needs a value`);
    else values[opt as ValueOption] = value;
  }

  if (help) return values['--lang'] === 'en' || values['--lang'] === 'ja' ? { help, lang: values['--lang'] } : { help };
  const pipelineName = positionals[0];
  if (pipelineName === undefined) problems.push('the pipeline name is missing: nagare pipeline watch <name>');
  else if (!PIPELINE_NAME.test(pipelineName)) problems.push(`'${pipelineName}' is not a pipeline name (1-100 letters, digits, . @ - _)`);
  if (positionals.length > 1) problems.push(`only one pipeline may be watched, got: ${positionals.join(' ')}`);

  const executionId = values['--execution-id'];
  if (executionId !== undefined && !EXECUTION_ID.test(executionId)) problems.push(`--execution-id expects an execution id (a lower-case UUID), got '${executionId}'`);

  const endpointFrom = values['--endpoint-url'] !== undefined ? '--endpoint-url' : 'NAGARE_ENDPOINT_URL';
  const endpoint = values['--endpoint-url'] ?? env.NAGARE_ENDPOINT_URL ?? DEFAULT_ENDPOINT;
  if (!/^https?:\/\/[^/]/.test(endpoint)) problems.push(`${endpointFrom} expects an http(s) URL, got '${endpoint}'`);

  const region = values['--region'] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,50}$/.test(region)) problems.push(`--region expects a region name such as us-east-1, got '${region}'`);

  let intervalMs = DEFAULT_INTERVAL_MS;
  const interval = values['--interval-ms'];
  if (interval !== undefined) {
    const n = Number(interval);
    if (!Number.isInteger(n) || n < MIN_INTERVAL_MS || n > MAX_INTERVAL_MS) problems.push(`--interval-ms expects an integer in [${MIN_INTERVAL_MS}, ${MAX_INTERVAL_MS}], got '${interval}'`);
    else intervalMs = n;
  }

  const lang = values['--lang'];
  if (lang !== undefined && lang !== 'en' && lang !== 'ja') problems.push(`--lang expects ja or en, got '${lang}'`);

  if (problems.length > 0 || pipelineName === undefined) return { problems };
  return {
    args: {
      pipelineName,
      ...(executionId !== undefined ? { executionId } : {}),
      endpoint,
      region,
      intervalMs,
      ...(lang === 'en' || lang === 'ja' ? { lang } : {}),
      color,
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'test',
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'test',
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      },
    },
  };
}
