/**
 * Arguments of `nagare build [dir]`: short and long options, `--opt=value`, repeatable `-s` and
 * `--env`. Problems are collected (exit code 2), never thrown.
 */
export interface BuildArgs {
  dir: string;
  buildspec?: string;
  artifactsDir?: string;
  reportsDir?: string;
  envFiles: string[];
  /** `-s id:path`, in order. */
  secondarySources: Array<{ id: string; path: string }>;
  /** `--env NAME=VALUE`, in order (later wins). */
  env: Array<{ name: string; value: string }>;
  endpointUrl?: string;
  inPlace: boolean;
  progress: boolean;
  zip: boolean;
  timeoutMinutes: number;
  region?: string;
  projectName?: string;
  /** `--container IMAGE`: run inside this image through the Docker Engine API (docker or podman). */
  container?: string;
  /** `--privileged`: with --container, give the build the engine socket (docker build inside). */
  privileged: boolean;
  help: boolean;
}

export type BuildArgsResult = { args: BuildArgs } | { problems: string[] };

const VALUE_OPTIONS: Record<string, string> = {
  '-b': 'buildspec', '--buildspec': 'buildspec',
  '-a': 'artifacts', '--artifacts': 'artifacts',
  '-r': 'reports', '--reports': 'reports',
  '-e': 'env-file', '--env-file': 'env-file',
  '-s': 'source', '--secondary-source': 'source',
  '--env': 'env',
  '--endpoint-url': 'endpoint-url',
  '--timeout': 'timeout',
  '--region': 'region',
  '--project-name': 'project-name',
  '--container': 'container',
};
const FLAGS: Record<string, string> = { '--privileged': 'privileged', '--in-place': 'in-place', '--no-progress': 'no-progress', '--no-zip': 'no-zip', '-h': 'help', '--help': 'help' };
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** sourceIdentifier: alphanumeric and underscore, starting with a letter (CodeBuild's own rule). */
const SOURCE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseBuildArgs(argv: readonly string[]): BuildArgsResult {
  const args: BuildArgs = { dir: '.', envFiles: [], secondarySources: [], env: [], inPlace: false, privileged: false, progress: true, zip: true, timeoutMinutes: 60, help: false };
  const problems: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const opt = eq > 0 ? raw.slice(0, eq) : raw;
    if (FLAGS[opt] !== undefined && eq < 0) {
      setFlag(args, FLAGS[opt]);
      continue;
    }
    const key = VALUE_OPTIONS[opt];
    if (key === undefined) {
      if (raw.startsWith('-') && raw !== '-') problems.push(`unknown option: ${raw}`);
      else positionals.push(raw);
      continue;
    }
    const value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined) problems.push(`${opt} needs a value`);
    else setValue(args, key, value, opt, problems);
  }
  if (positionals.length > 1) problems.push(`only one source directory may be given, got: ${positionals.join(' ')}`);
  if (positionals[0] !== undefined) args.dir = positionals[0];
  if (args.privileged && args.container === undefined) problems.push('--privileged needs --container IMAGE');
  return problems.length > 0 ? { problems } : { args };
}

function setFlag(args: BuildArgs, key: string): void {
  if (key === 'privileged') args.privileged = true;
  else if (key === 'in-place') args.inPlace = true;
  else if (key === 'no-progress') args.progress = false;
  else if (key === 'no-zip') args.zip = false;
  else args.help = true;
}

function setValue(args: BuildArgs, key: string, value: string, opt: string, problems: string[]): void {
  switch (key) {
    case 'buildspec':
      args.buildspec = value;
      return;
    case 'container':
      args.container = value;
      return;
    case 'artifacts':
      args.artifactsDir = value;
      return;
    case 'reports':
      args.reportsDir = value;
      return;
    case 'env-file':
      args.envFiles.push(value);
      return;
    case 'source': {
      const colon = value.indexOf(':');
      const id = value.slice(0, colon);
      if (colon <= 0 || colon === value.length - 1 || !SOURCE_ID.test(id)) problems.push(`${opt} expects <sourceIdentifier>:<path>, got '${value}'`);
      else args.secondarySources.push({ id, path: value.slice(colon + 1) });
      return;
    }
    case 'env': {
      const eq = value.indexOf('=');
      const name = eq < 0 ? value : value.slice(0, eq);
      if (eq < 0 || !NAME.test(name)) problems.push(`${opt} expects NAME=VALUE, got '${value}'`);
      else args.env.push({ name, value: value.slice(eq + 1) });
      return;
    }
    case 'endpoint-url':
      if (!/^https?:\/\/[^/]/.test(value)) problems.push(`${opt} expects an http(s) URL, got '${value}'`);
      else args.endpointUrl = value;
      return;
    case 'timeout': {
      const n = Number(value);
      if (!(n > 0) || n > 2160) problems.push(`${opt} expects minutes in (0, 2160], got '${value}'`);
      else args.timeoutMinutes = n;
      return;
    }
    case 'region':
      args.region = value;
      return;
    case 'project-name':
      if (!/^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$/.test(value)) problems.push(`${opt} must be 2-255 letters, digits, - or _, got '${value}'`);
      else args.projectName = value;
      return;
  }
}
