/**
 * Conformance (DESIGN.md §6): every real buildspec in ../shared/corpus/buildspec parses with the
 * outcome AWS gives it, or yields the expected diagnostic. One row per file; every reject and every
 * warning carries its reason, cross-checked with the `notes` column of corpus/SOURCES.tsv.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DiagnosticCode } from './diagnostic.js';
import { parseBuildspec } from './parse-buildspec.js';
import { show } from './test-support.js';

// Compiled to dist/src/build/buildspec/: four levels up is the repository root.
const repoRoot = new URL('../../../../', import.meta.url);
const corpusDir = fileURLToPath(new URL('../shared/corpus/buildspec/', repoRoot));

type Row = [outcome: 'accept' | 'reject', diagnostics: Array<[DiagnosticCode, number]>, reason: string];

const CLEAN = 'valid 0.2 buildspec';

const expectations: Record<string, Row> = {
  '001-s2n-tls-buildspec_fuzz_batch.yml': ['accept', [], 'batch build-list with debug-session; leading `---`'],
  '002-s2n-tls-buildspec_integv2_nix.yaml': ['accept', [], 'batch build-graph; multi-line plain variable values fold to one line'],
  '003-aws-toolkit-vscode-linuxTests.yml': ['accept', [], '`CI: true` and `dotnet: 2.2` are read as the text "true" / "2.2"'],
  '004-aws-toolkit-vscode-windowsTests.yml': ['accept', [], 'PowerShell | blocks are opaque strings; odd indentation is consistent YAML'],
  '005-aws-toolkit-jetbrains-linuxTests.yml': ['accept', [], 'secondary artifact next to primary files; comment at column 0 in a list'],
  '006-aws-sdk-java-v2-release-to-maven.yml': ['accept', [], 'compact sequences under commands:'],
  '007-aws-toolkit-vscode-60publish.yml': ['accept', [], '4-space indentation, leading comment block'],
  '008-aws-sdk-java-v2-noop.yml': ['accept', [], 'install with runtime-versions only; no final newline'],
  '009-aws-sdk-java-v2-release-to-github.yml': ['accept', [['NULL_COMMAND', 19], ['NULL_COMMAND', 22], ['NULL_COMMAND', 25]],
    'EDGE: bare `-` items used as separators are empty commands: skipped with a warning'],
  '010-aws-toolkit-vscode-linuxE2ETests.yml': ['accept', [], 'top-level run-as with a phase-level override; finally block'],
  '011-aws-for-fluent-bit-buildspec_publish_ssm.yml': ['accept', [], '`golang: 1.13` kept as text'],
  '012-aws-cdk-buildspec.yaml': ['accept', [], 'file-format JunitXml is case-insensitive'],
  '013-aws-deployment-framework-tf_plan.yml': ['accept', [], 'boolean variable value and trailing comments'],
  '014-amazon-ecs-agent-pr-build-windows.yml': ['accept', [['NO_COMMANDS', 40]],
    'EDGE: post_build `commands:` has no value; the phase runs nothing'],
  '015-ecs-workshop-blue-green-deployments-buildspec.yml': ['accept', [], CLEAN],
  '016-aws-codebuild-samples-environment.yml': ['accept', [], CLEAN],
  '017-aws-codebuild-samples-sonarqube.yml': ['accept', [], 'parameter-store names without a leading /'],
  '018-aws-codebuild-samples-build-with-cache.yml': ['accept', [], CLEAN],
  '019-aws-codebuild-samples-dockerbuildspec.yml': ['accept', [], 'runtime `docker: 18` is checked against the image at run time, not here'],
  '020-aws-codebuild-samples-buildspec.yml': ['accept', [], CLEAN],
  '021-aws-codepipeline-codebuild-with-postman-postman-newman-buildspec.yml': ['accept',
    [['DUPLICATE_KEY', 6], ['DUPLICATE_KEY', 7], ['DUPLICATE_KEY', 8], ['DUPLICATE_KEY', 9], ['DUPLICATE_KEY', 10], ['DUPLICATE_KEY', 11]],
    'EDGE: `key:` repeated seven times; go-yaml v2 (AWS) keeps the last value, each repeat warns'],
  '022-aws-codebuild-multiple-buildspec-buildspec-rpm.yml': ['accept', [], 'brace expansion is the shell’s business'],
  '023-aws-deployment-framework-sample-fargate-node-app-buildspec.yml': ['accept', [], 'EDGE: scalar `files: **/*` is a one-item list, as AWS reads it'],
  '024-aws-deployment-framework-sample-mono-repo-alpha-buildspec.yml': ['accept', [], 'EDGE: $VARS and a stray quote in globs are plain text until upload'],
  '025-amazon-ecs-agent-pr-build.yml': ['accept', [['NO_COMMANDS', 79]],
    'EDGE: multi-line plain `case … esac` folds into one command; post_build `commands:` is empty'],
  '026-amazon-ecs-agent-signing.yml': ['accept', [], 'on-failure: ABORT; exporting CODEBUILD_BUILD_ID is allowed'],
  '027-aws-for-fluent-bit-buildspec_integ.yml': ['accept', [], CLEAN],
  '028-aws-lc-batch_does_not_allow_empty.yml': ['accept', [], CLEAN],
  '029-aws-lc-run_x509_limbo_reports_target.yml': ['accept', [], 'shell-evaluated artifact name is kept as written'],
  '030-s2n-tls-buildspec_ktls.yml': ['accept', [], CLEAN],
  '031-aws-lc-pre-push.yml': ['accept', [], CLEAN],
  '032-aws-sdk-java-v2-integ-test.yml': ['accept', [], CLEAN],
  '033-amazon-ecs-fargate-workshop-buildspec_secrets.yml': ['accept', [], 'quoted `!aws … $@` is a string, not a tag'],
  '034-amazon-ecs-fargate-workshop-docker_build_deploy.yml': ['accept', [['MISSING_FILES', 41]],
    'EDGE: only secondary-artifacts; AWS requires artifacts/files at upload time, not at parse time'],
  '035-amazon-ecs-fargate-workshop-buildspec_lint.yml': ['accept', [], CLEAN],
  '036-amazon-ecs-catsndogs-workshop-dogs-buildspec.yml': ['accept', [], 'EDGE: absolute artifact path is a run-time (upload) matter'],
  '037-aws-encryption-sdk-python-py312-integ.yml': ['accept', [], 'folded >- values become one line'],
  '038-aws-c-common-visualcpp2017-buildspec.yml': ['accept', [], CLEAN],
  '039-aws-encryption-sdk-python-buildspec.yml': ['accept', [], 'EDGE: batch-only buildspec, no phases (a batch needs none)'],
  '040-s2n-tls-buildspec_integ_matrix.yml': ['accept', [], 'matrix values 4.8 / 6 / true become text'],
  '041-s2n-tls-buildspec_unit_coverage.yml': ['accept', [], 'EDGE: `CODECOV_TOKEN :` is a plain key; trailing blanks are not part of it'],
  '042-s2n-tls-buildspec_integrationv2_small_batch': ['accept', [], 'EDGE: no extension; batch-only build-matrix'],
  '043-amplify-cli-publish_to_npm.yml': ['accept', [], 'git-credential-helper: yes (YAML 1.1 boolean)'],
  '044-amplify-cli-build_windows.yml': ['accept', [], CLEAN],
  '045-aws-crt-java-release-maven-central.yml': ['accept', [], CLEAN],
  '046-aws-crt-java-test-version-exists.yml': ['accept', [['NO_COMMANDS', 7], ['NO_COMMANDS', 9]],
    'EDGE: install and pre_build declared with empty `commands:`'],
  '047-aws-crt-java-windows-vs2015-x64.yml': ['accept', [], 'whitespace-only last line without newline'],
  '051-aws-serverless-samfarm-api-buildspec.yml': ['reject', [['UNSUPPORTED_LEGACY_VERSION', 1]],
    'EDGE: version 0.0 pre-release `containers` syntax (undocumented semantics); AWS only documents 0.1 and 0.2'],
  '052-identity-autotf-buildspec.yaml': ['accept', [], 'double-quoted commands'],
  '053-aws-toolkit-jetbrains-linuxUiTests.yml': ['accept', [['MISSING_CACHE_PATHS', 3]],
    'EDGE: every cache path commented out, so `paths:` is empty; `DISPLAY: :99` is a string'],
  '054-aws-toolkit-vscode-10changeversion.yml': ['accept', [], 'EDGE: pre_build written before install; order comes from the names'],
  '055-aws-codepipeline-devsecops-amazoneks-buildspec_secscan.yaml': ['accept', [], 'inline comments after phase keys'],
  '056-aws-codepipeline-devsecops-amazoneks-buildspec.yml': ['accept', [], 'EDGE: commented-out command at column 0; `- | ` with a trailing space'],
  '057-amazon-ecs-anywhere-cicd-pipeline-cdk-sample-buildspec.yml': ['accept', [], 'EDGE: blank first line; scalar artifacts/files'],
  '058-aws-deployment-framework-sample-ec2-java-app-codedeploy-buildspec.yml': ['accept', [], 'yamllint directive comment after discard-paths'],
  '059-aws-codebuild-samples-build-with-image-cache.yml': ['accept', [], CLEAN],
  '060-s2n-tls-buildspec_generalbatch.yml': ['accept', [], 'batch-only build-list; mixed true / "true" / 6 values'],
};

function read(file: string): string {
  return readFileSync(`${corpusDir}${file}`, 'utf8');
}

test('the table has one row per corpus file', () => {
  const files = readdirSync(corpusDir).filter((f) => !f.startsWith('.')).sort();
  assert.deepEqual(files, Object.keys(expectations).sort());
});

for (const [file, [outcome, diagnostics, reason]] of Object.entries(expectations)) {
  test(`corpus ${file}: ${outcome} (${reason})`, () => {
    const result = parseBuildspec(read(file), file);
    assert.equal(result.buildspec ? 'accept' : 'reject', outcome, show(result.diagnostics));
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.line]), diagnostics, show(result.diagnostics));
    for (const d of result.diagnostics) assert.equal(d.file, file);
  });
}

test('corpus values are read the way AWS reads them', () => {
  const parse = (file: string): NonNullable<ReturnType<typeof parseBuildspec>['buildspec']> => {
    const bs = parseBuildspec(read(file), file).buildspec;
    assert.ok(bs, file);
    return bs;
  };
  assert.deepEqual(parse('003-aws-toolkit-vscode-linuxTests.yml').env.variables, { CI: 'true', LOCAL_ENV_RUN: 'true' });
  assert.equal(parse('021-aws-codepipeline-codebuild-with-postman-postman-newman-buildspec.yml').env.variables['key'], 'TESTRAIL_TITLE');
  assert.deepEqual(parse('023-aws-deployment-framework-sample-fargate-node-app-buildspec.yml').artifacts?.files, ['**/*']);
  assert.deepEqual(parse('054-aws-toolkit-vscode-10changeversion.yml').phases.map((p) => p.name), ['install', 'pre_build', 'build']);
  assert.equal(parse('009-aws-sdk-java-v2-release-to-github.yml').phases.find((p) => p.name === 'build')?.commands.length, 8);
  assert.equal(parse('043-amplify-cli-publish_to_npm.yml').env.gitCredentialHelper, true);
  assert.deepEqual(parse('041-s2n-tls-buildspec_unit_coverage.yml').env.parameterStore, { CODECOV_TOKEN: 'codecov-upload-token' });
  assert.ok(parse('025-amazon-ecs-agent-pr-build.yml').phases[0]?.commands.includes('case $(uname -m) in x86_64) architecture="amd64" ;; aarch64) architecture="arm64" ;; esac'));
});
