import { z } from 'zod';
import { parseGitRemotes } from './git-remotes.js';

/** Hosts that only this machine can reach: the default key `test`/`test` is allowed only there. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Options of `nagare up`. Precedence: flags > NAGARE_* env > defaults (applied by `resolveUpConfig`).
 * Each field's description is the flag's help text.
 */
export const upConfigObject = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(4566).describe('TCP port to listen on'),
    host: z.string().min(1).default('127.0.0.1').describe('address to bind (loopback by default)'),
    dataDir: z.string().min(1).default('./.nagare').describe('where embedded data, blobs and keys live'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional()
      .describe('PostgreSQL server URL (default: embedded PGlite in the data dir)'),
    cacheDir: z.string().min(1).optional().describe('cache for start-up snapshots (default: $XDG_CACHE_HOME/nagare or ~/.cache/nagare)'),
    buildConcurrency: z.coerce.number().int().min(1).max(256).default(4).describe('builds run at once; more wait QUEUED'),
    buildExecutor: z
      .enum(['local', 'container'])
      .default('local')
      .describe("where builds run: 'local' (host processes) or 'container' (environment.image via Docker/podman)"),
    dockerHost: z
      .string()
      .regex(/^(unix:\/\/\/|\/)/, 'must be a unix socket: unix:///path or /path')
      .optional()
      .describe('Docker Engine API socket for --build-executor container (default: $DOCKER_HOST, else /var/run/docker.sock)'),
    timeScale: z.coerce.number().positive().max(1_000_000).default(1).describe('speed-up factor for AWS waits (e.g. 60)'),
    gitRemotes: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        const parsed = parseGitRemotes(v);
        if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
      })
      .describe("where connection / GitHub sources read repositories nagare does not host: PATTERN=URL,… (e.g. '*=https://github.com/{id}.git' or 'me/app=/home/me/src/app')"),
    pollInterval: z.coerce
      .number()
      .positive()
      .max(86400)
      .default(60)
      .describe('seconds between polls of --git-remotes for PollForSourceChanges / DetectChanges (divided by --time-scale)'),
    accessKeyId: z.string().min(1).optional().describe('access key id clients sign with'),
    secretAccessKey: z.string().min(1).optional().describe('secret access key clients sign with'),
    accountId: z.string().regex(/^\d{12}$/, 'must be 12 digits').default('000000000000').describe('AWS account id in ARNs'),
    masterKey: z.string().optional().describe('base64 32-byte key encrypting secrets at rest (default: key file in the data dir)'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info').describe('log level'),
    logFile: z.string().optional().describe("structured log destination ('-' = stderr; default <data-dir>/nagare.log)"),
  })
  .strict();

export const upConfigSchema = upConfigObject.superRefine((c, ctx) => {
    if ((c.accessKeyId === undefined) !== (c.secretAccessKey === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['secretAccessKey'], message: 'access key id and secret access key must be given together' });
    }
    if (!isLoopbackHost(c.host) && c.accessKeyId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['host'],
        message: `refusing to listen on non-loopback address ${c.host} with the default test/test key: set --access-key-id and --secret-access-key (or NAGARE_ACCESS_KEY_ID / NAGARE_SECRET_ACCESS_KEY)`,
      });
    }
});

export type UpConfig = z.infer<typeof upConfigSchema>;

/** Environment variable for each option: NAGARE_ + upper snake case (dataDir → NAGARE_DATA_DIR). */
export function envNameOf(key: string): string {
  return 'NAGARE_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

/** Flag for each option: --kebab-case (dataDir → --data-dir). */
export function flagNameOf(key: string): string {
  return '--' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

export const upConfigKeys = Object.keys(upConfigObject.shape) as (keyof UpConfig)[];

export interface ConfigProblem {
  option: string;
  message: string;
}

/** Merges flags over env over defaults and validates; returns problems instead of throwing. */
export function resolveUpConfig(
  flags: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): { config: UpConfig } | { problems: ConfigProblem[] } {
  const raw: Record<string, string> = {};
  for (const key of upConfigKeys) {
    const fromEnv = env[envNameOf(key)];
    if (fromEnv !== undefined && fromEnv !== '') raw[key] = fromEnv;
    const fromFlag = flags[key];
    if (fromFlag !== undefined) raw[key] = fromFlag;
  }
  const parsed = upConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return { option: key ? `${flagNameOf(key)} / ${envNameOf(key)}` : '(options)', message: i.message };
    }),
  };
}

/** Credentials the server accepts: the configured key, else test/test (loopback only, enforced above). */
export function credentialsOf(c: UpConfig): Map<string, string> {
  return new Map([[c.accessKeyId ?? 'test', c.secretAccessKey ?? 'test']]);
}
