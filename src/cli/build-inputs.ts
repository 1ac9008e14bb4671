/**
 * Checks and loads what `nagare build` was given before anything runs: the source directory, the
 * buildspec file of `-b`, env files, secondary sources. Every problem is a usage error (exit 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { EnvironmentVariable } from '../build/index.js';
import type { BuildArgs } from './build-args.js';
import { parseEnvFile } from './build-env-file.js';
import type { Lang } from './messages.js';
import { t } from './messages.js';

export interface BuildInputs {
  dir: string;
  /** `-b FILE`: read here (relative to the current directory) and run as given. */
  buildspecFile?: { text: string; location: string };
  secondaries: Array<{ id: string; path: string }>;
  /** `-e` then `--env`, as StartBuild environmentVariablesOverride (spec A.5). */
  overrideEnv: EnvironmentVariable[];
  region: string;
  projectName: string;
}

export async function loadInputs(args: BuildArgs, env: Readonly<Record<string, string | undefined>>, cwd: string, lang: Lang): Promise<{ inputs: BuildInputs } | { problems: string[] }> {
  const problems: string[] = [];
  const dir = resolve(cwd, args.dir);
  if (!(await isDir(dir))) problems.push(t(lang, 'build_not_found', { what: 'directory', path: dir }));
  const secondaries = [];
  for (const s of args.secondarySources) {
    const path = resolve(cwd, s.path);
    if (await isDir(path)) secondaries.push({ id: s.id, path });
    else problems.push(t(lang, 'build_not_found', { what: `-s ${s.id}`, path }));
  }
  let buildspecFile: BuildInputs['buildspecFile'];
  if (args.buildspec !== undefined) {
    const location = resolve(cwd, args.buildspec);
    const text = await readFile(location, 'utf8').catch(() => undefined);
    if (text === undefined) problems.push(t(lang, 'build_not_found', { what: 'buildspec', path: location }));
    else buildspecFile = { text, location };
  }
  const overrideEnv: EnvironmentVariable[] = [];
  for (const file of args.envFiles) {
    const path = resolve(cwd, file);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) {
      problems.push(t(lang, 'build_not_found', { what: 'env file', path }));
      continue;
    }
    const parsed = parseEnvFile(text, file);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else overrideEnv.push(...parsed.vars.map((v) => ({ ...v, type: 'PLAINTEXT' as const })));
  }
  overrideEnv.push(...args.env.map((v) => ({ ...v, type: 'PLAINTEXT' as const })));
  if (problems.length > 0) return { problems };
  const region = args.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const projectName = args.projectName ?? projectNameOf(dir);
  return { inputs: { dir, secondaries, overrideEnv, region, projectName, ...(buildspecFile ? { buildspecFile } : {}) } };
}

/** A valid CodeBuild project name from the directory name (2–255 of `[A-Za-z0-9-_]`, letter/digit first). */
export function projectNameOf(dir: string): string {
  const name = basename(dir).replace(/[^A-Za-z0-9\-_]/g, '-').replace(/^[-_]+/, '').slice(0, 255);
  return name.length >= 2 ? name : 'local-build';
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}
