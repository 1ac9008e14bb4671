/**
 * Where things are inside the build container. CodeBuild checks the source out under
 * `/codebuild/output/src<digits>/src` (spec A.14 CODEBUILD_SRC_DIR; the number varies per build) and
 * keeps the agent's per-command scripts and env snapshot in `/codebuild/output/tmp`, so builds that
 * print or depend on those paths see the same values here.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { StateFiles } from '../local/shell-script.js';

export const CONTAINER_SCRATCH_DIR = '/codebuild/output/tmp';
/** Where the engine socket appears inside a privileged build (`DOCKER_HOST` points at it). */
export const CONTAINER_ENGINE_SOCKET = '/var/run/docker.sock';

/** A stable `/codebuild/output/src<digits>/src` for a build (digits derived from `seed`, e.g. the build UUID). */
export function containerSrcDir(seed: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(seed).digest('hex').slice(0, 12)}`).toString().slice(0, 9);
  return `/codebuild/output/src${digits}/src`;
}

export function containerStateFiles(): StateFiles {
  return { envFile: posix.join(CONTAINER_SCRATCH_DIR, 'env.sh'), dirFile: posix.join(CONTAINER_SCRATCH_DIR, 'dir.txt') };
}

/** A host path under the scratch directory, as the container sees it. */
export function inContainerScratch(relative: string): string {
  return posix.join(CONTAINER_SCRATCH_DIR, relative);
}
