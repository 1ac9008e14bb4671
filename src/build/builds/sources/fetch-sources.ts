/**
 * DOWNLOAD_SOURCE's fetching (spec A.14, B.3): the primary source into `$CODEBUILD_SRC_DIR`, each
 * secondary source (or extra CodePipeline input) into `$CODEBUILD_SRC_DIR_<id>`. A failure names
 * the source as AWS's context does (observed: `... for primary source and source version X`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectsDeps } from '../../../objects/index.js';
import { GIT_SOURCE_TYPES, type ProjectSource } from '../../projects/types.js';
import type { BuildSettings, PipelineInputArtifact } from '../types.js';
import { fetchCloneRef } from './clone-ref-source.js';
import type { HostedGitAuth } from './git-auth.js';
import { fetchGitSource } from './git-source.js';
import { fetchPipelineArtifact } from './pipeline-source.js';
import { fetchS3Source } from './s3-source.js';
import { SourceError, type FetchedSource } from './types.js';

export interface SourceDirs {
  primary: string;
  /** Parent of the secondary sources' directories. */
  secondaryRoot: string;
  tmp: string;
}

export interface FetchedSources {
  primary: FetchedSource;
  /** By sourceIdentifier (or CodePipeline input artifact name). */
  secondary: Record<string, FetchedSource>;
}

export async function fetchSources(
  deps: ObjectsDeps,
  settings: BuildSettings,
  dirs: SourceDirs,
  gitEnv: Record<string, string>,
  signal: AbortSignal,
  auth?: HostedGitAuth,
): Promise<FetchedSources> {
  await mkdir(dirs.primary, { recursive: true });
  const pipeline = settings.pipeline;
  if (pipeline) {
    const [first, ...rest] = pipeline.inputs;
    const fetchInput = (input: PipelineInputArtifact, dir: string): Promise<FetchedSource> =>
      input.cloneRef ? fetchCloneRef({ ...input, cloneRef: input.cloneRef }, dir, gitEnv, signal, auth) : fetchPipelineArtifact(deps, input, dir, dirs.tmp);
    const primary = first ? await labelled('primary source', first.key, () => fetchInput(first, dirs.primary)) : { dir: dirs.primary };
    const secondary: Record<string, FetchedSource> = {};
    for (const input of rest) {
      const dir = join(dirs.secondaryRoot, input.name);
      secondary[input.name] = await labelled(`secondary source ${input.name}`, input.key, () => fetchInput(input, dir));
    }
    return { primary, secondary };
  }
  const fetchOne = (src: ProjectSource, version: string | undefined, dir: string): Promise<FetchedSource> =>
    fetchSource(deps, src, version, dir, dirs.tmp, gitEnv, signal, auth);
  const primary = await labelled('primary source', settings.sourceVersion, () => fetchOne(settings.source, settings.sourceVersion, dirs.primary));
  const secondary: Record<string, FetchedSource> = {};
  for (const src of settings.secondarySources) {
    const id = src.sourceIdentifier!;
    const version = settings.secondarySourceVersions.find((v) => v.sourceIdentifier === id)?.sourceVersion;
    secondary[id] = await labelled(`secondary source ${id}`, version, () => fetchOne(src, version, join(dirs.secondaryRoot, id)));
  }
  return { primary, secondary };
}

async function fetchSource(
  deps: ObjectsDeps,
  src: ProjectSource,
  version: string | undefined,
  dir: string,
  tmp: string,
  env: Record<string, string>,
  signal: AbortSignal,
  auth: HostedGitAuth | undefined,
): Promise<FetchedSource> {
  await mkdir(dir, { recursive: true });
  if (src.type === 'NO_SOURCE') return { dir };
  if (src.type === 'S3') return fetchS3Source(deps, src.location ?? '', version, dir, tmp);
  if (GIT_SOURCE_TYPES.includes(src.type)) {
    const submodules = (src.gitSubmodulesConfig as { fetchSubmodules?: boolean } | undefined)?.fetchSubmodules === true;
    return fetchGitSource({
      location: src.location ?? '',
      ...(version !== undefined ? { version } : {}),
      ...(src.gitCloneDepth !== undefined ? { depth: src.gitCloneDepth } : {}),
      submodules,
      insecureSsl: src.insecureSsl === true,
      dir,
      env,
      signal,
      ...(auth ? { auth } : {}),
    });
  }
  throw new SourceError(`source type ${src.type} is not supported here`);
}

async function labelled(what: string, version: string | undefined, fetch: () => Promise<FetchedSource>): Promise<FetchedSource> {
  try {
    return await fetch();
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    throw new SourceError(`${err.message} for ${what} and source version ${version ?? ''}`);
  }
}
