/**
 * The rules the model cannot express (the gateway already enforced required members, enums,
 * lengths and patterns, spec B.1): which source and artifact types need a location, the
 * CODEPIPELINE pairing, and identifiers of secondary sources and artifacts. Applied to a project
 * on create/update and to a build's effective settings after StartBuild's overrides.
 * AWS's exact wording for these is not documented; the messages say what to fix.
 */
import { invalidInput } from './errors.js';
import type { ProjectArtifacts, ProjectSettings, ProjectSource } from './types.js';

const IDENTIFIER = /^[A-Za-z0-9_]{1,127}$/;
const MAX_SECONDARY = 12;

export function validateSettings(s: Pick<ProjectSettings, 'source' | 'secondarySources' | 'artifacts' | 'secondaryArtifacts' | 'secondarySourceVersions'>): void {
  validateSource(s.source, 'source');
  validateArtifacts(s.artifacts, 'artifacts');
  if (s.source.type === 'CODEPIPELINE' && s.artifacts.type !== 'CODEPIPELINE') {
    throw invalidInput('Invalid artifacts: artifacts type must be CODEPIPELINE when the source type is CODEPIPELINE');
  }
  if (s.artifacts.type === 'CODEPIPELINE' && s.source.type !== 'CODEPIPELINE') {
    throw invalidInput('Invalid source: source type must be CODEPIPELINE when the artifacts type is CODEPIPELINE');
  }
  if (s.secondarySources.length > MAX_SECONDARY) throw invalidInput(`Invalid secondary sources: at most ${MAX_SECONDARY} are allowed`);
  if (s.secondaryArtifacts.length > MAX_SECONDARY) throw invalidInput(`Invalid secondary artifacts: at most ${MAX_SECONDARY} are allowed`);
  const sourceIds = new Set<string>();
  for (const src of s.secondarySources) {
    const id = src.sourceIdentifier;
    if (id === undefined || !IDENTIFIER.test(id)) {
      throw invalidInput('Invalid secondary source: sourceIdentifier is required and must contain only letters, digits and underscores (at most 127)');
    }
    if (sourceIds.has(id)) throw invalidInput(`Invalid secondary sources: duplicate sourceIdentifier ${id}`);
    sourceIds.add(id);
    validateSource(src, `secondary source ${id}`);
  }
  for (const v of s.secondarySourceVersions) {
    if (!sourceIds.has(v.sourceIdentifier)) throw invalidInput(`Invalid secondary source version: no secondary source has sourceIdentifier ${v.sourceIdentifier}`);
  }
  const artifactIds = new Set<string>();
  for (const a of s.secondaryArtifacts) {
    const id = a.artifactIdentifier;
    if (id === undefined || !IDENTIFIER.test(id)) {
      throw invalidInput('Invalid secondary artifact: artifactIdentifier is required and must contain only letters, digits and underscores (at most 127)');
    }
    if (artifactIds.has(id)) throw invalidInput(`Invalid secondary artifacts: duplicate artifactIdentifier ${id}`);
    artifactIds.add(id);
    if (a.type === 'CODEPIPELINE') throw invalidInput('Invalid secondary artifact: type CODEPIPELINE is not allowed for secondary artifacts');
    validateArtifacts(a, `secondary artifact ${id}`);
  }
}

/** Spec B.3: `location` must be omitted for CODEPIPELINE and NO_SOURCE, required otherwise. */
function validateSource(src: ProjectSource, what: string): void {
  const hasLocation = src.location !== undefined && src.location !== '';
  if (src.type === 'NO_SOURCE' || src.type === 'CODEPIPELINE') {
    if (hasLocation) throw invalidInput(`Invalid ${what}: location must not be specified for source type ${src.type}`);
    if (src.type === 'NO_SOURCE' && !src.buildspec?.trim()) {
      throw invalidInput(`Invalid ${what}: a buildspec must be specified for source type NO_SOURCE`);
    }
    return;
  }
  if (!hasLocation) throw invalidInput(`Invalid ${what}: location must be specified for source type ${src.type}`);
  if (src.gitCloneDepth !== undefined && src.gitCloneDepth < 0) throw invalidInput(`Invalid ${what}: gitCloneDepth must be 0 or more`);
}

function validateArtifacts(a: ProjectArtifacts, what: string): void {
  if (a.type === 'S3' && !a.location) throw invalidInput(`Invalid ${what}: location (the bucket name) must be specified for artifacts type S3`);
}
