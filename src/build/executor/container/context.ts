/**
 * What the phases of one container build share: the local executor's RunContext — whose `input`
 * is the build as seen from inside the container (`srcDir` = the container path) — plus the engine,
 * the build container once PROVISIONING started it, and the caller's input with its host paths
 * (artifact upload and report collection work on the host side of the bind mount).
 */
import type { ContainerRuntime } from '../../../runtime/index.js';
import type { RunContext } from '../local/context.js';
import type { StateFiles } from '../local/shell-script.js';
import type { ContainerBuildInput } from './types.js';

export interface ContainerContext extends RunContext {
  runtime: ContainerRuntime;
  hostInput: ContainerBuildInput;
  /** env.sh / dir.txt as the scripts inside the container name them. */
  containerFiles: StateFiles;
  containerId?: string;
  image?: string;
  /** Set once the container was killed (timeout, StopBuild): exec results after that are kills. */
  killed: boolean;
  /** Set when the build's end removed (or went to remove) its container: see teardown.ts. */
  tornDown: boolean;
}

/** Kills the build container once; everything running in it (every exec, `&` jobs) dies with it. */
export async function killBuildContainer(ctx: ContainerContext): Promise<void> {
  if (ctx.killed || !ctx.containerId) return;
  ctx.killed = true;
  await ctx.runtime.killContainer(ctx.containerId).catch(() => undefined);
}
