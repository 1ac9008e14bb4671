/** TestNG, NUnit 2/3, TRX and Cucumber JSON on samples shaped like the tools' real output. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { parseCucumber } from './parse-cucumber.js';
import { parseNunit } from './parse-nunit.js';
import { parseTestng } from './parse-testng.js';
import { parseTrx, timeSpanToNanos } from './parse-trx.js';
import type { ParsedTestCase } from './types.js';

const brief = (cases: ParsedTestCase[]) => cases.map((c) => [c.prefix, c.name, c.status, c.durationInNanoSeconds]);

test('TestNG testng-results.xml: config methods skipped, PASS/FAIL/SKIP, exception message + stack', () => {
  const cases = parseTestng(`<?xml version="1.0" encoding="UTF-8"?>
<testng-results ignored="0" total="3" passed="1" failed="1" skipped="1">
  <reporter-output/>
  <suite started-at="2024-01-01T00:00:00 UTC" name="Suite" duration-ms="40">
    <groups/>
    <test name="Unit" duration-ms="40">
      <class name="com.example.CalcTest">
        <test-method is-config="true" status="PASS" signature="setUp()" name="setUp" duration-ms="1"/>
        <test-method status="PASS" signature="adds()" name="adds" duration-ms="5"/>
        <test-method status="FAIL" signature="divides()" name="divides" duration-ms="12">
          <exception class="java.lang.ArithmeticException">
            <message><![CDATA[/ by zero]]></message>
            <full-stacktrace><![CDATA[java.lang.ArithmeticException: / by zero
	at com.example.CalcTest.divides(CalcTest.java:20)]]></full-stacktrace>
          </exception>
        </test-method>
        <test-method status="SKIP" signature="later()" name="later" duration-ms="0"/>
      </class>
    </test>
  </suite>
</testng-results>`);
  assert.deepEqual(brief(cases), [
    ['com.example.CalcTest', 'adds', 'SUCCEEDED', 5_000_000],
    ['com.example.CalcTest', 'divides', 'FAILED', 12_000_000],
    ['com.example.CalcTest', 'later', 'SKIPPED', 0],
  ]);
  assert.equal(cases[1]!.message, '/ by zero\njava.lang.ArithmeticException: / by zero\n\tat com.example.CalcTest.divides(CalcTest.java:20)');
  assert.equal(cases[0]!.testSuiteName, 'Suite');
});

test('NUnit 2 TestResult.xml: the AWS CLI example (fixture prefix, NotRunnable → ERROR)', () => {
  const cases = parseNunit(`<?xml version="1.0" encoding="utf-8" standalone="no"?>
<test-results name="mock-assembly.dll" total="4" errors="1" failures="1" not-run="1" date="2020-10-21" time="17:52:10">
  <test-suite type="Assembly" name="mock-assembly.dll" executed="True" result="Failure" success="False" time="0.094">
    <results>
      <test-suite type="Namespace" name="NUnit" executed="True" result="Failure">
        <results>
          <test-suite type="TestFixture" name="MockTestFixture" executed="True" result="Failure">
            <results>
              <test-case name="NUnit.Tests.Assemblies.MockTestFixture.MockTest1" executed="True" result="Success" success="True" time="0.013" asserts="0"/>
              <test-case name="NUnit.Tests.Assemblies.MockTestFixture.NotRunnableTest" executed="False" result="NotRunnable">
                <reason><message><![CDATA[No arguments were provided]]></message></reason>
              </test-case>
              <test-case name="NUnit.Tests.Assemblies.MockTestFixture.FailingTest" executed="True" result="Failure" success="False" time="0.010">
                <failure><message><![CDATA[Intentional failure]]></message><stack-trace><![CDATA[at NUnit.Tests.Assemblies.MockTestFixture.FailingTest()]]></stack-trace></failure>
              </test-case>
              <test-case name="NUnit.Tests.Assemblies.MockTestFixture.MockTest4" executed="False" result="Ignored"><reason><message><![CDATA[ignoring this test method for now]]></message></reason></test-case>
            </results>
          </test-suite>
        </results>
      </test-suite>
    </results>
  </test-suite>
</test-results>`);
  assert.deepEqual(brief(cases), [
    ['NUnit.Tests.Assemblies.MockTestFixture', 'NUnit.Tests.Assemblies.MockTestFixture.MockTest1', 'SUCCEEDED', 13_000_000],
    ['NUnit.Tests.Assemblies.MockTestFixture', 'NUnit.Tests.Assemblies.MockTestFixture.NotRunnableTest', 'ERROR', 0],
    ['NUnit.Tests.Assemblies.MockTestFixture', 'NUnit.Tests.Assemblies.MockTestFixture.FailingTest', 'FAILED', 10_000_000],
    ['NUnit.Tests.Assemblies.MockTestFixture', 'NUnit.Tests.Assemblies.MockTestFixture.MockTest4', 'SKIPPED', 0],
  ]);
  assert.equal(cases[1]!.message, 'No arguments were provided');
  assert.equal(cases[2]!.message, 'Intentional failure\nat NUnit.Tests.Assemblies.MockTestFixture.FailingTest()');
});

test('NUnit 3 test-run: fullname, classname, Failed+label Error → ERROR, duration', () => {
  const cases = parseNunit(`<?xml version="1.0" encoding="utf-8" standalone="no"?>
<test-run id="0" testcasecount="3" result="Failed" total="3" passed="1" failed="2" skipped="0" duration="0.05">
  <test-suite type="Assembly" id="0-1004" name="App.Tests.dll" fullname="/src/App.Tests.dll">
    <test-suite type="TestFixture" id="0-1000" name="CalcTests" fullname="App.Tests.CalcTests" classname="App.Tests.CalcTests">
      <test-case id="0-1001" name="Adds" fullname="App.Tests.CalcTests.Adds" methodname="Adds" classname="App.Tests.CalcTests" result="Passed" duration="0.012"/>
      <test-case id="0-1002" name="Divides" fullname="App.Tests.CalcTests.Divides" methodname="Divides" classname="App.Tests.CalcTests" result="Failed" duration="0.020">
        <failure><message><![CDATA[  Expected: 2  But was:  3]]></message><stack-trace><![CDATA[at App.Tests.CalcTests.Divides() in /src/CalcTests.cs:line 14]]></stack-trace></failure>
      </test-case>
      <test-case id="0-1003" name="Throws" fullname="App.Tests.CalcTests.Throws" classname="App.Tests.CalcTests" result="Failed" label="Error" duration="0.001">
        <failure><message><![CDATA[System.InvalidOperationException : nope]]></message></failure>
      </test-case>
    </test-suite>
  </test-suite>
</test-run>`);
  assert.deepEqual(brief(cases), [
    ['App.Tests.CalcTests', 'App.Tests.CalcTests.Adds', 'SUCCEEDED', 12_000_000],
    ['App.Tests.CalcTests', 'App.Tests.CalcTests.Divides', 'FAILED', 20_000_000],
    ['App.Tests.CalcTests', 'App.Tests.CalcTests.Throws', 'ERROR', 1_000_000],
  ]);
  assert.equal(cases[0]!.testSuiteName, 'App.Tests.CalcTests');
});

test('TRX from dotnet test: outcome, TimeSpan duration, class from TestDefinitions', () => {
  const cases = parseTrx(`<?xml version="1.0" encoding="utf-8"?>
<TestRun id="c2f" name="runner@host 2024-01-01 00:00:00" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
    <UnitTestResult executionId="e1" testId="t1" testName="Adds" computerName="host" duration="00:00:00.0123456" outcome="Passed" testType="13cdc9d9" testListId="8c8" />
    <UnitTestResult executionId="e2" testId="t2" testName="Divides" duration="00:00:01.5000000" outcome="Failed">
      <Output><ErrorInfo><Message>Assert.Equal() Failure
Expected: 2
Actual:   3</Message><StackTrace>   at App.Tests.CalcTests.Divides() in /src/CalcTests.cs:line 14</StackTrace></ErrorInfo></Output>
    </UnitTestResult>
    <UnitTestResult executionId="e3" testId="t3" testName="Later" duration="00:00:00" outcome="NotExecuted" />
  </Results>
  <TestDefinitions>
    <UnitTest name="Adds" id="t1"><TestMethod codeBase="/src/App.Tests.dll" className="App.Tests.CalcTests, App.Tests, Version=1.0.0.0" name="Adds" /></UnitTest>
    <UnitTest name="Divides" id="t2"><TestMethod className="App.Tests.CalcTests" name="Divides" /></UnitTest>
    <UnitTest name="Later" id="t3"><TestMethod className="App.Tests.CalcTests" name="Later" /></UnitTest>
  </TestDefinitions>
</TestRun>`);
  assert.deepEqual(brief(cases), [
    ['App.Tests.CalcTests', 'Adds', 'SUCCEEDED', 12_345_600],
    ['App.Tests.CalcTests', 'Divides', 'FAILED', 1_500_000_000],
    ['App.Tests.CalcTests', 'Later', 'SKIPPED', 0],
  ]);
  assert.equal(cases[1]!.message, 'Assert.Equal() Failure\nExpected: 2\nActual:   3\nat App.Tests.CalcTests.Divides() in /src/CalcTests.cs:line 14');
  assert.equal(timeSpanToNanos('1.02:03:04.5'), ((26 * 60 + 3) * 60 + 4) * 1e9 + 500_000_000);
  assert.equal(timeSpanToNanos('garbage'), 0);
});

test('Cucumber JSON: scenarios (not backgrounds), step statuses, nanosecond durations', () => {
  const cases = parseCucumber(JSON.stringify([
    {
      uri: 'features/login.feature', id: 'login', keyword: 'Feature', name: 'Login',
      elements: [
        { keyword: 'Background', type: 'background', name: '', steps: [{ name: 'a user', result: { status: 'passed', duration: 1000 } }] },
        { keyword: 'Scenario', type: 'scenario', name: 'good password', steps: [
          { keyword: 'Given ', name: 'I log in', result: { status: 'passed', duration: 1_500_000 } },
          { keyword: 'Then ', name: 'I see home', result: { status: 'passed', duration: 500_000 } },
        ] },
        { keyword: 'Scenario', type: 'scenario', name: 'bad password', steps: [
          { name: 'I log in wrong', result: { status: 'failed', duration: 2_000_000, error_message: 'expected 401 to equal 200\n    at steps.js:10' } },
          { name: 'I see an error', result: { status: 'skipped' } },
        ] },
        { keyword: 'Scenario', type: 'scenario', name: 'not written yet', steps: [{ name: 'magic', result: { status: 'undefined' } }] },
        { keyword: 'Scenario', type: 'scenario', name: 'later', steps: [{ name: 'wip', result: { status: 'pending' } }] },
      ],
    },
  ]));
  assert.deepEqual(brief(cases), [
    ['Login', 'good password', 'SUCCEEDED', 2_000_000],
    ['Login', 'bad password', 'FAILED', 2_000_000],
    ['Login', 'not written yet', 'ERROR', 0],
    ['Login', 'later', 'SKIPPED', 0],
  ]);
  assert.equal(cases[1]!.message, 'expected 401 to equal 200\n    at steps.js:10');
});

const wrong: Array<[name: string, run: () => unknown, message: RegExp]> = [
  ['TestNG given a JUnit file', () => parseTestng('<testsuite/>'), /^Not a TestNG XML report: the root element is <testsuite>/],
  ['NUnit given a TRX file', () => parseNunit('<TestRun/>'), /^Not a NUnit XML report/],
  ['TRX given broken XML', () => parseTrx('<TestRun><Results>'), /^Invalid XML at line/],
  ['Cucumber given broken JSON', () => parseCucumber('[{"name": '), /^Invalid JSON/],
  ['Cucumber given an object', () => parseCucumber('{"features": []}'), /^Not a Cucumber JSON report/],
  ['Cucumber given an array of numbers', () => parseCucumber('[1, 2]'), /^Not a Cucumber JSON report/],
];

for (const [name, run, message] of wrong) {
  test(`wrong input: ${name} → ReportParseError`, () => {
    assert.throws(run, (err: unknown) => isAppError(err) && err.code === 'ReportParseError' && message.test(err.message));
  });
}
