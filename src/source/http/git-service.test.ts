import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyGitRequest } from './git-service.js';

test('classifyGitRequest: the four smart-HTTP exchanges and nothing else', () => {
  const q = (s: string): URLSearchParams => new URLSearchParams(s);
  assert.equal(classifyGitRequest('GET', 'info/refs', q('service=git-upload-pack')), 'upload-pack-advertisement');
  assert.equal(classifyGitRequest('GET', 'info/refs', q('service=git-receive-pack')), 'receive-pack-advertisement');
  assert.equal(classifyGitRequest('POST', 'git-upload-pack', q('')), 'upload-pack');
  assert.equal(classifyGitRequest('POST', 'git-receive-pack', q('')), 'receive-pack');
  assert.equal(classifyGitRequest('GET', 'info/refs', q('')), undefined);
  assert.equal(classifyGitRequest('GET', 'info/refs', q('service=git-upload-archive')), undefined);
  assert.equal(classifyGitRequest('GET', 'git-receive-pack', q('')), undefined);
  assert.equal(classifyGitRequest('GET', 'HEAD', q('')), undefined);
  assert.equal(classifyGitRequest('GET', 'objects/info/packs', q('')), undefined);
  assert.equal(classifyGitRequest('POST', 'info/refs', q('service=git-receive-pack')), undefined);
});
