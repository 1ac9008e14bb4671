/** Coverage parsers on samples shaped like coverage.py/Istanbul, JaCoCo, PHPUnit/Istanbul Clover and SimpleCov. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { parseClover } from './parse-clover.js';
import { parseCobertura } from './parse-cobertura.js';
import { parseJacoco } from './parse-jacoco.js';
import { parseSimplecov } from './parse-simplecov.js';
import { summarizeCoverage } from './summarize.js';

test('Cobertura (coverage.py): lines by hits, branches from condition-coverage, classes merged per file', () => {
  const files = parseCobertura(`<?xml version="1.0" ?>
<coverage version="7.4.0" timestamp="1700000000000" lines-valid="9" lines-covered="6" line-rate="0.6667" branches-covered="1" branches-valid="2" branch-rate="0.5" complexity="0">
  <sources><source>/src</source></sources>
  <packages>
    <package name="app" line-rate="0.6667" branch-rate="0.5" complexity="0">
      <classes>
        <class name="calc.py" filename="app/calc.py" complexity="0" line-rate="0.8333" branch-rate="0.5">
          <methods/>
          <lines>
            <line number="1" hits="1"/>
            <line number="2" hits="1"/>
            <line number="3" hits="1" branch="true" condition-coverage="50% (1/2)" missing-branches="5"/>
            <line number="4" hits="1"/>
            <line number="5" hits="0"/>
            <line number="6" hits="4"/>
          </lines>
        </class>
        <class name="Inner" filename="app/util.py" line-rate="0.3333">
          <lines><line number="1" hits="1"/><line number="2" hits="0"/></lines>
        </class>
        <class name="Inner$1" filename="app/util.py" line-rate="0">
          <lines><line number="2" hits="0"/><line number="3" hits="0"/></lines>
        </class>
      </classes>
    </package>
  </packages>
</coverage>`);
  const { summary, perFile } = summarizeCoverage(files);
  assert.deepEqual(perFile, [
    { filePath: 'app/calc.py', lineCoveragePercentage: 83.33, linesCovered: 5, linesMissed: 1, branchCoveragePercentage: 50, branchesCovered: 1, branchesMissed: 1 },
    { filePath: 'app/util.py', lineCoveragePercentage: 33.33, linesCovered: 1, linesMissed: 2, branchCoveragePercentage: 0, branchesCovered: 0, branchesMissed: 0 },
  ]);
  assert.deepEqual(summary, { lineCoveragePercentage: 66.67, linesCovered: 6, linesMissed: 3, branchCoveragePercentage: 50, branchesCovered: 1, branchesMissed: 1 });
});

test('JaCoCo: per-sourcefile LINE and BRANCH counters, package path, groups', () => {
  const files = parseJacoco(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><sessioninfo id="s" start="1" dump="2"/><group name="module-a"><package name="com/example"><class name="com/example/Calc" sourcefilename="Calc.java"><method name="add" desc="(II)I" line="3"><counter type="LINE" missed="0" covered="1"/></method></class><sourcefile name="Calc.java"><line nr="3" mi="0" ci="3" mb="0" cb="0"/><counter type="INSTRUCTION" missed="4" covered="12"/><counter type="BRANCH" missed="1" covered="3"/><counter type="LINE" missed="2" covered="10"/><counter type="METHOD" missed="0" covered="3"/></sourcefile></package></group><package name="com/other"><sourcefile name="Plain.java"><counter type="LINE" missed="1" covered="0"/></sourcefile></package><counter type="LINE" missed="3" covered="10"/></report>`);
  assert.deepEqual(files, [
    { filePath: 'com/example/Calc.java', linesCovered: 10, linesMissed: 2, branchesCovered: 3, branchesMissed: 1 },
    { filePath: 'com/other/Plain.java', linesCovered: 0, linesMissed: 1, branchesCovered: 0, branchesMissed: 0 },
  ]);
});

test('Clover (PHPUnit / Istanbul): files under project and packages, statements and conditionals', () => {
  const files = parseClover(`<?xml version="1.0" encoding="UTF-8"?>
<coverage generated="1700000000" clover="3.2.0">
  <project timestamp="1700000000" name="All files">
    <metrics statements="14" coveredstatements="10" conditionals="4" coveredconditionals="3" methods="3" coveredmethods="2" elements="21" coveredelements="15" complexity="0" loc="40" ncloc="30" packages="1" files="2" classes="2"/>
    <file name="index.js" path="/src/index.js">
      <metrics statements="4" coveredstatements="4" conditionals="0" coveredconditionals="0" methods="1" coveredmethods="1"/>
      <line num="1" count="1" type="stmt"/>
    </file>
    <package name="lib">
      <metrics statements="10" coveredstatements="6" conditionals="4" coveredconditionals="3"/>
      <file name="math.js" path="/src/lib/math.js">
        <metrics statements="10" coveredstatements="6" conditionals="4" coveredconditionals="3" methods="2" coveredmethods="1"/>
      </file>
    </package>
  </project>
</coverage>`);
  assert.deepEqual(files, [
    { filePath: '/src/index.js', linesCovered: 4, linesMissed: 0, branchesCovered: 0, branchesMissed: 0 },
    { filePath: '/src/lib/math.js', linesCovered: 6, linesMissed: 4, branchesCovered: 3, branchesMissed: 1 },
  ]);
});

test('SimpleCov .resultset.json (0.18+ with branches, and the older array form)', () => {
  const files = parseSimplecov(JSON.stringify({
    RSpec: {
      coverage: {
        '/app/lib/calc.rb': { lines: [null, 1, 1, 0, null, 2], branches: { '[:if, 0, 3, 4, 3, 21]': { '[:then, 1, 3, 4, 3, 10]': 0, '[:else, 2, 3, 4, 3, 21]': 1 } } },
        '/app/lib/old.rb': [1, 0, null],
      },
      timestamp: 1700000000,
    },
  }));
  assert.deepEqual(files, [
    { filePath: '/app/lib/calc.rb', linesCovered: 3, linesMissed: 1, branchesCovered: 1, branchesMissed: 1 },
    { filePath: '/app/lib/old.rb', linesCovered: 1, linesMissed: 1, branchesCovered: 0, branchesMissed: 0 },
  ]);
});

test('SimpleCov JSON formatter coverage.json (branches as a list, "ignored" lines)', () => {
  const files = parseSimplecov(JSON.stringify({
    meta: { simplecov_version: '0.22.0' },
    coverage: { '/app/a.rb': { lines: [1, 0, 'ignored', null], branches: [{ type: 'then', start_line: 2, end_line: 2, coverage: 0 }, { type: 'else', start_line: 2, end_line: 2, coverage: 3 }] } },
    groups: {},
  }));
  assert.deepEqual(files, [{ filePath: '/app/a.rb', linesCovered: 1, linesMissed: 1, branchesCovered: 1, branchesMissed: 1 }]);
});

const wrong: Array<[name: string, run: () => unknown, message: RegExp]> = [
  ['Cobertura given JaCoCo', () => parseCobertura('<report name="x"/>'), /^Not a Cobertura XML report/],
  ['JaCoCo given broken XML', () => parseJacoco('<report><package>'), /^Invalid XML/],
  ['Clover given JSON', () => parseClover('{"a":1}'), /^Invalid XML/],
  ['SimpleCov given simplecov-json output', () => parseSimplecov('{"timestamp": 1, "files": []}'), /^Not a SimpleCov report/],
  ['SimpleCov given broken JSON', () => parseSimplecov('{'), /^Invalid JSON/],
  ['SimpleCov given an array', () => parseSimplecov('[]'), /^Not a SimpleCov report/],
];

for (const [name, run, message] of wrong) {
  test(`wrong input: ${name} → ReportParseError`, () => {
    assert.throws(run, (err: unknown) => isAppError(err) && err.code === 'ReportParseError' && message.test(err.message));
  });
}
