/**
 * GetPipeline and ListPipelines (spec D.2). GetPipeline shows secret configuration values as `****`
 * (Surprise 29) and any stored version on request (Surprise 35); `metadata` describes the pipeline
 * (ARN, creation, last update) whichever version is shown.
 */
import type { PipelineScope } from '../actions/types.js';
import { maskSecrets } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineArn, pipelineError, pipelineNotFound } from '../errors.js';
import { findPipeline, findVersion, listPipelineRows, type PipelineRecord } from '../pipelines/pipeline-repo.js';
import { encodeToken, pageOf, stringCursor } from './page-token.js';
import type { GetPipelineView, Page, PipelineSummaryView } from './types.js';

type ReadDeps = Pick<PipelineDeps, 'db'>;

export async function getPipeline(deps: ReadDeps, scope: PipelineScope, name: string, version?: number): Promise<GetPipelineView> {
  const record = await findPipeline(deps.db, scope, name);
  if (!record) throw pipelineNotFound(scope, name);
  let declaration = record.declaration;
  let shown = record.version;
  if (version !== undefined && version !== record.version) {
    const stored = await findVersion(deps.db, scope, name, version);
    if (!stored) throw pipelineError('PipelineVersionNotFoundException', `Pipeline '${name}' does not have a version ${version}; its latest version is ${record.version}`);
    declaration = stored.declaration;
    shown = version;
  }
  return {
    pipeline: { ...maskSecrets(declaration), version: shown },
    metadata: { pipelineArn: pipelineArn(scope, name), created: record.created, updated: record.updated },
  };
}

const LIST_KIND = 'pipelines';
/** Not documented by AWS; the CLI pages through whatever the server hands out. */
export const DEFAULT_PIPELINES_PAGE = 100;

export function toPipelineSummary(record: PipelineRecord): PipelineSummaryView {
  return {
    name: record.name,
    version: record.version,
    pipelineType: record.declaration.pipelineType ?? 'V1',
    executionMode: record.declaration.executionMode ?? 'SUPERSEDED',
    created: record.created,
    updated: record.updated,
  };
}

/** In name order; the token quotes the last name of the page. */
export async function listPipelines(
  deps: ReadDeps,
  scope: PipelineScope,
  nextToken?: string,
  maxResults: number = DEFAULT_PIPELINES_PAGE,
): Promise<{ pipelines: PipelineSummaryView[] } & Page> {
  const after = stringCursor(LIST_KIND, nextToken, 'after');
  const rows = await listPipelineRows(deps.db, scope, after, maxResults + 1);
  const { items, nextToken: next } = pageOf(rows, maxResults, (last) => encodeToken(LIST_KIND, { after: last.name }));
  return { pipelines: items.map(toPipelineSummary), ...(next !== undefined ? { nextToken: next } : {}) };
}
