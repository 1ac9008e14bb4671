/**
 * The end of a build container, whoever gets there first. The executor's `finally` tears the
 * container down when the build ends for any reason (done, timeout, StopBuild, the server shutting
 * down). PROVISIONING may still be creating or starting it at that moment — the `finally` waits for
 * the running phase only so long (an engine under load, a slow pull) — so PROVISIONING hands over
 * the container after each engine call through `keepContainer`, which refuses it once the build
 * was interrupted and removes it itself if the teardown already happened. Either way no build
 * container outlives its build.
 */
import type { ContainerRuntime } from '../../../runtime/index.js';
import { EngineError } from '../../../runtime/index.js';
import { killBuildContainer, type ContainerContext } from './context.js';

const REMOVE_ATTEMPTS = 3;
const RETRY_MS = 250;

/** Kills and removes the build's container, if it exists yet; a container created later is removed by `keepContainer`. */
export async function tearDown(ctx: ContainerContext): Promise<void> {
  ctx.tornDown = true;
  if (!ctx.containerId) return;
  await killBuildContainer(ctx);
  await removeContainer(ctx.runtime, ctx.containerId);
}

/**
 * PROVISIONING's check after creating or starting the container: true to carry on; false when the
 * build was interrupted meanwhile — the teardown still to come removes the container, or, if it
 * already ran without knowing this container, it is removed here.
 */
export async function keepContainer(ctx: ContainerContext, id: string): Promise<boolean> {
  ctx.containerId = id;
  if (ctx.tornDown) {
    await removeContainer(ctx.runtime, id);
    return false;
  }
  return !ctx.interrupt.aborted;
}

/**
 * A forced removal, retried while the engine refuses it: podman can answer an error while the
 * container is still being killed or cleaned up. A timeout is not retried (shutdown stays bounded).
 */
async function removeContainer(runtime: ContainerRuntime, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runtime.removeContainer(id);
      return;
    } catch (err) {
      if (attempt >= REMOVE_ATTEMPTS || !(err instanceof EngineError) || err.statusCode === 0) throw err;
      await new Promise((r) => setTimeout(r, RETRY_MS * attempt));
    }
  }
}
