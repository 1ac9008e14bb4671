/** Tag rules shared by CreatePipeline and TagResource (spec D.5): ≤50, key 1–128, value ≤256, unique keys. */
import { pipelineError } from '../errors.js';
import type { Tag } from '../pipelines/pipeline-repo.js';

export const MAX_TAGS = 50;

export function checkTags(tags: readonly Tag[]): void {
  if (tags.length > MAX_TAGS) throw pipelineError('TooManyTagsException', `Tag limit exceeded: a resource can have at most ${MAX_TAGS} tags`);
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.key.startsWith('aws:')) throw pipelineError('InvalidTagsException', `Tag key ${t.key} uses the reserved prefix aws:`);
    if (seen.has(t.key)) throw pipelineError('InvalidTagsException', `Tag key ${t.key} is given more than once`);
    seen.add(t.key);
  }
}
