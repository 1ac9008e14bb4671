import assert from 'node:assert/strict';
import { test } from 'node:test';
import { t } from './messages.js';
import { pt, withPipelineUsage } from './pipeline-messages.js';

for (const lang of ['en', 'ja'] as const) {
  test(`nagare --help lists the pipeline command before version (${lang})`, () => {
    const lines = withPipelineUsage(lang, t(lang, 'usage')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  pipeline  '));
    assert.ok(at > 0, lines.join('\n'));
    assert.match(lines[at + 1] ?? '', /^\s+version\s/);
  });
  test(`the watch help documents every exit code (${lang})`, () => {
    const help = pt(lang, 'watch_help');
    for (const word of ['0 Succeeded', '1 Failed', '2 Stopped', 'Cancelled', 'Superseded', '3 ', '130 ']) assert.ok(help.includes(word), `${word} missing in ${lang}`);
  });
}

test('a usage text without a version line gets the pipeline line at the end of its command list', () => {
  assert.equal(withPipelineUsage('en', 'usage: x\n\ncommands:\n  up  u\n\nmore'), `usage: x\n\ncommands:\n  up  u\n${pt('en', 'pipeline_usage_line')}\n\nmore`);
});

test('placeholders are filled in both languages', () => {
  assert.equal(pt('en', 'watch_event_stage', { stage: 'Build', status: 'Failed' }), 'stage Build: Failed');
  assert.equal(pt('ja', 'watch_event_stage', { stage: 'Build', status: 'Failed' }), 'ステージ Build: Failed');
});
