/** Helpers for the local executor's tests: a temp source dir, a build run, its log. */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SystemClock } from '../../../shared/index.js';
import { codebuildEnvironment } from '../build-env.js';
import { runLocalBuild } from './run-local-build.js';
import type { LocalBuildInput, LocalBuildResult } from './types.js';

export interface Fixture {
  result: LocalBuildResult;
  /** Every log line as delivered. */
  lines: string[];
  /** Output lines only (agent lines removed) — what the commands printed. */
  output: string[];
  srcDir: string;
  phase(type: string): LocalBuildResult['phases'][number] | undefined;
  cleanup(): Promise<void>;
}

export const TEST_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

export async function runFixture(buildspec: string, options: { files?: Record<string, string>; input?: Partial<LocalBuildInput> } = {}): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'nagare-exec-test-'));
  // Traversable, so a run-as user can reach the source (the executor opens the source itself).
  await chmod(root, 0o711);
  const srcDir = join(root, 'src');
  const scratchDir = join(root, 'tmp');
  await mkdir(srcDir);
  await mkdir(scratchDir, { mode: 0o700 });
  await writeFile(join(srcDir, 'buildspec.yml'), buildspec);
  for (const [name, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(srcDir, name)), { recursive: true });
    await writeFile(join(srcDir, name), text);
  }
  const lines: string[] = [];
  const result = await runLocalBuild({
    buildspec: { path: 'buildspec.yml' },
    srcDir,
    scratchDir,
    baseEnv: { PATH: TEST_PATH, HOME: '/root', LANG: 'C.UTF-8' },
    systemEnv: codebuildEnvironment({
      region: 'us-east-1', accountId: '000000000000', projectName: 'test', buildUuid: 'uuid-1', buildNumber: 1,
      startTime: new Date(), srcDir, initiator: 'test', image: 'nagare/local',
    }),
    timeoutMinutes: 1,
    clock: new SystemClock(),
    onLog: (l) => void lines.push(...l),
    killGraceMs: 500,
    ...options.input,
  });
  return {
    result,
    lines,
    output: lines.filter((l) => !l.startsWith('[Container] ')),
    srcDir,
    phase: (type) => result.phases.find((p) => p.phaseType === type),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Agent messages without the `[Container] <time> ` prefix. */
export function agentMessages(lines: string[]): string[] {
  return lines.filter((l) => l.startsWith('[Container] ')).map((l) => l.replace(/^\[Container\] \S+ \S+ /, ''));
}
