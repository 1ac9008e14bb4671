/**
 * `nagare build [dir]`: one build, on this machine, no server, no database — the local counterpart
 * of AWS's codebuild_build.sh. Runs the buildspec with the local executor (spec Part A), streams the
 * log, prints a phase summary and returns the exit code (0 SUCCEEDED, 1 FAILED/FAULT, 2 usage,
 * 124 TIMED_OUT, 130 STOPPED). bin/ supplies the process's environment, streams and Ctrl+C signal.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { codebuildEnvironment, formatDiagnostic, runContainerBuild, runLocalBuild } from '../build/index.js';
import type { ContainerBuildInput, LocalBuildResult, SecretResolvers, UploadHooks } from '../build/index.js';
import { SystemClock, errorMessage } from '../shared/index.js';
import { parseBuildArgs } from './build-args.js';
import type { BuildArgs } from './build-args.js';
import { localArtifactPublisher } from './build-artifacts.js';
import { awsJsonClient } from './build-aws-client.js';
import { exitCodeOf } from './build-exit-code.js';
import { loadInputs } from './build-inputs.js';
import type { BuildInputs } from './build-inputs.js';
import { BuildProgress } from './build-progress.js';
import type { Terminal } from './build-progress.js';
import { remoteSecretResolvers, unavailableSecretResolvers } from './build-remote-secrets.js';
import { localReportCollector, reportLine } from './build-reports.js';
import { renderSummary } from './build-summary.js';
import { prepareWorkspace } from './build-workspace.js';
import type { Lang } from './messages.js';
import { t } from './messages.js';

export interface BuildDeps {
  argv: readonly string[];
  lang: Lang;
  /** The invoking process's environment: PATH/HOME/LANG for the build, AWS_* for --endpoint-url. */
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  tmpDir: string;
  stdout: Terminal;
  stderr: { write(text: string): void };
  /** Aborted on Ctrl+C: the build stops (STOPPED). */
  signal?: AbortSignal;
  color: boolean;
  /** For --container: the container engine (bin/ builds it from DOCKER_HOST) and its socket path. */
  containerEngine?: () => { runtime: ContainerBuildInput['runtime']; socketPath: string };
}

export async function runBuild(deps: BuildDeps): Promise<number> {
  const { lang, stderr } = deps;
  const parsed = parseBuildArgs(deps.argv);
  if ('problems' in parsed) return usageError(deps, parsed.problems);
  const args = parsed.args;
  if (args.help) {
    deps.stdout.write(t(lang, 'build_help') + '\n');
    return 0;
  }
  const loaded = await loadInputs(args, deps.env, deps.cwd, lang);
  if ('problems' in loaded) return usageError(deps, loaded.problems);
  try {
    return await execute(deps, args, loaded.inputs);
  } catch (err) {
    stderr.write(t(lang, 'build_could_not_run', { message: errorMessage(err) }) + '\n');
    return 1;
  }
}

async function execute(deps: BuildDeps, args: BuildArgs, inputs: BuildInputs): Promise<number> {
  const workspace = await prepareWorkspace(inputs.dir, inputs.secondaries, args.inPlace, deps.tmpDir);
  const progress = new BuildProgress(deps.stdout, args.progress && deps.stdout.isTTY === true);
  const outputs: Outputs = { files: [], reportLines: [] };
  try {
    const startTime = new Date();
    const hooks = await uploadHooks(args, deps.cwd, Object.values(workspace.secondaryDirs), outputs);
    const resolvedSourceVersion = await gitHead(inputs.dir);
    const input = {
      buildspec: inputs.buildspecFile ? { inline: inputs.buildspecFile.text, location: inputs.buildspecFile.location } : { path: 'buildspec.yml' },
      srcDir: workspace.srcDir,
      scratchDir: workspace.scratchDir,
      baseEnv: baseEnv(deps.env),
      systemEnv: codebuildEnvironment({
        region: inputs.region,
        accountId: '000000000000',
        projectName: inputs.projectName,
        buildUuid: randomUUID(),
        buildNumber: 1,
        startTime,
        srcDir: workspace.srcDir,
        secondarySrcDirs: workspace.secondaryDirs,
        initiator: deps.env.USER ?? 'nagare-build',
        image: 'nagare/local',
        ...(resolvedSourceVersion ? { resolvedSourceVersion } : {}),
      }),
      overrideEnv: inputs.overrideEnv,
      resolvers: resolvers(deps, args, inputs),
      maskValues: maskValues(deps.env, inputs),
      timeoutMinutes: args.timeoutMinutes,
      ...(deps.signal ? { signal: deps.signal } : {}),
      clock: new SystemClock(),
      onLog: (lines: string[]) => progress.lines(lines),
      onProgress: (state: Parameters<BuildProgress['update']>[0]) => progress.update(state),
      hooks,
    } satisfies Parameters<typeof runLocalBuild>[0];
    const result = args.container === undefined ? await runLocalBuild(input) : await runInContainer(deps, args, args.container, input);
    progress.finish();
    report(deps, result, outputs);
    return exitCodeOf(result.buildStatus);
  } finally {
    progress.finish();
    await workspace.cleanup();
  }
}

/** The same build inside `image` (spec A.9 semantics kept by the container runner). */
async function runInContainer(deps: BuildDeps, args: BuildArgs, image: string, input: Parameters<typeof runLocalBuild>[0]): Promise<LocalBuildResult> {
  if (!deps.containerEngine) throw new Error('no container engine is configured (set DOCKER_HOST)');
  const engine = deps.containerEngine();
  return runContainerBuild({
    ...input,
    runtime: engine.runtime,
    image,
    privilegedMode: args.privileged,
    ...(args.privileged ? { engineSocketPath: engine.socketPath } : {}),
  });
}

/** What the build wrote besides its log: artifact zips/folders, reports.json and one line per report. */
interface Outputs {
  files: Array<{ kind: 'build_artifacts_written' | 'build_reports_written'; path: string }>;
  reportLines: string[];
}

function report(deps: BuildDeps, result: LocalBuildResult, outputs: Outputs): void {
  const { lang } = deps;
  for (const d of result.diagnostics.filter((x) => x.severity === 'warning')) deps.stderr.write(t(lang, 'build_warning', { message: formatDiagnostic(d) }) + '\n');
  const extra: string[] = [];
  for (const file of outputs.files) extra.push(t(lang, file.kind, { path: file.path }));
  extra.push(...outputs.reportLines.map((l) => `  ${l}`));
  if (result.exportedEnvironmentVariables?.length) {
    extra.push(t(lang, 'build_exported'), ...result.exportedEnvironmentVariables.map((v) => `  ${v.name}=${v.value}`));
  }
  deps.stdout.write(renderSummary(lang, result, { color: deps.color }) + (extra.length > 0 ? extra.join('\n') + '\n' : ''));
}

async function uploadHooks(args: BuildArgs, cwd: string, allowedRoots: string[], outputs: Outputs): Promise<UploadHooks> {
  const hooks: UploadHooks = {};
  if (args.artifactsDir !== undefined) {
    const outDir = resolve(cwd, args.artifactsDir);
    await mkdir(outDir, { recursive: true });
    hooks.publishArtifacts = localArtifactPublisher({ outDir, zip: args.zip, allowedRoots, written: (path) => outputs.files.push({ kind: 'build_artifacts_written', path }) });
  }
  if (args.reportsDir !== undefined) {
    const outDir = resolve(cwd, args.reportsDir);
    await mkdir(outDir, { recursive: true });
    hooks.collectReports = localReportCollector({
      outDir,
      allowedRoots,
      written: (path, reports) => {
        outputs.files.push({ kind: 'build_reports_written', path });
        outputs.reportLines.push(...reports.map(reportLine));
      },
    });
  }
  return hooks;
}

/** The build starts from PATH, HOME and LANG only — never the rest of the caller's environment. */
function baseEnv(env: BuildDeps['env']): Record<string, string> {
  return { PATH: env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: env.HOME ?? '/root', LANG: env.LANG ?? 'C.UTF-8' };
}

function resolvers(deps: BuildDeps, args: BuildArgs, inputs: BuildInputs): SecretResolvers {
  if (args.endpointUrl === undefined) return unavailableSecretResolvers(t(deps.lang, 'build_endpoint_required'));
  const call = awsJsonClient({
    endpoint: args.endpointUrl,
    region: inputs.region,
    credentials: {
      accessKeyId: deps.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: deps.env.AWS_SECRET_ACCESS_KEY ?? 'test',
      ...(deps.env.AWS_SESSION_TOKEN ? { sessionToken: deps.env.AWS_SESSION_TOKEN } : {}),
    },
  });
  return remoteSecretResolvers(call);
}

/**
 * AWS secrets handed to or used by the build are masked (spec A.5): secret keys and session tokens,
 * and access key ids that look like real ones. The documented default `test` key is not a secret
 * (DESIGN.md §1) and masking it would blank every "test" in a log.
 */
function maskValues(env: BuildDeps['env'], inputs: BuildInputs): string[] {
  const values = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN];
  for (const v of inputs.overrideEnv) {
    if (v.name === 'AWS_SECRET_ACCESS_KEY' || v.name === 'AWS_SESSION_TOKEN') values.push(v.value);
    if (v.name === 'AWS_ACCESS_KEY_ID' && /^(AKIA|ASIA)[A-Z0-9]{12,}$/.test(v.value)) values.push(v.value);
  }
  return values.filter((v): v is string => v !== undefined && v !== '' && v !== 'test');
}

/** `CODEBUILD_RESOLVED_SOURCE_VERSION`: the commit being built, when the directory is a git checkout. */
function gitHead(dir: string): Promise<string | undefined> {
  return new Promise((ok) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 5000 }, (err, stdout) => ok(err ? undefined : stdout.trim() || undefined));
  });
}

function usageError(deps: BuildDeps, problems: string[]): number {
  deps.stderr.write(problems.map((p) => `nagare build: ${p}`).join('\n') + '\n' + t(deps.lang, 'build_usage_hint') + '\n');
  return 2;
}
