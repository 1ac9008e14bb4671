import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInline } from './buildspec-source.js';

test('inline vs path (spec A.1): line breaks or a YAML mapping mean inline; anything else is a path', () => {
  for (const inline of ['version: 0.2\nphases: {}', '{version: 0.2, phases: {build: {commands: [ls]}}}', 'version: 0.2\nphases:\n  - broken: [']) assert.equal(isInline(inline), true, inline);
  for (const path of ['buildspec.yml', 'config/buildspec_release.yml', './ci/build spec.yaml', '']) assert.equal(isInline(path), false, path);
});
