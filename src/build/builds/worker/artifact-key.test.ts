import assert from 'node:assert/strict';
import { test } from 'node:test';
import { artifactKey } from './publish-artifacts.js';

test('artifact keys follow spec A.12: path / [s3-prefix / build-id] / name; name "/" is the folder itself', () => {
  const uuid = 'u-1';
  const cases: [Record<string, unknown>, string | undefined, string, string][] = [
    [{ path: 'builds', namespaceType: 'BUILD_ID' }, undefined, 'app.zip', 'builds/u-1/app.zip'],
    [{ path: 'builds', namespaceType: 'NONE' }, undefined, 'app.zip', 'builds/app.zip'],
    [{ namespaceType: 'BUILD_ID' }, 'pre/fix', 'out', 'pre/fix/u-1/out'],
    [{ namespaceType: 'NONE' }, 'ignored', 'out', 'out'],
    [{ path: '/a/b/', namespaceType: 'BUILD_ID' }, undefined, '/', 'a/b/u-1'],
    [{}, undefined, 'builds/7/my-artifacts', 'builds/7/my-artifacts'],
  ];
  for (const [artifacts, s3Prefix, name, key] of cases) {
    assert.equal(artifactKey({ type: 'S3', ...artifacts }, s3Prefix === undefined ? {} : { s3Prefix }, uuid, name), key, JSON.stringify(artifacts));
  }
});
