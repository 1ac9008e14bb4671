import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from './parse-args.js';

const cases: Array<[string[], ReturnType<typeof parseArgs>]> = [
  [['--port', '5000'], { positionals: [], flags: { port: '5000' } }],
  [['--data-dir=/x/y'], { positionals: [], flags: { dataDir: '/x/y' } }],
  [['dir', '--help'], { positionals: ['dir'], flags: { help: 'true' } }],
  [['--help', 'dir'], { positionals: ['dir'], flags: { help: 'true' } }],
  [['--a', '--b', 'v'], { positionals: [], flags: { a: 'true', b: 'v' } }],
  [['x', '--', '--not-a-flag'], { positionals: ['x', '--not-a-flag'], flags: {} }],
];

for (const [argv, expected] of cases) {
  test(`parseArgs ${JSON.stringify(argv)}`, () => {
    assert.deepEqual(parseArgs(argv, ['help']), expected);
  });
}
