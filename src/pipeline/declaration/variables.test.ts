import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReferences, referencesOf, resolveConfiguration, resolveString } from './variables.js';

const parseCases: Array<[string, Array<[string, string]>]> = [
  ['#{SourceVariables.CommitId}', [['SourceVariables', 'CommitId']]],
  ['v-#{codepipeline.PipelineExecutionId}-#{variables.Env}', [['codepipeline', 'PipelineExecutionId'], ['variables', 'Env']]],
  ['#{a-b@c_d.K-1@_}', [['a-b@c_d', 'K-1@_']]],
  ['plain text', []],
  ['#{NoDot}', []],
  ['#{.key}', []],
  ['#{ns.}', []],
  ['#{ns.a.b}', []],
  ['#{ns key}', []],
  ['#{ns.key', []],
  ['#{ns.k ey}', []],
  ['${ns.key}', []],
  ['##{ns.key}}', [['ns', 'key']]],
  ['#{#{ns.key}}', [['ns', 'key']]],
  ['#{Ns.Key}#{ns.key}', [['Ns', 'Key'], ['ns', 'key']]],
];

for (const [text, want] of parseCases) {
  test(`parseReferences(${JSON.stringify(text)})`, () => {
    assert.deepEqual(parseReferences(text).map((r) => [r.namespace, r.key]), want);
  });
}

test('parseReferences reports the text and offset of each reference', () => {
  assert.deepEqual(parseReferences('ab#{n.k}'), [{ namespace: 'n', key: 'k', text: '#{n.k}', index: 2 }]);
});

test('referencesOf names the configuration key', () => {
  assert.deepEqual(referencesOf({ A: 'x', B: '#{n.k} #{m.j}' }).map((r) => `${r.configurationKey}:${r.text}`), ['B:#{n.k}', 'B:#{m.j}']);
  assert.deepEqual(referencesOf(undefined), []);
});

const vars: Record<string, string> = { 'Src.CommitId': 'abc123', 'codepipeline.PipelineExecutionId': 'e-1', 'v.Loop': '#{v.Loop}' };
const lookup = (ns: string, key: string): string | undefined => vars[`${ns}.${key}`];

test('resolveConfiguration substitutes every reference and keeps the input intact', () => {
  const config = { ProjectName: 'p-#{Src.CommitId}', Env: '#{codepipeline.PipelineExecutionId}/#{Src.CommitId}', Other: '#{x}' };
  const copy = { ...config };
  assert.deepEqual(resolveConfiguration(config, lookup), {
    kind: 'resolved', configuration: { ProjectName: 'p-abc123', Env: 'e-1/abc123', Other: '#{x}' },
  });
  assert.deepEqual(config, copy);
});

test('resolveConfiguration lists unresolved references', () => {
  assert.deepEqual(resolveConfiguration({ A: '#{Src.Nope} #{Missing.K}' }, lookup), {
    kind: 'unresolved',
    unresolved: [
      { configurationKey: 'A', text: '#{Src.Nope}', namespace: 'Src', key: 'Nope' },
      { configurationKey: 'A', text: '#{Missing.K}', namespace: 'Missing', key: 'K' },
    ],
  });
});

test('substitution is a single pass', () => {
  assert.equal(resolveString('#{v.Loop}', lookup), '#{v.Loop}');
});

test('resolved configuration over 100 KB is reported', () => {
  const big = 'x'.repeat(60 * 1024);
  const result = resolveConfiguration({ A: '#{B.b}#{B.b}' }, () => big);
  assert.equal(result.kind, 'too-large');
});

test('empty and absent configuration resolve to an empty map', () => {
  assert.deepEqual(resolveConfiguration(undefined, lookup), { kind: 'resolved', configuration: {} });
});
