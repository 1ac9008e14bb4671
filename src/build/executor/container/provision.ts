/**
 * PROVISIONING for a container build: resolve `environment.image` (image-map.ts), then create and
 * start the one long-lived container every command of the build is exec'd in. The source is
 * bind-mounted at `$CODEBUILD_SRC_DIR` and the scratch directory at /codebuild/output/tmp. A build
 * interrupted meanwhile cancels its pull and never keeps the container (teardown.ts).
 */
import type { PhaseOutcome } from '../hooks.js';
import type { ContainerContext } from './context.js';
import { resolveImage } from './image-map.js';
import { CONTAINER_ENGINE_SOCKET, CONTAINER_SCRATCH_DIR } from './paths.js';
import { keepContainer } from './teardown.js';

/** The outcome of a PROVISIONING cut short by the build's interruption (the executor records the interruption instead). */
const INTERRUPTED: PhaseOutcome = { ok: false, context: { statusCode: '', message: '' } };

/** PID 1 of the build container: idles until the container is killed (`Init` reaps orphans). */
const IDLE_COMMAND = ['sh', '-c', 'while sleep 3600; do :; done'];

export async function provision(ctx: ContainerContext): Promise<PhaseOutcome> {
  const host = ctx.hostInput;
  ctx.log.agent('Waiting for agent ping');
  const resolved = await resolveImage(ctx.runtime, host.image, host.defaultImage, ctx.interrupt);
  if (ctx.interrupt.aborted) return INTERRUPTED;
  if ('problem' in resolved) {
    // Wording of AWS's image-pull failure (unverified against a real build): CLIENT_ERROR in PROVISIONING.
    return { ok: false, context: { statusCode: 'CLIENT_ERROR', message: `CannotPullContainerError: ${resolved.problem}` } };
  }
  ctx.image = resolved.image;
  const binds = [`${host.srcDir}:${ctx.input.srcDir}`, `${host.scratchDir}:${CONTAINER_SCRATCH_DIR}`, ...(host.binds ?? [])];
  const env: Record<string, string> = {};
  if (host.privilegedMode) {
    if (!host.engineSocketPath) return { ok: false, fault: true, context: { statusCode: 'INTERNAL_ERROR', message: 'privilegedMode needs engineSocketPath' } };
    binds.push(`${host.engineSocketPath}:${CONTAINER_ENGINE_SOCKET}`);
    env.DOCKER_HOST = `unix://${CONTAINER_ENGINE_SOCKET}`;
  }
  const id = await ctx.runtime.createContainer({
    image: resolved.image,
    entrypoint: [],
    cmd: IDLE_COMMAND,
    env,
    workingDir: ctx.input.srcDir,
    binds,
    privileged: host.privilegedMode === true,
    init: true,
    labels: { 'nagare.build': 'true', ...host.labels },
    ...(host.networkMode ? { networkMode: host.networkMode } : {}),
  });
  if (!(await keepContainer(ctx, id))) return INTERRUPTED;
  await ctx.runtime.startContainer(id);
  // A kill that arrived while the engine was starting it may have found nothing running yet.
  if (!(await keepContainer(ctx, id))) return INTERRUPTED;
  ctx.log.agent('Waiting for DOWNLOAD_SOURCE');
  return { ok: true };
}
