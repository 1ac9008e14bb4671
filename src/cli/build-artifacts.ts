/**
 * UPLOAD_ARTIFACTS for `nagare build -a DIR` (spec A.12): the buildspec's primary artifact becomes
 * DIR/artifacts.zip and each secondary artifact DIR/<identifier>.zip — like AWS's local agent —
 * or, with --no-zip, folders DIR/artifacts/ and DIR/<identifier>/ (packaging NONE). Paths are
 * matched from $CODEBUILD_SRC_DIR with the build's final `$VAR`s expanded; nothing matching fails
 * the phase with CLIENT_ERROR, as on AWS (Surprise 8).
 */
import { join } from 'node:path';
import { copyFiles, expandVariables, resolveArtifactFiles, writeZip, NO_MATCHING_ARTIFACT_PATHS } from '../build/index.js';
import { isAppError } from '../shared/index.js';
import type { ArtifactSpec, ArtifactsContext, PhaseOutcome } from '../build/index.js';

export interface LocalArtifactsOptions {
  outDir: string;
  zip: boolean;
  /** Secondary source dirs: absolute artifact paths may point into them. */
  allowedRoots: string[];
  /** Receives each written zip file or folder. */
  written(path: string): void;
}

export function localArtifactPublisher(options: LocalArtifactsOptions): (ctx: ArtifactsContext) => Promise<PhaseOutcome> {
  return async (ctx) => {
    const { artifacts } = ctx;
    // `files` is required whenever `artifacts` is present, even for secondaries only (spec A.12).
    if (!artifacts.hasFiles) return clientError(NO_MATCHING_ARTIFACT_PATHS);
    const all: Array<{ name: string; spec: ArtifactSpec }> = [
      { name: 'artifacts', spec: artifacts },
      ...artifacts.secondaryArtifacts.map((s) => ({ name: s.identifier, spec: s })),
    ];
    for (const { name, spec } of all) {
      const outcome = await publishOne(ctx, name, spec, options);
      if (!outcome.ok) return outcome;
    }
    return { ok: true };
  };
}

async function publishOne(ctx: ArtifactsContext, name: string, spec: ArtifactSpec, options: LocalArtifactsOptions): Promise<PhaseOutcome> {
  const expand = (text: string): string => expandVariables(text, ctx.env);
  let files;
  try {
    files = await resolveArtifactFiles(
      {
        files: spec.files.map(expand),
        ...(spec.baseDirectory !== undefined ? { baseDirectory: expand(spec.baseDirectory) } : {}),
        discardPaths: spec.discardPaths,
        excludePaths: spec.excludePaths.map(expand),
        enableSymlinks: spec.enableSymlinks,
      },
      ctx.srcDir,
      { allowedRoots: options.allowedRoots, onLog: (line) => ctx.log(line) },
    );
  } catch (err) {
    if (isAppError(err) && err.code === 'ArtifactsNoMatch') return clientError(err.message);
    throw err;
  }
  const target = join(options.outDir, options.zip ? `${name}.zip` : name);
  if (options.zip) await writeZip(files, target);
  else await copyFiles(files, target);
  options.written(target);
  return { ok: true };
}

function clientError(message: string): PhaseOutcome {
  return { ok: false, context: { statusCode: 'CLIENT_ERROR', message } };
}
