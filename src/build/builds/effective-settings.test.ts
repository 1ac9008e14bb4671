import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newProjectSettings } from '../projects/defaults.js';
import type { Project } from '../projects/types.js';
import { effectiveSettings, mergeVariables } from './effective-settings.js';

const scope = { accountId: '111122223333', region: 'eu-west-1' };
const project: Project = {
  name: 'p',
  arn: 'arn',
  tags: [],
  created: new Date(0),
  lastModified: new Date(0),
  settings: newProjectSettings(scope, {
    source: { type: 'GITHUB', location: 'https://example.com/r.git', buildspec: 'ci/buildspec.yml' },
    artifacts: { type: 'NO_ARTIFACTS' },
    environment: { type: 'LINUX_CONTAINER', image: 'img', computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'A', value: 'project' }, { name: 'B', value: 'project' }] },
    serviceRole: 'role',
  }),
};

test('override variables replace project variables by name and add new ones, keeping order (spec A.5)', () => {
  assert.deepEqual(mergeVariables([{ name: 'A', value: '1' }, { name: 'B', value: '2' }], [{ name: 'B', value: 'x', type: 'PARAMETER_STORE' }, { name: 'C', value: '3' }]), [
    { name: 'A', value: '1' },
    { name: 'B', value: 'x', type: 'PARAMETER_STORE' },
    { name: 'C', value: '3' },
  ]);
});

test('overrides apply to this build only; the effective buildspec is in source.buildspec', () => {
  const s = effectiveSettings(scope, project, {
    buildspecOverride: 'version: 0.2\nphases: {}\n',
    sourceVersion: 'main',
    timeoutInMinutesOverride: 10,
    imageOverride: 'other',
    environmentVariablesOverride: [{ name: 'B', value: 'override' }],
    serviceRoleOverride: 'other-role',
  }, { initiator: 'me' });
  assert.equal(s.source.buildspec, 'version: 0.2\nphases: {}\n');
  assert.equal(s.source.location, 'https://example.com/r.git');
  assert.equal(s.sourceVersion, 'main');
  assert.equal(s.timeoutInMinutes, 10);
  assert.equal(s.queuedTimeoutInMinutes, 480);
  assert.equal(s.environment.image, 'other');
  assert.deepEqual(s.environment.environmentVariables?.map((v) => `${v.name}=${v.value}`), ['A=project', 'B=override']);
  assert.equal(s.serviceRole, 'arn:aws:iam::111122223333:role/other-role');
  assert.equal(s.encryptionKey, 'arn:aws:kms:eu-west-1:111122223333:alias/aws/s3');
  assert.equal(project.settings.source.buildspec, 'ci/buildspec.yml', 'the project is unchanged');
});

test('a source type override drops the location written for the old type', () => {
  const s = effectiveSettings(scope, project, { sourceTypeOverride: 'NO_SOURCE' }, { initiator: 'me' });
  assert.equal(s.source.type, 'NO_SOURCE');
  assert.equal(s.source.location, undefined);
});
