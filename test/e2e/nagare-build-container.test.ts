import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/nagare.js';

// `nagare build --container` end to end: the real CLI, a real engine (podman through its Docker
// API; .ci/run starts it), a buildspec whose commands prove they ran inside the container.
const DOCKER_HOST = process.env.NAGARE_TEST_DOCKER_HOST;
const skip = DOCKER_HOST ? false : process.env.NAGARE_TEST_REQUIRE_CONTAINERS === '1' ? false : 'NAGARE_TEST_DOCKER_HOST not set';

test('nagare build --container runs the buildspec inside the image with CodeBuild paths', { skip }, async () => {
  assert.ok(DOCKER_HOST, 'NAGARE_TEST_REQUIRE_CONTAINERS=1 but NAGARE_TEST_DOCKER_HOST is not set');
  const dir = await mkdtemp(join(tmpdir(), 'nagare-build-container-'));
  try {
    await writeFile(
      join(dir, 'buildspec.yml'),
      [
        'version: 0.2',
        'phases:',
        '  build:',
        '    commands:',
        '      - mkdir -p out && cd out',
        '      - echo "pwd=$(pwd)"',
        '      - echo "busybox=$(readlink /bin/sh)"',
        '      - WHERE=container',
        '  post_build:',
        '    commands:',
        '      - echo "where=$WHERE src=$CODEBUILD_SRC_DIR"',
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/nagare.js'), 'build', dir, '--container', 'aws/codebuild/standard:7.0', '--no-progress'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DOCKER_HOST, NAGARE_LANG: 'en' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /pwd=\/codebuild\/output\/src\d+\/src\/out/);
    assert.match(r.stdout, /busybox=busybox/, 'aws/codebuild/* maps to the local busybox image');
    assert.match(r.stdout, /where=container src=\/codebuild\/output\/src\d+\/src/);
    assert.match(r.stdout, /build SUCCEEDED/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--privileged without --container is a usage error', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/nagare.js'), 'build', '.', '--privileged'], { encoding: 'utf8', env: { ...process.env, NAGARE_LANG: 'en' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--privileged needs --container IMAGE/);
});
