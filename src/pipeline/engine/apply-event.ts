/**
 * Feeds one event to the pure execution machine inside a pipeline transaction, stores the next
 * runtime state and carries out its commands (rows and jobs in the same transaction, so a crash
 * leaves either all of it or none). A rejection becomes the AWS exception it names.
 */
import { pipelineError } from '../errors.js';
import { decide, type Decision, type PipelineEvent } from '../execution/index.js';
import { saveRuntime } from '../pipelines/pipeline-repo.js';
import { runCommand } from './run-command.js';
import type { PipelineTx } from './with-pipeline.js';

export async function applyEvent(p: PipelineTx, event: PipelineEvent): Promise<Decision> {
  const decision = decide(p.record.runtime, event);
  if (decision.rejection) throw pipelineError(decision.rejection.code, decision.rejection.message);
  p.record.runtime = decision.next;
  await saveRuntime(p.tx, p.scope, p.record.name, decision.next);
  for (const command of decision.commands) await runCommand(p, command);
  return decision;
}
