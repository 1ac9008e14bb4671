import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptedConfigurationKeys, actionTypeSpecs, findActionType, listActionTypes, secretKeys } from './action-types.js';
import { typeId } from './test-support.js';

test('every registry entry is unique and fits the ListActionTypes model limits', () => {
  const seen = new Set<string>();
  for (const spec of actionTypeSpecs()) {
    const key = JSON.stringify(spec.id);
    assert.ok(!seen.has(key), key);
    seen.add(key);
    assert.ok(spec.properties.length <= 10, `${key}: at most 10 properties`);
    for (const d of [spec.input, spec.output]) assert.ok(d.minimumCount >= 0 && d.minimumCount <= d.maximumCount && d.maximumCount <= 5, key);
    assert.ok(spec.timeoutMinutes > 0, key);
  }
});

const expected: Array<[string, string, 'AWS' | 'ThirdParty', boolean, [number, number], [number, number], string[]]> = [
  ['Source', 'CodeCommit', 'AWS', true, [0, 0], [1, 1], ['RepositoryName', 'BranchName']],
  ['Source', 'S3', 'AWS', true, [0, 0], [1, 1], ['S3Bucket', 'S3ObjectKey']],
  ['Source', 'CodeStarSourceConnection', 'AWS', true, [0, 0], [1, 1], ['ConnectionArn', 'FullRepositoryId', 'BranchName']],
  ['Source', 'GitHub', 'ThirdParty', true, [0, 0], [1, 1], ['Owner', 'Repo', 'Branch', 'OAuthToken']],
  ['Build', 'CodeBuild', 'AWS', true, [1, 5], [0, 5], ['ProjectName']],
  ['Test', 'CodeBuild', 'AWS', true, [1, 5], [0, 5], ['ProjectName']],
  ['Approval', 'Manual', 'AWS', true, [0, 0], [0, 0], []],
  ['Deploy', 'S3', 'AWS', true, [1, 1], [0, 0], ['BucketName', 'Extract']],
  ['Deploy', 'ECS', 'AWS', false, [1, 1], [0, 0], ['ClusterName', 'ServiceName']],
  ['Deploy', 'CodeDeployToECS', 'AWS', false, [1, 5], [0, 0], ['ApplicationName', 'DeploymentGroupName', 'TaskDefinitionTemplateArtifact', 'AppSpecTemplateArtifact']],
];

for (const [category, provider, owner, runnable, input, output, required] of expected) {
  test(`registry: ${category}/${owner}/${provider}/1`, () => {
    const spec = findActionType(typeId(category as 'Source', provider, owner));
    assert.ok(spec);
    assert.equal(spec.runnable, runnable);
    assert.deepEqual([spec.input.minimumCount, spec.input.maximumCount], input);
    assert.deepEqual([spec.output.minimumCount, spec.output.maximumCount], output);
    assert.deepEqual(spec.properties.filter((p) => p.required).map((p) => p.name), required);
  });
}

test('only the GitHub OAuthToken is secret', () => {
  const secrets = actionTypeSpecs().flatMap((s) => secretKeys(s).map((k) => `${s.id.provider}.${k}`));
  assert.deepEqual(secrets, ['GitHub.OAuthToken']);
});

test('CodeDeployToECS accepts Image3/Image4 keys beyond the 10 listed properties', () => {
  const spec = findActionType(typeId('Deploy', 'CodeDeployToECS'));
  assert.ok(spec && acceptedConfigurationKeys(spec).has('Image4ContainerName'));
});

test('listActionTypes returns AWS-shaped items and filters by owner', () => {
  const all = listActionTypes();
  assert.equal(all.length, actionTypeSpecs().length);
  const first = all[0];
  assert.ok(first);
  assert.deepEqual(Object.keys(first).sort(), ['actionConfigurationProperties', 'id', 'inputArtifactDetails', 'outputArtifactDetails']);
  assert.deepEqual(Object.keys(first.actionConfigurationProperties?.[0] ?? {}).sort(), ['description', 'key', 'name', 'queryable', 'required', 'secret', 'type']);
  assert.deepEqual(listActionTypes('ThirdParty').map((t) => t.id.provider), ['GitHub']);
  assert.equal(listActionTypes('Custom').length, 0);
  // Callers may mutate the result without touching the registry.
  first.inputArtifactDetails.minimumCount = 99;
  assert.notEqual(listActionTypes()[0]?.inputArtifactDetails.minimumCount, 99);
});
