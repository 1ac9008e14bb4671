/** Name rules of spec A.12 / "Surprises" 10, table-driven. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { artifactName } from './artifact-name.js';

/** Stands in for the executor's shell: expands $VAR, ${VAR} and the one $(date …) the docs use. */
function fakeShell(text: string): string {
  const env: Record<string, string> = { AWS_REGION: 'us-east-1', CODEBUILD_BUILD_NUMBER: '42' };
  return `${text
    .replace(/\$\(date \+%Y-%m-%d\)/gu, '2024-05-06')
    .replace(/\$\{?([A-Z_]+)\}?/gu, (_m, name: string) => env[name] ?? '')}\n`;
}

const cases: Array<[name: string, specName: string | undefined, override: boolean, projectArtifactName: string | undefined, expected: string]> = [
  ['buildspec name ignored without overrideArtifactName', 'from-buildspec', false, 'project-artifact', 'project-artifact'],
  ['no project artifact name: the project name', 'from-buildspec', false, undefined, 'my-project'],
  ['override with a plain name', 'from-buildspec', true, 'project-artifact', 'from-buildspec'],
  ['override, shell-evaluated date (docs example)', 'myname-$(date +%Y-%m-%d)', true, undefined, 'myname-2024-05-06'],
  ['override, environment variable', '$AWS_REGION-$(date +%Y-%m-%d)', true, undefined, 'us-east-1-2024-05-06'],
  ['override, slashes make folders', 'builds/$CODEBUILD_BUILD_NUMBER/my-artifacts', true, undefined, 'builds/42/my-artifacts'],
  ['override but the buildspec has no name', undefined, true, 'project-artifact', 'project-artifact'],
  ['override, the name evaluates to nothing', '$UNSET', true, 'project-artifact', 'project-artifact'],
];

for (const [name, specName, override, projectArtifactName, expected] of cases) {
  test(`artifactName: ${name}`, () => {
    const options = { overrideArtifactName: override, projectName: 'my-project', resolveShellVars: fakeShell };
    assert.equal(artifactName({ name: specName }, projectArtifactName === undefined ? options : { ...options, projectArtifactName }), expected);
  });
}

test('artifactName: a name without shell syntax never reaches the resolver', () => {
  const name = artifactName({ name: 'plain' }, {
    overrideArtifactName: true, projectName: 'p', resolveShellVars: () => assert.fail('resolver called'),
  });
  assert.equal(name, 'plain');
});
