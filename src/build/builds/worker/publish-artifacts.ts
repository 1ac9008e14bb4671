/**
 * UPLOAD_ARTIFACTS for the server (spec A.12): selects files with the buildspec's `artifacts`
 * block and writes them where the project (or `artifactsOverride`) says — an S3 zip or folder at
 * `path/[<build-id>/]name`, the CodePipeline output artifacts, or nowhere (NO_ARTIFACTS). Secondary
 * artifacts pair project entries with buildspec `secondary-artifacts` by identifier. Zero matches
 * fail the phase with CLIENT_ERROR (Surprise 8); a failure is a result, never a throw.
 */
import { join } from 'node:path';
import { AppError, isAppError } from '../../../shared/index.js';
import type { ObjectsDeps } from '../../../objects/index.js';
import { artifactName, resolveArtifactFiles, writeZip, type ArtifactFile } from '../../artifacts/index.js';
import type { ArtifactSpec } from '../../buildspec/index.js';
import { expandVariables, type ArtifactsContext, type PhaseOutcome } from '../../executor/index.js';
import type { ProjectArtifacts } from '../../projects/types.js';
import { uploadFile } from '../sources/s3-io.js';
import type { Build, BuildArtifacts, PipelineOutputArtifact } from '../types.js';

export interface PublishTarget {
  deps: ObjectsDeps;
  build: Build;
  tmpDir: string;
  /** Directories besides the source that artifact paths may point into (secondary sources). */
  allowedRoots: string[];
  /** Filled with what was uploaded (Build.artifacts / secondaryArtifacts). */
  produced: { artifacts?: BuildArtifacts; secondaryArtifacts: BuildArtifacts[] };
}

type Destination = { kind: 's3'; artifacts: ProjectArtifacts } | { kind: 'pipeline'; output: PipelineOutputArtifact };

export async function publishArtifacts(t: PublishTarget, ctx: ArtifactsContext): Promise<PhaseOutcome> {
  const s = t.build.settings;
  try {
    const jobs: { spec: ArtifactSpec; to: Destination; identifier?: string }[] = [];
    const outputs = s.pipeline?.outputs ?? [];
    if (s.artifacts.type === 'CODEPIPELINE' && outputs.length > 1) {
      // Several pipeline outputs come from `secondary-artifacts` named after them (Surprise 11).
      for (const output of outputs) jobs.push({ spec: secondarySpec(ctx, output.name), to: { kind: 'pipeline', output }, identifier: output.name });
    } else if (s.artifacts.type === 'CODEPIPELINE' && outputs[0]) {
      jobs.push({ spec: ctx.artifacts, to: { kind: 'pipeline', output: outputs[0] } });
    } else if (s.artifacts.type === 'S3') {
      jobs.push({ spec: ctx.artifacts, to: { kind: 's3', artifacts: s.artifacts } });
    }
    for (const a of s.secondaryArtifacts) {
      if (a.type === 'S3') jobs.push({ spec: secondarySpec(ctx, a.artifactIdentifier ?? ''), to: { kind: 's3', artifacts: a }, identifier: a.artifactIdentifier ?? '' });
    }
    if (jobs.length > 0 && !ctx.artifacts.hasFiles) return clientError('no matching artifact paths found');
    for (const job of jobs) {
      const result = await publishOne(t, ctx, job.spec, job.to, job.identifier);
      if (job.identifier === undefined) t.produced.artifacts = result;
      else t.produced.secondaryArtifacts.push(result);
    }
    return { ok: true };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return clientError(err.code === 'ArtifactsNoMatch' ? err.message : `${err.code}: ${err.message}`);
  }
}

function secondarySpec(ctx: ArtifactsContext, identifier: string): ArtifactSpec {
  const spec = ctx.artifacts.secondaryArtifacts.find((a) => a.identifier === identifier);
  // Reported like a selection failure (CLIENT_ERROR); wording unverified.
  if (!spec) throw new AppError('ArtifactsNoMatch', `secondary artifact ${identifier} is not defined in the buildspec`);
  return spec;
}

async function publishOne(t: PublishTarget, ctx: ArtifactsContext, spec: ArtifactSpec, to: Destination, identifier: string | undefined): Promise<BuildArtifacts> {
  const files = await resolveArtifactFiles(
    {
      files: spec.files.map((f) => expandVariables(f, ctx.env)),
      ...(spec.baseDirectory !== undefined ? { baseDirectory: expandVariables(spec.baseDirectory, ctx.env) } : {}),
      discardPaths: spec.discardPaths,
      excludePaths: spec.excludePaths,
      enableSymlinks: spec.enableSymlinks,
    },
    ctx.srcDir,
    { allowedRoots: t.allowedRoots, onLog: (line) => ctx.log(line) },
  );
  const id = identifier !== undefined ? { artifactIdentifier: identifier } : {};
  if (to.kind === 'pipeline') {
    const digest = await zipAndUpload(t, files, to.output.bucket, to.output.key);
    return { location: `arn:aws:s3:::${to.output.bucket}/${to.output.key}`, sha256sum: digest.sha256, md5sum: digest.md5, encryptionDisabled: false, ...id };
  }
  const a = to.artifacts;
  const override = a.overrideArtifactName === true;
  const evaluated = override && spec.name !== undefined && /[$`]/.test(spec.name) ? await ctx.shellEvaluate(spec.name) : undefined;
  const name = artifactName(spec, {
    overrideArtifactName: override,
    projectName: t.build.projectName,
    ...(a.name !== undefined ? { projectArtifactName: a.name } : {}),
    resolveShellVars: (text) => evaluated ?? text,
  });
  const key = artifactKey(a, spec, t.build.uuid, name);
  const bucket = a.location ?? '';
  const common = { location: `arn:aws:s3:::${bucket}/${key}`, overrideArtifactName: override, encryptionDisabled: a.encryptionDisabled ?? false, ...id };
  if (a.packaging === 'ZIP') {
    const digest = await zipAndUpload(t, files, bucket, key);
    return { ...common, sha256sum: digest.sha256, md5sum: digest.md5 };
  }
  for (const f of files) if (f.symlink === undefined) await uploadFile(t.deps, bucket, key === '' ? f.archivePath : `${key}/${f.archivePath}`, f.absPath, t.build.arn);
  return common;
}

/**
 * Spec A.12: key = `path` / (`<build-id>` with namespaceType BUILD_ID, after the buildspec's
 * `s3-prefix`) / `name`; `name: "/"` puts the output at that folder itself.
 */
export function artifactKey(a: ProjectArtifacts, spec: Pick<ArtifactSpec, 's3Prefix'>, uuid: string, name: string): string {
  const byBuild = a.namespaceType === 'BUILD_ID';
  const parts = [a.path ?? '', byBuild ? (spec.s3Prefix ?? '') : '', byBuild ? uuid : '', name === '/' ? '' : name];
  return parts.flatMap((p) => p.split('/')).filter((p) => p !== '').join('/');
}

async function zipAndUpload(t: PublishTarget, files: ArtifactFile[], bucket: string, key: string): Promise<{ sha256: string; md5: string }> {
  const zip = join(t.tmpDir, `artifact-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
  const digest = await writeZip(files, zip);
  await uploadFile(t.deps, bucket, key, zip, t.build.arn, 'application/zip');
  return digest;
}

function clientError(message: string): PhaseOutcome {
  return { ok: false, context: { statusCode: 'CLIENT_ERROR', message } };
}
