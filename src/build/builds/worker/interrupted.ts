/**
 * A build whose worker vanished (server killed or restarted, lease expired) must not stay
 * IN_PROGRESS forever, and its commands must not run a second time (they may have deployed
 * something). When its job is claimed again, the build ends FAILED with this phase context.
 * Not an AWS status code: AWS has no equivalent event; the message says what happened.
 */
import type { PhaseContext } from '../../executor/index.js';

export const INTERRUPTED_CONTEXT: PhaseContext = {
  statusCode: 'BUILD_INTERRUPTED',
  message:
    'The nagare server restarted (or lost this build\'s worker) while the build was running; its commands were not run again. Start a new build or use RetryBuild.',
};

/** The same when the server is shutting down in an orderly way while the build runs. */
export const SHUTDOWN_CONTEXT: PhaseContext = {
  statusCode: 'BUILD_INTERRUPTED',
  message: 'The nagare server shut down while the build was running. Start a new build or use RetryBuild.',
};

/** The context for a build its worker lost: the server shutting down, or the lease (a crash, another worker). */
export function lostContext(reason: 'shutdown' | 'lease'): PhaseContext {
  return reason === 'shutdown' ? SHUTDOWN_CONTEXT : INTERRUPTED_CONTEXT;
}

/** The agent's log line for a phase context (without the `[Container] <time> ` prefix). */
export function contextLine(context: PhaseContext): string {
  return `Phase context status code: ${context.statusCode} Message: ${context.message}`;
}
