/**
 * Completes a build once (a later writer loses) and, in the same transaction, enqueues the job its
 * starter asked to be told with (`BuildSettings.notify`) — how the pipeline engine learns that a
 * build it started has ended, without polling (DESIGN.md §2: workers report back through the store).
 */
import type { JobQueue } from '../../engine/index.js';
import type { Queryable } from '../../store/index.js';
import { finishBuild, type BuildFinish } from './build-repo.js';
import type { Build } from './types.js';

export async function completeBuild(q: Queryable, queue: JobQueue, build: Pick<Build, 'scope' | 'id' | 'arn' | 'settings'>, f: BuildFinish): Promise<boolean> {
  const done = await finishBuild(q, build.scope, build.id, f);
  const notify = build.settings.notify;
  if (done && notify) {
    await queue.enqueue(q, notify.kind, { ...notify.payload, buildId: build.id, buildArn: build.arn, buildStatus: f.buildStatus });
  }
  return done;
}
