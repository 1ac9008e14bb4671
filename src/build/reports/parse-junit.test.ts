/** JUnit XML as jest-junit, pytest and Maven Surefire write it, plus nesting and malformed input. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { parseJunit } from './parse-junit.js';

const JEST_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1" errors="0" time="1.234">
  <testsuite name="math" errors="0" failures="1" skipped="1" timestamp="2024-01-01T00:00:00" time="0.5" tests="3">
    <testcase classname="math adds" name="math adds" time="0.002">
    </testcase>
    <testcase classname="math divides" name="math divides" time="0.010">
      <failure>Error: expect(received).toBe(expected) // Object.is equality

Expected: 2
Received: 3
    at Object.&lt;anonymous&gt; (/src/math.test.js:8:17)</failure>
    </testcase>
    <testcase classname="math later" name="math later" time="0">
      <skipped/>
    </testcase>
  </testsuite>
</testsuites>`;

const PYTEST = `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="5" time="0.123" timestamp="2024-05-06T10:00:00.000000" hostname="h"><testcase classname="tests.test_app" name="test_ok" time="0.001" /><testcase classname="tests.test_app" name="test_fail" time="0.002"><failure message="assert 1 == 2">def test_fail():
&gt;       assert 1 == 2
E       assert 1 == 2

tests/test_app.py:5: AssertionError</failure></testcase><testcase classname="tests.test_app" name="test_skip" time="0.000"><skipped type="pytest.skip" message="not on linux">/tests/test_app.py:8: not on linux</skipped></testcase><testcase classname="tests.test_app" name="test_error" time="0.003"><error message="failed on setup with &quot;ValueError: boom&quot;">@pytest.fixture
    def broken():
&gt;       raise ValueError("boom")</error></testcase><testcase classname="tests.test_app" name="test_param[1-2]" time="1.5" /></testsuite></testsuites>`;

const SUREFIRE = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd" version="3.0" name="com.example.AppTest" time="1,234.5" tests="2" errors="0" skipped="0" failures="1">
  <properties>
    <property name="java.version" value="17.0.2"/>
  </properties>
  <testcase name="testApp" classname="com.example.AppTest" time="0.012"/>
  <testcase name="testBroken" classname="com.example.AppTest" time="1,234.001">
    <failure message="expected:&lt;1&gt; but was:&lt;2&gt;" type="java.lang.AssertionError"><![CDATA[java.lang.AssertionError: expected:<1> but was:<2>
	at org.junit.Assert.fail(Assert.java:89)]]></failure>
    <system-out><![CDATA[some log line]]></system-out>
  </testcase>
</testsuite>`;

test('jest-junit: classname as prefix, failure body as message, skipped', () => {
  const cases = parseJunit(JEST_JUNIT);
  assert.deepEqual(cases.map((c) => [c.prefix, c.name, c.status, c.durationInNanoSeconds]), [
    ['math adds', 'math adds', 'SUCCEEDED', 2_000_000],
    ['math divides', 'math divides', 'FAILED', 10_000_000],
    ['math later', 'math later', 'SKIPPED', 0],
  ]);
  assert.match(cases[1]!.message, /^Error: expect\(received\)\.toBe\(expected\)[\s\S]*at Object\.<anonymous> \(\/src\/math\.test\.js:8:17\)$/);
  assert.equal(cases[0]!.testSuiteName, 'math');
});

test('pytest: failure, error, skip with messages; parametrised names kept', () => {
  const cases = parseJunit(PYTEST);
  assert.deepEqual(cases.map((c) => [c.name, c.status]), [
    ['test_ok', 'SUCCEEDED'], ['test_fail', 'FAILED'], ['test_skip', 'SKIPPED'], ['test_error', 'ERROR'], ['test_param[1-2]', 'SUCCEEDED'],
  ]);
  assert.ok(cases[1]!.message.startsWith('assert 1 == 2\ndef test_fail():\n>       assert 1 == 2'));
  assert.equal(cases[2]!.message, 'not on linux\n/tests/test_app.py:8: not on linux');
  assert.ok(cases[3]!.message.startsWith('failed on setup with "ValueError: boom"\n@pytest.fixture'));
  assert.equal(cases[4]!.durationInNanoSeconds, 1_500_000_000);
  assert.equal(cases[0]!.prefix, 'tests.test_app');
});

test('Maven Surefire: lone <testsuite>, CDATA stack trace, thousands separators in time', () => {
  const cases = parseJunit(SUREFIRE);
  assert.deepEqual(cases.map((c) => [c.prefix, c.name, c.status]), [['com.example.AppTest', 'testApp', 'SUCCEEDED'], ['com.example.AppTest', 'testBroken', 'FAILED']]);
  assert.equal(cases[1]!.durationInNanoSeconds, 1_234_001_000_000);
  assert.equal(cases[1]!.message, 'expected:<1> but was:<2>\njava.lang.AssertionError: expected:<1> but was:<2>\n\tat org.junit.Assert.fail(Assert.java:89)');
});

test('nested suites: cases at any depth, the nearest suite name, prefix falls back to it', () => {
  const cases = parseJunit('<testsuites><testsuite name="outer"><testcase name="top"/><testsuite name="inner"><testcase name="deep" time="0.1"/></testsuite></testsuite><testsuites><testsuite name="more"><testcase name="x" classname="C"/></testsuite></testsuites></testsuites>');
  assert.deepEqual(cases.map((c) => [c.testSuiteName, c.prefix, c.name]), [['outer', 'outer', 'top'], ['inner', 'inner', 'deep'], ['more', 'C', 'x']]);
});

test("node --test's junit reporter: cases straight under <testsuites>", () => {
  const cases = parseJunit(`<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testcase name="adds" time="0.001279" classname="test"/>
	<testcase name="breaks" time="0.001068" classname="test" failure="1 == 2">
		<failure type="testCodeFailure" message="1 == 2">
[Error [ERR_TEST_FAILURE]: 1 == 2] {
  code: 'ERR_TEST_FAILURE',
}
		</failure>
	</testcase>
	<testsuite name="group" time="0.000522" disabled="0" errors="0" tests="1" failures="0" skipped="0" hostname="vm">
		<testcase name="inner" time="0.000172" classname="test"/>
	</testsuite>
	<!-- tests 3 -->
</testsuites>`);
  assert.deepEqual(cases.map((c) => [c.name, c.status, c.testSuiteName]), [['adds', 'SUCCEEDED', undefined], ['breaks', 'FAILED', undefined], ['inner', 'SUCCEEDED', 'group']]);
  assert.ok(cases[1]!.message.startsWith('1 == 2\n[Error [ERR_TEST_FAILURE]: 1 == 2]'));
});

test('an error beats a failure in the same test case; messages are capped at 5,000 characters', () => {
  const long = 'x'.repeat(6000);
  const [c] = parseJunit(`<testsuite><testcase name="t"><failure message="f"/><error message="${long}"/></testcase></testsuite>`);
  assert.equal(c!.status, 'ERROR');
  assert.equal(c!.message.length, 5000);
});

const malformed: Array<[name: string, xml: string, message: RegExp]> = [
  ['unclosed tags', '<testsuite><testcase name="x">', /^Invalid XML at line 1, column \d+: /],
  ['not XML at all', 'PASS src/app.test.js', /^Invalid XML/],
  ['an empty file', '', /./],
  ['another root element', '<html><body/></html>', /^Not a JUnit XML report: the root element is <html>/],
  ['suite counters that go negative (trivy #880)', '<testsuites><testsuite name="trivy" tests="0" failures="2"><testcase name="a"><failure/></testcase></testsuite></testsuites>',
    /^InvalidInputException: Test summary: status count cannot be negative$/],
];

for (const [name, xml, message] of malformed) {
  test(`malformed JUnit: ${name} → ReportParseError`, () => {
    assert.throws(() => parseJunit(xml), (err: unknown) => isAppError(err) && err.code === 'ReportParseError' && message.test(err.message));
  });
}

test('a billion-laughs entity bomb is not expanded', () => {
  const [c] = parseJunit(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><testsuite><testcase name="&lol5;&lol5;&lol5;"/></testsuite>`);
  assert.ok(c!.name.length < 100, c!.name.slice(0, 100));
});
