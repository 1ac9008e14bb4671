/**
 * Shared steps of the CodeBuild e2e tests: real AWS CLI v2 calls against `nagare up`, a project
 * created from JSON (`--cli-input-json`, as users paste them), and polling batch-get-builds until a
 * build completes.
 */
import assert from 'node:assert/strict';
import { aws, awsOk, type CliResult } from './aws-cli.js';

export interface Phase {
  phaseType: string;
  phaseStatus?: string;
  startTime: string;
  endTime?: string;
  durationInSeconds?: number;
  contexts?: { statusCode: string; message: string }[];
}

export interface Build {
  id: string;
  arn: string;
  buildNumber: number;
  buildStatus: string;
  currentPhase: string;
  buildComplete: boolean;
  startTime: string;
  endTime?: string;
  phases: Phase[];
  logs: { groupName?: string; streamName?: string; deepLink?: string; cloudWatchLogsArn?: string };
  artifacts: { location?: string; sha256sum?: string; md5sum?: string };
  environment: { environmentVariables: { name: string; value: string; type?: string }[] };
  exportedEnvironmentVariables?: { name: string; value: string }[];
  resolvedSourceVersion?: string;
  sourceVersion?: string;
  initiator: string;
  source: { type: string; buildspec?: string };
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
}

export const ENVIRONMENT = { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' };

export function cli(endpoint: string): {
  ok: (...args: string[]) => Promise<CliResult>;
  json: <T = Record<string, unknown>>(...args: string[]) => Promise<T>;
  fails: (code: string, ...args: string[]) => Promise<CliResult>;
} {
  return {
    ok: (...args) => awsOk(endpoint, args),
    json: async <T,>(...args: string[]) => (await awsOk(endpoint, args)).json<T>(),
    fails: async (code, ...args) => {
      const r = await aws(endpoint, args);
      assert.equal(r.code, 254, `expected a service error for ${args.join(' ')}, got ${r.code}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`An error occurred \\(${code}\\) when calling`), r.stderr);
      return r;
    },
  };
}

export async function createProject(endpoint: string, project: Record<string, unknown>): Promise<Record<string, unknown>> {
  const input = { environment: ENVIRONMENT, serviceRole: 'CodeBuildServiceRole', artifacts: { type: 'NO_ARTIFACTS' }, ...project };
  const r = await awsOk(endpoint, ['codebuild', 'create-project', '--cli-input-json', JSON.stringify(input)]);
  return r.json<{ project: Record<string, unknown> }>().project;
}

export async function startBuild(endpoint: string, ...args: string[]): Promise<Build> {
  return (await awsOk(endpoint, ['codebuild', 'start-build', ...args])).json<{ build: Build }>().build;
}

export async function getBuild(endpoint: string, id: string): Promise<Build> {
  const r = (await awsOk(endpoint, ['codebuild', 'batch-get-builds', '--ids', id])).json<{ builds: Build[] }>();
  assert.equal(r.builds.length, 1, `build ${id} not found`);
  return r.builds[0]!;
}

/** Polls until `buildComplete` (or `until` holds), at most `timeoutMs`. */
export async function waitForBuild(endpoint: string, id: string, timeoutMs = 30_000, until: (b: Build) => boolean = (b) => b.buildComplete): Promise<Build> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await getBuild(endpoint, id);
    if (until(b)) return b;
    if (Date.now() > deadline) assert.fail(`build ${id} did not get there within ${timeoutMs} ms: ${b.buildStatus} in ${b.currentPhase}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function phase(b: Build, type: string): Phase | undefined {
  return b.phases.find((p) => p.phaseType === type);
}

/** `phaseType:phaseStatus` of every phase, in order (COMPLETED has no status). */
export function phaseSummary(b: Build): string[] {
  return b.phases.map((p) => (p.phaseStatus ? `${p.phaseType}:${p.phaseStatus}` : p.phaseType));
}

export async function logMessages(endpoint: string, b: Build): Promise<string[]> {
  const r = await awsOk(endpoint, ['logs', 'get-log-events', '--log-group-name', b.logs.groupName!, '--log-stream-name', b.logs.streamName!, '--start-from-head']);
  return r.json<{ events: { message: string }[] }>().events.map((e) => e.message.replace(/\n$/, ''));
}

export function buildspec(lines: string[]): string {
  return lines.join('\n') + '\n';
}
