import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SOCKET, socketPathOf } from './docker-host.js';

test('socketPathOf reads unix:// and bare paths, defaults to the docker socket', () => {
  assert.equal(socketPathOf('unix:///run/podman/podman.sock'), '/run/podman/podman.sock');
  assert.equal(socketPathOf('/run/x.sock'), '/run/x.sock');
  assert.equal(socketPathOf(undefined), DEFAULT_SOCKET);
  assert.throws(() => socketPathOf('tcp://1.2.3.4:2375'), /only unix/);
});
