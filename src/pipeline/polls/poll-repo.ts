/** Rows of codepipeline_source_polls: the revision polling last saw per source action. */
import type { Queryable } from '../../store/index.js';
import type { PipelineScope } from '../actions/types.js';

export interface PollMark {
  remoteUrl: string;
  branch: string;
  revision: string;
}

export async function findPollMark(q: Queryable, scope: PipelineScope, pipelineName: string, actionName: string): Promise<PollMark | undefined> {
  const r = await q.query<{ remote_url: string; branch: string; revision: string }>(
    `SELECT remote_url, branch, revision FROM codepipeline_source_polls WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND action_name = $4`,
    [scope.accountId, scope.region, pipelineName, actionName],
  );
  const row = r.rows[0];
  return row ? { remoteUrl: row.remote_url, branch: row.branch, revision: row.revision } : undefined;
}

export async function savePollMark(q: Queryable, scope: PipelineScope, pipelineName: string, actionName: string, mark: PollMark, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO codepipeline_source_polls (account_id, region, pipeline_name, action_name, remote_url, branch, revision, checked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (account_id, region, pipeline_name, action_name)
     DO UPDATE SET remote_url = EXCLUDED.remote_url, branch = EXCLUDED.branch, revision = EXCLUDED.revision, checked_at = EXCLUDED.checked_at`,
    [scope.accountId, scope.region, pipelineName, actionName, mark.remoteUrl, mark.branch, mark.revision, now],
  );
}

/** Forgets marks of actions the pipeline no longer has (renamed or removed source actions). */
export async function prunePollMarks(q: Queryable, scope: PipelineScope, pipelineName: string, keep: readonly string[]): Promise<void> {
  await q.query(`DELETE FROM codepipeline_source_polls WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND NOT (action_name = ANY($4::text[]))`, [
    scope.accountId,
    scope.region,
    pipelineName,
    [...keep],
  ]);
}
