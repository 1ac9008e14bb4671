/**
 * Why a running build must stop: StopBuild (seen through this process's registry at once, or by
 * polling the build row — another replica may have served the request) or the worker losing the
 * job (lease lost, server shutting down). `signal` aborts on either; the reason decides the
 * build's ending (STOPPED vs FAILED with the interruption context).
 */
import type { Logger } from '../../../shared/index.js';
import type { Db } from '../../../store/index.js';
import type { CodeBuildScope } from '../../projects/types.js';
import { findBuildControl } from '../build-repo.js';
import type { RunningBuilds } from '../running-builds.js';

const POLL_MS = 500;

export class StopWatch {
  private readonly controller = new AbortController();
  private readonly user = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly unregister: () => void;
  stopRequested = false;
  lostReason: 'shutdown' | 'lease' | undefined;

  constructor(db: Db, scope: CodeBuildScope, buildId: string, jobSignal: AbortSignal, running: RunningBuilds, logger: Logger) {
    this.unregister = running.register(buildId, this.user);
    this.user.signal.addEventListener('abort', () => this.stop(), { once: true });
    const onLost = (): void => {
      const reason: unknown = jobSignal.reason;
      this.lostReason = reason instanceof Error && reason.message === 'worker stopping' ? 'shutdown' : 'lease';
      this.controller.abort();
    };
    if (jobSignal.aborted) onLost();
    else jobSignal.addEventListener('abort', onLost, { once: true });
    this.timer = setInterval(() => {
      findBuildControl(db, scope, buildId)
        .then((c) => {
          if (c?.stopRequested) this.stop();
        })
        .catch((err: unknown) => logger.warn({ buildId, err: err instanceof Error ? err.message : String(err) }, 'polling the stop flag failed'));
    }, POLL_MS);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.unregister();
  }

  private stop(): void {
    if (this.controller.signal.aborted) return;
    this.stopRequested = true;
    this.controller.abort();
  }
}
