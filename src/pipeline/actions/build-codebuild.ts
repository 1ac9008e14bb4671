/**
 * Build|Test / AWS / CodeBuild (spec C.7 "CodeBuild-in-CodePipeline contract"): StartBuild on
 * `ProjectName` with the input artifacts (the `PrimarySource` one first), the planned output keys,
 * `EnvironmentVariables` as overrides and `codepipeline/<name>` as initiator. The build reports back
 * through a `notify` job (BUILD_DONE_JOB) when it completes; until then the action is waiting.
 */
import { builds, projects } from '../../build/index.js';
import { errorMessage, isAppError } from '../../shared/index.js';
import { configurationError, jobFailed, type ActionOutcome, type ActionRun } from './types.js';

/** Job kind the build module enqueues when a pipeline's build completes. */
export const BUILD_DONE_JOB = 'codepipeline.build-done';

interface EnvVar {
  name: string;
  value: string;
  type?: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';
}

export async function runCodeBuild(run: ActionRun): Promise<ActionOutcome> {
  const { ProjectName: given, PrimarySource: primary, EnvironmentVariables: envJson, BatchEnabled: batch } = run.configuration;
  if (!given) return configurationError('ProjectName is required');
  // A name, or the project's ARN (what Terraform's aws_codebuild_project.x.id holds).
  const projectName = projects.projectNameOf(run.scope, given);
  if (projectName === undefined) return jobFailed(`Project cannot be found: ${given} is not a CodeBuild project ARN of account ${run.scope.accountId} in ${run.scope.region}`);
  if (batch === 'true') return configurationError('BatchEnabled: nagare does not run batch builds (StartBuildBatch) yet');
  const env = parseEnv(envJson);
  if (typeof env === 'string') return configurationError(env);
  if (run.inputArtifacts.length > 1 && !primary) return configurationError('PrimarySource is required when the action has more than one input artifact');
  const inputs = [...run.inputArtifacts].sort((a, b) => Number(b.name === primary) - Number(a.name === primary));
  if (primary && inputs[0]?.name !== primary) return configurationError(`PrimarySource ${primary} is not an input artifact of this action`);
  try {
    const build = await builds.startBuild(run.deps.codebuild, run.scope, {
      projectName,
      // What CodePipeline itself sends: the project's own source and artifacts give way to the
      // pipeline's artifacts, whatever type the project was created with (seed 000: GITHUB).
      overrides: {
        sourceTypeOverride: 'CODEPIPELINE',
        artifactsOverride: { type: 'CODEPIPELINE' },
        ...(env.length > 0 ? { environmentVariablesOverride: env.map((v) => ({ name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' })) } : {}),
      },
      idempotencyToken: run.actionExecutionId,
      initiator: `codepipeline/${run.pipelineName}`,
      ...(run.endpoint ? { endpoint: run.endpoint } : {}),
      pipeline: {
        pipelineName: run.pipelineName,
        inputs: inputs.map((a) => ({
          name: a.name,
          bucket: a.bucket,
          key: a.key,
          ...(a.versionId ? { versionId: a.versionId } : {}),
          ...(a.revision ? { revision: a.revision } : {}),
          ...(a.cloneRef ? { cloneRef: a.cloneRef } : {}),
        })),
        outputs: run.outputArtifacts.map((a) => ({ name: a.name, bucket: a.bucket, key: a.key })),
      },
      notify: { kind: BUILD_DONE_JOB, payload: { ...run.scope, pipelineName: run.pipelineName, actionExecutionId: run.actionExecutionId } },
    });
    return { kind: 'waiting', externalExecutionId: build.id, externalExecutionUrl: consoleUrl(run.scope.region, build.id) };
  } catch (err) {
    if (isAppError(err) && err.fault === 'user') return jobFailed(err.message);
    return jobFailed(errorMessage(err));
  }
}

/** The AWS console link AWS puts in externalExecutionUrl (spec C.7, observed). */
export function consoleUrl(region: string, buildId: string): string {
  return `https://console.aws.amazon.com/codebuild/home?region=${region}#/builds/${encodeURIComponent(buildId)}/view/new`;
}

/** `EnvironmentVariables` is a JSON *string* of [{name, value, type?}] (spec C.7). */
function parseEnv(text: string | undefined): EnvVar[] | string {
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `EnvironmentVariables is not valid JSON: ${errorMessage(err)}`;
  }
  if (!Array.isArray(parsed)) return 'EnvironmentVariables must be a JSON array of {"name","value","type"} objects';
  const out: EnvVar[] = [];
  for (const [i, v] of parsed.entries()) {
    const e = v as Partial<EnvVar>;
    if (typeof e?.name !== 'string' || typeof e.value !== 'string') return `EnvironmentVariables[${i}] needs string "name" and "value"`;
    if (e.type !== undefined && !['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'].includes(e.type)) return `EnvironmentVariables[${i}].type must be PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER`;
    out.push({ name: e.name, value: e.value, ...(e.type ? { type: e.type } : {}) });
  }
  return out;
}
