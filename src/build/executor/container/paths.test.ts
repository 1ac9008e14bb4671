import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerSrcDir, containerStateFiles } from './paths.js';

test('containerSrcDir has CodeBuild shape and is stable per seed', () => {
  const a = containerSrcDir('uuid-1');
  assert.match(a, /^\/codebuild\/output\/src\d{1,9}\/src$/);
  assert.equal(containerSrcDir('uuid-1'), a);
  assert.notEqual(containerSrcDir('uuid-2'), a);
});

test('state files live in /codebuild/output/tmp', () => {
  assert.deepEqual(containerStateFiles(), { envFile: '/codebuild/output/tmp/env.sh', dirFile: '/codebuild/output/tmp/dir.txt' });
});
