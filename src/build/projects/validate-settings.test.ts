import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/index.js';
import type { ProjectSettings } from './types.js';
import { validateSettings } from './validate-settings.js';

type S = Parameters<typeof validateSettings>[0];
const base: S = { source: { type: 'NO_SOURCE', buildspec: 'version: 0.2' }, secondarySources: [], secondarySourceVersions: [], artifacts: { type: 'NO_ARTIFACTS' }, secondaryArtifacts: [] };

const invalid = (s: Partial<ProjectSettings>, pattern: RegExp): void =>
  assert.throws(() => validateSettings({ ...base, ...s }), (e: unknown) => e instanceof AppError && e.code === 'InvalidInput' && pattern.test(e.message));

test('source locations: required for S3 and git types, forbidden for NO_SOURCE / CODEPIPELINE (spec B.3)', () => {
  validateSettings(base);
  validateSettings({ ...base, source: { type: 'S3', location: 'bucket/key.zip' } });
  invalid({ source: { type: 'S3' } }, /location must be specified/);
  invalid({ source: { type: 'GITHUB', location: '' } }, /location must be specified/);
  invalid({ source: { type: 'NO_SOURCE', location: 'x', buildspec: 'b' } }, /must not be specified/);
  invalid({ source: { type: 'NO_SOURCE' } }, /buildspec must be specified/);
});

test('CODEPIPELINE pairs source and artifacts; S3 artifacts need a bucket', () => {
  validateSettings({ ...base, source: { type: 'CODEPIPELINE' }, artifacts: { type: 'CODEPIPELINE' } });
  invalid({ source: { type: 'CODEPIPELINE' } }, /artifacts type must be CODEPIPELINE/);
  invalid({ artifacts: { type: 'CODEPIPELINE' } }, /source type must be CODEPIPELINE/);
  invalid({ artifacts: { type: 'S3' } }, /location \(the bucket name\)/);
});

test('secondary sources and artifacts need unique identifiers; versions must name a source', () => {
  const src = { type: 'S3' as const, location: 'b/k.zip', sourceIdentifier: 'one' };
  validateSettings({ ...base, secondarySources: [src], secondarySourceVersions: [{ sourceIdentifier: 'one', sourceVersion: 'v' }] });
  invalid({ secondarySources: [{ ...src, sourceIdentifier: undefined }] }, /sourceIdentifier is required/);
  invalid({ secondarySources: [src, src] }, /duplicate sourceIdentifier one/);
  invalid({ secondarySourceVersions: [{ sourceIdentifier: 'two', sourceVersion: 'v' }] }, /no secondary source/);
  invalid({ secondaryArtifacts: [{ type: 'CODEPIPELINE', artifactIdentifier: 'a' }] }, /not allowed/);
  invalid({ secondaryArtifacts: [{ type: 'S3', location: 'b' }] }, /artifactIdentifier is required/);
});
