import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerRuntime } from '../../../runtime/index.js';
import { DEFAULT_BUILD_IMAGE, isManagedImage, resolveImage } from './image-map.js';

function fakeRuntime(local: string[], pullable: string[] = []): ContainerRuntime & { pulled: string[] } {
  const pulled: string[] = [];
  const fail = (): never => {
    throw new Error('not used');
  };
  return {
    pulled,
    ping: async () => undefined,
    imageExists: async (image) => local.includes(image),
    pullImage: async (image) => {
      if (!pullable.includes(image)) throw new Error(`pull ${image}: manifest unknown`);
      pulled.push(image);
    },
    createContainer: fail,
    startContainer: fail,
    exec: fail,
    stopContainer: fail,
    killContainer: fail,
    removeContainer: fail,
    removeContainersByLabel: fail,
  };
}

test('managed CodeBuild images are recognised by name', () => {
  assert.ok(isManagedImage('aws/codebuild/standard:7.0'));
  assert.ok(isManagedImage('aws/codebuild/amazonlinux2-x86_64-standard:5.0'));
  assert.ok(isManagedImage('public.ecr.aws/codebuild/amazonlinux-x86_64-standard:5.0'));
  assert.ok(!isManagedImage('node:20'));
  assert.ok(!isManagedImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/aws/codebuild/x'));
});

test('an image present in the engine is used as written, even a managed name', async () => {
  const r = fakeRuntime(['aws/codebuild/standard:7.0']);
  assert.deepEqual(await resolveImage(r, 'aws/codebuild/standard:7.0'), { image: 'aws/codebuild/standard:7.0', how: 'local' });
});

test('a missing managed image maps to the default image', async () => {
  const r = fakeRuntime([DEFAULT_BUILD_IMAGE]);
  assert.deepEqual(await resolveImage(r, 'aws/codebuild/standard:7.0'), { image: DEFAULT_BUILD_IMAGE, how: 'mapped' });
  assert.deepEqual(await resolveImage(r, 'aws/codebuild/standard:7.0', 'localhost/node:20'), { problem: 'pull localhost/node:20: manifest unknown' });
});

test('other images are pulled; a failed pull is a problem, not a throw', async () => {
  const r = fakeRuntime([], ['node:20']);
  assert.deepEqual(await resolveImage(r, 'node:20'), { image: 'node:20', how: 'pulled' });
  assert.deepEqual(r.pulled, ['node:20']);
  assert.deepEqual(await resolveImage(r, 'nope:1'), { problem: 'pull nope:1: manifest unknown' });
});
