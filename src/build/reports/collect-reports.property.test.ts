/**
 * Property (DESIGN.md §6): whatever bytes sit in a report file, for every file-format,
 * collectReports resolves (never rejects) and a report that is not INCOMPLETE parsed cleanly.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { REPORT_FILE_FORMATS } from '../buildspec/index.js';
import { removeAll, tempDir } from '../artifacts/test-support.js';
import { collectReports } from './collect-reports.js';

let root = '';
before(async () => {
  root = await tempDir('nagare-reports-prop-');
});
after(() => removeAll(root));

const token = fc.constantFrom(
  '<testsuites>', '</testsuites>', '<testsuite name="s" tests="1">', '</testsuite>', '<testcase name="t" time="x">', '</testcase>', '<failure/>',
  '<coverage>', '<packages><package><classes><class filename="f">', '<lines><line number="1" hits="1"/></lines>', '</class></classes></package></packages></coverage>',
  '<report>', '<package name="p"><sourcefile name="s"><counter type="LINE" missed="1" covered="a"/></sourcefile></package>', '</report>',
  '<test-run>', '<test-case result="Failed"/>', '</test-run>', '<TestRun><Results><UnitTestResult outcome="x"/></Results></TestRun>',
  '<testng-results><suite><test><class><test-method status="FAIL"/></class></test></suite></testng-results>',
  '[', ']', '{', '}', '"coverage":', '"elements":', '{"steps":[{"result":{"status":"failed","duration":-5}}]}', 'null', ',', '&amp;', '&bogus;', '<!DOCTYPE x>', '<![CDATA[', ']]>',
);
const content = fc.oneof(fc.string({ maxLength: 200 }), fc.array(token, { maxLength: 30 }).map((t) => t.join('')));

test('collectReports never rejects, whatever the report file holds', async () => {
  await fc.assert(
    fc.asyncProperty(content, fc.constantFrom(...REPORT_FILE_FORMATS), async (text, fileFormat) => {
      await writeFile(join(root, 'report.txt'), text);
      const [report] = await collectReports([{ nameOrArn: 'g', files: ['report.txt'], discardPaths: false, fileFormat }], root);
      assert.ok(report);
      if (report.status !== 'INCOMPLETE') assert.deepEqual(report.problems, []);
      else assert.ok(report.problems.every((p) => p.message.length > 0));
    }),
    { numRuns: 500 },
  );
});
