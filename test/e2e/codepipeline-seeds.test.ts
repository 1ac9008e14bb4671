import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseBuildspec } from '../../src/build/index.js';
import { REPO_ROOT, startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  createBucket,
  createRepository,
  pipelineApi,
  pipelineCli,
  pushFiles,
} from '../support/pipeline-harness.js';
import { errorMessageOf, errorType, jsonCall, signedRequest } from '../support/signed-request.js';

/**
 * Seeds 001–004 (/work/shared/seeds, real teams' Japanese design documents) against `nagare up`,
 * with the real AWS CLI v2 (current CodePipeline model) and real git. Whatever a seed writes out
 * literally is read from the seed text at run time, by a marker next to it, so a change to a seed
 * shows up here; what a seed only describes in prose is rebuilt below with a comment naming the
 * section it comes from.
 *
 * For each seed:
 * - its pipeline definition as written (placeholders filled) goes to `create-pipeline
 *   --cli-input-json`. Every one of them deploys with an action type nagare does not run yet (ECS,
 *   CodeDeploy, CodeDeployToECS), so every one is refused with AWS's "is not available" error
 *   (docs/compat/codepipeline.md) — asserted exactly;
 * - its buildspec (literal or rebuilt) must parse with nagare's parser;
 * - then the same pipeline runs end to end with the unsupported deploy action swapped for an S3
 *   deploy (as seedPipeline() does for seed 000), and the test checks what the build produced.
 *
 * The buildspecs call `docker` and `aws ecr|codeartifact|lambda`, services nagare does not serve.
 * Their projects therefore get one extra environment variable, PATH, that puts small stubs first
 * (they record their arguments in $STUB_LOG, also a project variable, and let every other `aws`
 * call through to the real CLI): the buildspecs themselves run unchanged.
 *
 * Seed 003's `ProjectName = aws_codebuild_project.example.id` is the project's ARN (the Terraform
 * provider's id of a project it created); the CodeBuild action takes it as written.
 */

// Beside the repository, as the corpus is (README); a missing directory fails the test, never skips it.
const SEEDS_DIR = process.env.NAGARE_TEST_SEEDS_DIR ?? join(REPO_ROOT, '..', 'shared', 'seeds');
const REGION = 'us-east-1';
const ECR_HOST = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;

let nagare: NagareHandle;
let work: string;
let stubs: string;

// ---------------------------------------------------------------------------------------------
// Reading the seeds
// ---------------------------------------------------------------------------------------------

function seedText(number: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'));
  assert.ok(file, `seed ${number} not found in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** The fenced code block that follows `marker` (within a few lines), dedented. */
function blockAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `marker not found in the seed: ${marker}`);
  const open = text.indexOf('```', at);
  assert.ok(open >= 0 && open - at < 300, `no code block right after: ${marker}`);
  const start = text.indexOf('\n', open) + 1;
  const close = text.indexOf('```', start);
  const lines = text.slice(start, close).split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** The text between two markers (the first occurrence of each, in order). */
function between(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  assert.ok(a >= 0 && b > a, `section ${from} … ${to} not found in the seed`);
  return text.slice(a, b);
}

/** The one capture of `re` in `text` (fails the test, naming the pattern, when the seed changed). */
function pick(text: string, re: RegExp): string {
  const found = re.exec(text)?.[1];
  assert.ok(found, `the seed no longer matches ${String(re)}`);
  return found;
}

function checkedBuildspec(text: string, file: string): ReturnType<typeof parseBuildspec> {
  const parsed = parseBuildspec(text, file);
  assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], `${file} must parse`);
  assert.ok(parsed.buildspec, `${file} must parse`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// A small HCL reader for the seed's Terraform listings (blocks, attributes, strings, numbers,
// booleans, references, lists and maps: what seed 003 uses).
// ---------------------------------------------------------------------------------------------

type HclValue = string | number | boolean | { ref: string } | HclValue[] | { [key: string]: HclValue };
interface HclBlock {
  type: string;
  labels: string[];
  attrs: Record<string, HclValue>;
  blocks: HclBlock[];
}

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      tokens.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '<' && src[i + 1] === '<') {
      const m = /^<<-?(\w+)\n([\s\S]*?)\n\s*\1\b/.exec(src.slice(i));
      assert.ok(m, 'unterminated heredoc');
      tokens.push(JSON.stringify(m[2]));
      i += m[0].length;
    } else if ('{}[]=,'.includes(c)) {
      tokens.push(src[i++]!);
    } else {
      const m = /^[\w.\-*/:]+/.exec(src.slice(i));
      assert.ok(m, `unexpected character ${c} in HCL`);
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  return tokens;
}

function parseHcl(src: string): HclBlock {
  const t = tokenize(src);
  let p = 0;
  const value = (): HclValue => {
    const tok = t[p++]!;
    if (tok.startsWith('"')) return JSON.parse(tok) as string;
    if (tok === '[') {
      const list: HclValue[] = [];
      while (t[p] !== ']') {
        list.push(value());
        if (t[p] === ',') p++;
      }
      p++;
      return list;
    }
    if (tok === '{') {
      const map: Record<string, HclValue> = {};
      while (t[p] !== '}') {
        const key = t[p++]!;
        assert.equal(t[p++], '=', `expected = after ${key}`);
        map[key.startsWith('"') ? (JSON.parse(key) as string) : key] = value();
        if (t[p] === ',') p++;
      }
      p++;
      return map;
    }
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
    return { ref: tok };
  };
  const body = (end: string | undefined): HclBlock => {
    const block: HclBlock = { type: '', labels: [], attrs: {}, blocks: [] };
    while (p < t.length && t[p] !== end) {
      const name = t[p++]!;
      if (t[p] === '=') {
        p++;
        block.attrs[name] = value();
        continue;
      }
      const labels: string[] = [];
      while (t[p]!.startsWith('"')) labels.push(JSON.parse(t[p++]!) as string);
      assert.equal(t[p++], '{', `expected a block after ${name}`);
      const inner = body('}');
      p++;
      block.blocks.push({ ...inner, type: name, labels });
    }
    return block;
  };
  return body(undefined);
}

function resource(file: HclBlock, type: string, name: string): HclBlock {
  const found = file.blocks.find((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1] === name);
  assert.ok(found, `resource "${type}" "${name}" not in the listing`);
  return found;
}

/** A value as the Terraform AWS provider sends it (map(string) values are strings); references resolved. */
function hclString(v: HclValue | undefined, refs: Record<string, string>): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && !Array.isArray(v) && typeof v.ref === 'string') {
    const resolved = refs[v.ref];
    assert.ok(resolved !== undefined, `no value for the reference ${v.ref}`);
    return resolved;
  }
  assert.fail(`not a scalar: ${JSON.stringify(v)}`);
}

/** `aws_codepipeline` → the CreatePipeline input the Terraform AWS provider builds from it. */
function terraformPipeline(r: HclBlock, refs: Record<string, string>): Record<string, unknown> {
  const str = (v: HclValue | undefined) => hclString(v, refs);
  const names = (v: HclValue | undefined) => (Array.isArray(v) ? v.map((n) => ({ name: str(n) })) : []);
  const store = r.blocks.find((b) => b.type === 'artifact_store')!;
  return {
    name: str(r.attrs.name),
    roleArn: str(r.attrs.role_arn),
    artifactStore: { type: str(store.attrs.type), location: str(store.attrs.location) },
    stages: r.blocks.filter((b) => b.type === 'stage').map((s) => ({
      name: str(s.attrs.name),
      actions: s.blocks.filter((b) => b.type === 'action').map((a) => {
        const conf = a.attrs.configuration as Record<string, HclValue> | undefined;
        return {
          name: str(a.attrs.name),
          actionTypeId: { category: str(a.attrs.category), owner: str(a.attrs.owner), provider: str(a.attrs.provider), version: str(a.attrs.version) },
          ...(conf ? { configuration: Object.fromEntries(Object.entries(conf).map(([k, v]) => [k, str(v)])) } : {}),
          ...(a.attrs.input_artifacts ? { inputArtifacts: names(a.attrs.input_artifacts) } : {}),
          ...(a.attrs.output_artifacts ? { outputArtifacts: names(a.attrs.output_artifacts) } : {}),
        };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Steps shared by the seeds
// ---------------------------------------------------------------------------------------------

type Pipeline = { name: string; stages: { name: string; actions: Record<string, unknown>[] }[] } & Record<string, unknown>;

async function writeDefinition(file: string, pipeline: Record<string, unknown>): Promise<string> {
  const path = join(work, file);
  await writeFile(path, JSON.stringify({ pipeline }, null, 2));
  return `file://${path}`;
}

/** create-pipeline --cli-input-json with the definition as written: refused for the deploy type nagare does not run. */
async function refusedAsWritten(pipeline: Record<string, unknown>, file: string, type: { provider: string; action: string }): Promise<void> {
  const r = await pipelineCli(nagare.endpoint).fails('InvalidActionDeclarationException', 'codepipeline', 'create-pipeline', '--cli-input-json', await writeDefinition(file, pipeline));
  assert.match(r.stderr, new RegExp(
    `ActionType \\(Category: 'Deploy', Provider: '${type.provider}', Owner: 'AWS', Version: '1'\\) in action '${type.action}' is not available in region 'US_EAST_1'`,
  ));
  assert.match(r.stderr, /nagare does not run this action type yet/, 'the refusal says it is nagare, not the definition');
}

/** The same definition with `stageName`'s actions replaced (an unsupported deploy swapped for S3), created through the CLI. */
async function createSwapped(pipeline: Pipeline, file: string, stageName: string, actions: Record<string, unknown>[]): Promise<string> {
  const swapped = structuredClone(pipeline);
  swapped.stages.find((s) => s.name === stageName)!.actions = actions;
  const created = await pipelineCli(nagare.endpoint).json<{ pipeline: { version: number } }>('codepipeline', 'create-pipeline', '--cli-input-json', await writeDefinition(file, swapped));
  assert.equal(created.pipeline.version, 1);
  return newExecution(pipeline.name, []);
}

const s3Deploy = (name: string, input: string, bucket: string, objectKey?: string): Record<string, unknown> => ({
  name,
  actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
  configuration: { BucketName: bucket, Extract: 'true', ...(objectKey ? { ObjectKey: objectKey } : {}) },
  inputArtifacts: [{ name: input }],
});

async function succeeded(pipeline: string, id: string): Promise<void> {
  const status = await poll(`execution ${id} of ${pipeline} to end`, async () => {
    const s = (await executionOf(pipeline, id)).status;
    return ['Succeeded', 'Failed', 'Stopped', 'Superseded'].includes(s) ? s : undefined;
  });
  if (status !== 'Succeeded') {
    const state = await pipelineApi<{ stageStates: { stageName: string; actionStates: { actionName: string; latestExecution?: { status: string; errorDetails?: { message: string } } }[] }[] }>(
      nagare.endpoint, 'GetPipelineState', { name: pipeline });
    assert.fail(`${pipeline} ${id}: ${status}: ${JSON.stringify(state.stageStates.map((s) => s.actionStates.map((a) => [a.actionName, a.latestExecution?.status, a.latestExecution?.errorDetails?.message])))}`);
  }
}

interface Execution {
  status: string;
  trigger: { triggerType: string };
  artifactRevisions?: { name: string; revisionId: string }[];
}

async function executionOf(pipeline: string, id: string): Promise<Execution> {
  return (await pipelineApi<{ pipelineExecution: Execution }>(
    nagare.endpoint, 'GetPipelineExecution', { pipelineName: pipeline, pipelineExecutionId: id })).pipelineExecution;
}

async function getObject(bucket: string, key: string): Promise<string> {
  const res = await signedRequest(nagare.endpoint, { method: 'GET', path: `/${bucket}/${key}` }, { service: 's3' });
  assert.equal(res.status, 200, `s3://${bucket}/${key}: HTTP ${res.status} ${res.text}`);
  return res.text;
}

async function codebuild(operation: string, body: Record<string, unknown>): Promise<void> {
  const res = await jsonCall(nagare.endpoint, `CodeBuild_20161006.${operation}`, body, { service: 'codebuild' });
  if (res.status !== 200) throw new Error(`${operation}: ${errorType(res)}: ${errorMessageOf(res)}`);
}

/** The two project variables the stubs need (see the file comment). */
const stubVariables = (log: string) => [
  { name: 'PATH', value: `${stubs}:/usr/local/bin:/usr/bin:/bin`, type: 'PLAINTEXT' },
  { name: 'STUB_LOG', value: log, type: 'PLAINTEXT' },
];

/**
 * Polls `probe` every half second until it returns a value: four pipelines are watched at once on
 * a small machine, so this polls half as often as the harness's waitFor.
 */
async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(Date.now() < deadline, `${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function newExecution(pipeline: string, known: string[]): Promise<string> {
  return poll(`a new execution of ${pipeline}`, async () => {
    const list = await pipelineApi<{ pipelineExecutionSummaries: { pipelineExecutionId: string }[] }>(nagare.endpoint, 'ListPipelineExecutions', { pipelineName: pipeline });
    return list.pipelineExecutionSummaries.map((e) => e.pipelineExecutionId).find((id) => !known.includes(id));
  });
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-seeds-'));
  stubs = join(work, 'stubs');
  await mkdir(stubs);
  const stub = async (name: string, body: string) => {
    await writeFile(join(stubs, name), `#!/bin/sh\necho "${name} $*" >> "$STUB_LOG"\n${body}`);
    await chmod(join(stubs, name), 0o755);
  };
  await stub('docker', 'if [ "$1" = login ]; then read -r pw; echo "docker login password=$pw" >> "$STUB_LOG"; echo "Login Succeeded"; fi\n');
  await stub('pip', '');
  await stub('pytest', 'echo "1 passed"\n');
  await stub('aws', [
    'case "$1 $2" in',
    '  "ecr get-login-password") echo ecr-password-stub ;;',
    '  "codeartifact get-authorization-token") echo codeartifact-token-stub ;;',
    `  "codeartifact get-repository-endpoint") echo https://inventory-${ACCOUNT}.d.codeartifact.${REGION}.amazonaws.com/pypi/pypi-store/ ;;`,
    '  lambda\\ *) echo "{}" ;;',
    '  *) exec /usr/bin/aws "$@" ;;',
    'esac',
    '',
  ].join('\n'));
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('seeds 001–004: definitions as written, then end to end', { concurrency: true }, () => {
  it('seed 001 (Lambda, CloudFormation-described): CodeDeploy is refused; Source → Build → S3 runs its §6 buildspec', async () => {
    const ep = nagare.endpoint;
    const text = seedText('001');
    // The seed has no template, only property tables (§5) and diagrams (§3.2). Rebuilt from them:
    // §5.3 stages "Source, Build, Deploy"; §5.2 project `${ProjectName}-build` (CODEPIPELINE,
    // BuildSpec 'buildspec.yml', standard:4.0); §5.4/5.5 CodeDeploy app and group; §3.2 action and
    // artifact names. §1 lists CodeCommit as the source (§3.2/§9 say GitHub). §3.2's extra
    // CheckLambdaFunction / CreateAppSpecFile actions have no provider anywhere in the text and
    // §5.3 does not list them: left out.
    assert.match(text, /\| Stages \| パイプラインのステージ定義 \| Source, Build, Deploy \|/);
    assert.match(text, /Type: CODEPIPELINE, BuildSpec: 'buildspec\.yml'/);
    const image = pick(text, /Image: '(aws\/codebuild\/[^']+)'/);
    for (const name of ['SourceAction', 'BuildAction', 'DeployAction', 'SourceOutput', 'BuildOutput']) assert.ok(text.includes(name), name);
    const projectName = 'inventory-allocation'; // ${ProjectName} (§9: 在庫配分システム)
    const sub = (template: string) => template.replace('${ProjectName}', projectName);
    const buildProject = sub(pick(text, /CodeBuildプロジェクト名 \| `([^`]+)`/));
    const pipelineName = sub(pick(text, /CodePipelineの名前 \| `([^`]+)`/));
    const bucket = sub(pick(text, /BucketName \| バケット名 \| `([^`]+)`/));
    const release = `${projectName}-release`;
    const pipeline: Pipeline = {
      name: pipelineName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${projectName}-CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: bucket },
      stages: [
        { name: 'Source', actions: [{ name: 'SourceAction', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
          configuration: { RepositoryName: projectName, BranchName: 'main', PollForSourceChanges: 'false' }, outputArtifacts: [{ name: 'SourceOutput' }] }] },
        { name: 'Build', actions: [{ name: 'BuildAction', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
          configuration: { ProjectName: buildProject }, inputArtifacts: [{ name: 'SourceOutput' }], outputArtifacts: [{ name: 'BuildOutput' }] }] },
        { name: 'Deploy', actions: [{ name: 'DeployAction', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', version: '1' },
          configuration: { ApplicationName: sub(pick(text, /CodeDeployアプリケーションの名前 \| `([^`]+)`/)), DeploymentGroupName: sub(pick(text, /CodeDeployデプロイメントグループの名前 \| `([^`]+)`/)) },
          inputArtifacts: [{ name: 'BuildOutput' }] }] },
      ],
    };
    await refusedAsWritten(pipeline, '001-as-written.json', { provider: 'CodeDeploy', action: 'DeployAction' });

    // §6 describes the buildspec step by step; the commands it quotes are used verbatim, the ones it
    // only names (codeartifact, lambda) get plausible arguments, and the appspec.yml of §6.2.4 is
    // written by a multi-line command.
    const section6 = between(text, '## 6. BuildSpec.ymlの詳細説明', '## 7.');
    const quoted = ['pip install awscli', 'aws codeartifact get-authorization-token', 'aws codeartifact get-repository-endpoint', 'pip install -r ./configuration/requirements.txt --quiet',
      'pytest Backend/tests/UT_src', 'ls Backend', 'ls Backend/src', 'ls configuration', 'zip -r ${ProjectName}.zip ./Backend/src', 'aws lambda update-function-code',
      'aws lambda update-function-configuration'];
    for (const c of quoted) assert.ok(section6.includes(`\`${c}\``), `§6 no longer quotes ${c}`);
    assert.match(section6, /Python 3\.8/);
    const buildspec = [
      'version: 0.2',
      'phases:',
      '  install:',
      '    runtime-versions:',
      '      python: 3.8',
      '    commands:',
      '      - pip install awscli',
      `      - export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain inventory --domain-owner ${ACCOUNT} --query authorizationToken --output text)`,
      `      - export CODEARTIFACT_REPOSITORY_URL=$(aws codeartifact get-repository-endpoint --domain inventory --domain-owner ${ACCOUNT} --repository pypi-store --format pypi --query repositoryEndpoint --output text)`,
      '      - pip install -r ./configuration/requirements.txt --quiet',
      '  pre_build:',
      '    commands:',
      '      - echo "Starting Unit tests..."',
      '      - pytest Backend/tests/UT_src',
      '      - echo "Unit tests Completed..."',
      '  build:',
      '    commands:',
      '      - ls Backend',
      '      - ls Backend/src',
      '      - ls configuration',
      '      - zip -r ${ProjectName}.zip ./Backend/src',
      '  post_build:',
      '    commands:',
      '      - aws lambda update-function-code --function-name ${ProjectName} --zip-file fileb://${ProjectName}.zip',
      '      - aws lambda update-function-configuration --function-name ${ProjectName} --environment "Variables={PIP_INDEX_URL=$CODEARTIFACT_REPOSITORY_URL}"',
      '      - |',
      '        cat > appspec.yml <<EOF',
      '        version: 0.0',
      '        Resources:',
      '          - ${ProjectName}:',
      '              Type: AWS::Lambda::Function',
      '              Properties:',
      '                Name: ${ProjectName}',
      '                Alias: live',
      '        EOF',
      'artifacts:',
      '  files:',
      '    - appspec.yml',
      "    - '*.zip'",
      '',
    ].join('\n');
    const parsed = checkedBuildspec(buildspec, 'seed-001/buildspec.yml').buildspec!;
    assert.deepEqual(parsed.phases.map((p) => p.name), ['install', 'pre_build', 'build', 'post_build']);

    const src = join(work, '001');
    await Promise.all([createBucket(ep, bucket), createBucket(ep, release), createRepository(ep, projectName, src, work)]);
    const log = join(work, '001-stubs.log');
    // §5.2 as CloudFormation would create it; ProjectName is what the buildspec reads (the seed's
    // template is not shown: an environment variable is the plausible source).
    await codebuild('CreateProject', {
      name: buildProject,
      description: `Build project for ${projectName}`,
      source: { type: 'CODEPIPELINE', buildspec: 'buildspec.yml' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: 'LINUX_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL', image, environmentVariables: [{ name: 'ProjectName', value: projectName }, ...stubVariables(log)] },
      serviceRole: `${projectName}-CodeBuildServiceRole`,
    });
    // §4.1 puts buildspec.yml under configuration/, but §5.2 points the project at the root's
    // (on AWS too a build only finds it there).
    const commit = await pushFiles(ep, src, work, projectName, 'main', {
      'buildspec.yml': buildspec,
      'Backend/src/lambda_functions/handler.py': 'def handler(event, context):\n    return {"allocated": 1}\n',
      'Backend/tests/UT_src/test_handler.py': 'def test_handler():\n    assert True\n',
      'configuration/requirements.txt': 'boto3\npytest\n',
    }, 'lambda function');

    // CodeDeploy swapped for an S3 deploy of the same BuildOutput.
    const id = await createSwapped(pipeline, '001-s3.json', 'Deploy', [s3Deploy('DeployAction', 'BuildOutput', release, 'release')]);
    await succeeded(pipelineName, id);
    assert.deepEqual((await executionOf(pipelineName, id)).artifactRevisions?.map((r) => [r.name, r.revisionId]), [['SourceOutput', commit]]);
    const appspec = await getObject(release, 'release/appspec.yml');
    assert.match(appspec, new RegExp(`^version: 0\\.0\\nResources:\\n  - ${projectName}:\\n      Type: AWS::Lambda::Function\\n`));
    assert.ok((await getObject(release, `release/${projectName}.zip`)).startsWith('PK'));
    const calls = (await readFile(log, 'utf8')).split('\n');
    for (const c of ['pip install -r ./configuration/requirements.txt --quiet', 'pytest Backend/tests/UT_src',
      `aws lambda update-function-code --function-name ${projectName} --zip-file fileb://${projectName}.zip`,
      `aws lambda update-function-configuration --function-name ${projectName} --environment Variables={PIP_INDEX_URL=https://inventory-${ACCOUNT}.d.codeartifact.${REGION}.amazonaws.com/pypi/pypi-store/}`]) {
      assert.ok(calls.includes(c), `${c} not in\n${calls.join('\n')}`);
    }
  });

  it('seed 002 (console steps, ECS): ECS is refused; its buildspec builds and pushes, the push after creation starts the pipeline again', async () => {
    const ep = nagare.endpoint;
    const text = seedText('002');
    const rawBuildspec = blockAfter(text, '[buildspec.yml]ファイルを下記のように作成する');
    checkedBuildspec(rawBuildspec, 'seed-002/buildspec.yml (as written)');
    // The placeholders of step 25, filled with step 7's repository.
    const ecrRepo = pick(text, /今回は「([^」]+)」を使用する/);
    const filledParts = [['[リポジトリURLのリポジトリ名を排除した文字列]', ECR_HOST], ['[リポジトリURI]', `${ECR_HOST}/${ecrRepo}`]] as const;
    let buildspec = rawBuildspec;
    for (const [placeholder, value] of filledParts) {
      assert.ok(buildspec.includes(placeholder), placeholder);
      buildspec = buildspec.replaceAll(placeholder, value);
    }
    const parsed = checkedBuildspec(buildspec, 'seed-002/buildspec.yml').buildspec!;
    // `files: imagedefinitions.json` (a string, not a list) is AWS's own ECS tutorial form.
    assert.deepEqual(parsed.artifacts?.files, ['imagedefinitions.json']);

    // Steps 28–46 click the pipeline together in the console; this is the declaration the console
    // makes of them (V2, CodeCommit with "Amazon CloudWatch Events" detection, ECS deploy).
    const pipelineName = pick(text, /\[パイプライン名\]は「([^」]+)」/);
    const repo = pick(text, /\[リポジトリ名\]は「([^」]+)」/);
    const branch = pick(text, /\[ブランチ名\]は「([^」]+)」/);
    const project = pick(text, /\[プロジェクト名\]を「([^」]+)」/);
    const image = pick(text, /\[イメージ\]は「([^」]+)」/);
    const cluster = pick(text, /\[クラスター名\]から「([^」]+)」/);
    const service = pick(text, /\[サービス名\]から「([^」]+)」/);
    assert.match(text, /\[検出オプション\]は「Amazon CloudWatch Events \(推奨\)」/);
    const artifactBucket = `codepipeline-${REGION}-123456789012`;
    const pipeline: Pipeline = {
      name: pipelineName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole-${REGION}-${pipelineName}`,
      artifactStore: { type: 'S3', location: artifactBucket },
      stages: [
        { name: 'Source', actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' }, runOrder: 1,
          configuration: { BranchName: branch, OutputArtifactFormat: 'CODE_ZIP', PollForSourceChanges: 'false', RepositoryName: repo },
          outputArtifacts: [{ name: 'SourceArtifact' }], inputArtifacts: [], region: REGION, namespace: 'SourceVariables' }] },
        { name: 'Build', actions: [{ name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, runOrder: 1,
          configuration: { ProjectName: project }, outputArtifacts: [{ name: 'BuildArtifact' }], inputArtifacts: [{ name: 'SourceArtifact' }], region: REGION, namespace: 'BuildVariables' }] },
        { name: 'Deploy', actions: [{ name: 'Deploy', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' }, runOrder: 1,
          configuration: { ClusterName: cluster, ServiceName: service }, outputArtifacts: [], inputArtifacts: [{ name: 'BuildArtifact' }], region: REGION, namespace: 'DeployVariables' }] },
      ],
      version: 1,
      executionMode: 'SUPERSEDED',
      pipelineType: 'V2',
    };
    await refusedAsWritten(pipeline, '002-as-written.json', { provider: 'ECS', action: 'Deploy' });

    const release = 'docker-cicd-release';
    const src = join(work, '002');
    await Promise.all([createBucket(ep, artifactBucket), createBucket(ep, release), createRepository(ep, repo, src, work, branch)]);
    const log = join(work, '002-stubs.log');
    // Steps 37–40: managed aarch64 image (ARM_CONTAINER), privileged, buildspec file, CloudWatch Logs off.
    await codebuild('CreateProject', {
      name: project,
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: 'ARM_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL', image, privilegedMode: true, environmentVariables: stubVariables(log) },
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/service-role/codebuild-${project}-service-role`,
      logsConfig: { cloudWatchLogs: { status: 'DISABLED' } },
    });
    // Steps 24–27: app, buildspec and Dockerfile pushed before the pipeline exists.
    const first = await pushFiles(ep, src, work, repo, branch, {
      'buildspec.yml': buildspec,
      Dockerfile: 'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n',
      'index.html': '<h1>docker-cicd</h1>\n',
    }, 'sample app');

    const id = await createSwapped(pipeline, '002-s3.json', 'Deploy', [s3Deploy('Deploy', 'BuildArtifact', release)]);
    await succeeded(pipelineName, id);
    const imageUri = `${ECR_HOST}/${ecrRepo}`;
    assert.equal(await getObject(release, 'imagedefinitions.json'), `[{"name":"next-container-task","imageUri":"${imageUri}:latest"}]`);
    // `aws … | docker login …` runs both stubs at once: their lines may come in either order.
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    const tag = first.slice(0, 7);
    assert.deepEqual(calls.slice(0, 3).sort(), [
      `aws ecr get-login-password --region ${REGION}`,
      `docker login --username AWS --password-stdin ${ECR_HOST}`,
      'docker login password=ecr-password-stub',
    ]);
    assert.deepEqual(calls.slice(3), [
      `docker build -t ${imageUri}:latest .`,
      `docker tag ${imageUri}:latest ${imageUri}:${tag}`,
      `docker push ${imageUri}:latest`,
      `docker push ${imageUri}:${tag}`,
    ]);

    // Step 34's detection: the next push starts the pipeline on that commit (EventBridge trigger).
    const second = await pushFiles(ep, src, work, repo, branch, { 'index.html': '<h1>docker-cicd v2</h1>\n' }, 'v2');
    const run2 = await newExecution(pipelineName, [id]);
    await succeeded(pipelineName, run2);
    const e2 = await executionOf(pipelineName, run2);
    assert.equal(e2.trigger.triggerType, 'CloudWatchEvent');
    assert.deepEqual(e2.artifactRevisions?.map((r) => [r.name, r.revisionId]), [['SourceArtifact', second]]);
    assert.ok((await readFile(log, 'utf8')).includes(`docker push ${imageUri}:${second.slice(0, 7)}`));
  });

  it('seed 003 (Terraform, GitHub v1 + webhook, ECS): ECS is refused; the webhook, not the push, starts the pipeline', async () => {
    const ep = nagare.endpoint;
    const text = seedText('003');
    const listing = (n: string) => parseHcl(blockAfter(text, `リスト${n}:`));
    // List 14.6 (buildspec.yml) is announced but its code block is missing from the seed; the
    // buildspec below is rebuilt from §14.3.3's description of its four phases and from list 14.11.
    assert.doesNotMatch(between(text, 'リスト14.6: buildspec.ymlの定義', '## 14.4'), /```/);
    const imageDefinitions = JSON.parse(blockAfter(text, 'リスト14.11: imagedefinitions.jsonの中身')) as { name: string; imageUri: string }[];
    const container = imageDefinitions[0]!.name;
    const githubToken = pick(text, /\$GITHUB_TOKEN="([^"]+)"/);
    const bucket = hclString(resource(listing('14.9'), 'aws_s3_bucket', 'artifact').attrs.bucket, {});
    const secret = randomBytes(Number(resource(listing('14.12'), 'random_id', 'sample').attrs.byte_length)).toString('hex');
    const projectHcl = resource(listing('14.5'), 'aws_codebuild_project', 'example');
    const projectName = hclString(projectHcl.attrs.name, {});
    const refs: Record<string, string> = {
      'module.codepipeline_role.iam_role_arn': `arn:aws:iam::${ACCOUNT}:role/codepipeline`,
      'module.codebuild_role.iam_role_arn': `arn:aws:iam::${ACCOUNT}:role/codebuild`,
      // The provider's id of an aws_codebuild_project it created is the project's ARN.
      'aws_codebuild_project.example.id': `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/${projectName}`,
      'module.ecs.aws_ecs_cluster_name': 'example',
      'module.ecs.aws_ecs_service_name': 'example',
      'aws_s3_bucket.artifact.id': bucket,
      'aws_codepipeline.example.name': 'example',
      'random_id.sample.hex': secret,
    };
    const pipeline = terraformPipeline(resource(listing('14.10'), 'aws_codepipeline', 'example'), refs) as Pipeline;
    const source = pipeline.stages[0]!.actions[0]! as { configuration: Record<string, string> };
    // The listing has no OAuthToken: the AWS provider before 3.0 added $GITHUB_TOKEN (§14.4.3) to a
    // GitHub action's configuration by itself. A newer provider sends it without one, which both
    // AWS and nagare refuse.
    const noToken = await jsonCall(ep, 'CodePipeline_20150709.CreatePipeline', { pipeline });
    assert.equal(errorType(noToken), 'InvalidActionDeclarationException');
    assert.match(errorMessageOf(noToken), /Action configuration for action 'Source' is missing required configuration 'OAuthToken'/);
    source.configuration.OAuthToken = githubToken;
    await refusedAsWritten(pipeline, '003-as-written.json', { provider: 'ECS', action: 'Deploy' });

    const release = 'pragmatic-terraform-release';
    const repo = source.configuration.Repo!;
    const branch = source.configuration.Branch!;
    const src = join(work, '003');
    await Promise.all([createBucket(ep, bucket), createBucket(ep, release), createRepository(ep, repo, src, work, branch)]);
    const log = join(work, '003-stubs.log');
    const env = projectHcl.blocks.find((b) => b.type === 'environment')!.attrs;
    await codebuild('CreateProject', {
      name: projectName,
      serviceRole: hclString(projectHcl.attrs.service_role, refs),
      source: { type: hclString(projectHcl.blocks.find((b) => b.type === 'source')!.attrs.type, {}) },
      artifacts: { type: hclString(projectHcl.blocks.find((b) => b.type === 'artifacts')!.attrs.type, {}) },
      environment: { type: hclString(env.type, {}), computeType: hclString(env.compute_type, {}), image: hclString(env.image, {}), privilegedMode: env.privileged_mode === true,
        environmentVariables: stubVariables(log) },
    });
    const imageUri = `${ECR_HOST}/${projectName}:latest`;
    const buildspec = [
      'version: 0.2',
      'phases:',
      '  install:',
      '    runtime-versions:',
      '      docker: 18',
      '  pre_build:',
      '    commands:',
      `      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin ${ECR_HOST}`,
      `      - IMAGE=${imageUri}`,
      '  build:',
      '    commands:',
      '      - docker build -t $IMAGE .',
      '      - docker push $IMAGE',
      '  post_build:',
      '    commands:',
      `      - printf '[{"name":"${container}","imageUri":"%s"}]' $IMAGE > imagedefinitions.json`,
      'artifacts:',
      '  files: imagedefinitions.json',
      '',
    ].join('\n');
    assert.deepEqual(checkedBuildspec(buildspec, 'seed-003/buildspec.yml').buildspec!.phases[0]!.runtimeVersions, { docker: '18' });
    const first = await pushFiles(ep, src, work, repo, branch, { 'buildspec.yml': buildspec, Dockerfile: 'FROM nginx:latest\n' }, 'example app');

    // ECS swapped for an S3 deploy of the Build artifact; ProjectName stays the project's ARN, as
    // the provider sends it.
    const runnable = structuredClone(pipeline);
    assert.equal((runnable.stages[1]!.actions[0]! as { configuration: Record<string, string> }).configuration.ProjectName, refs['aws_codebuild_project.example.id']);
    const id = await createSwapped(runnable, '003-s3.json', 'Deploy', [s3Deploy('Deploy', 'Build', release)]);
    await succeeded('example', id);
    assert.deepEqual(JSON.parse(await getObject(release, 'imagedefinitions.json')), [{ name: container, imageUri }]);
    assert.deepEqual((await executionOf('example', id)).artifactRevisions?.map((r) => [r.name, r.revisionId]), [['Source', first]]);

    // List 14.12: the CodePipeline webhook, as the provider's PutWebhook.
    const hook = resource(listing('14.12'), 'aws_codepipeline_webhook', 'example');
    const filter = hook.blocks.find((b) => b.type === 'filter')!.attrs;
    const webhook = {
      name: hclString(hook.attrs.name, refs),
      targetPipeline: hclString(hook.attrs.target_pipeline, refs),
      targetAction: hclString(hook.attrs.target_action, refs),
      authentication: hclString(hook.attrs.authentication, refs),
      authenticationConfiguration: { SecretToken: hclString(hook.blocks.find((b) => b.type === 'authentication_configuration')!.attrs.secret_token, refs) },
      filters: [{ jsonPath: hclString(filter.json_path, refs), matchEquals: hclString(filter.match_equals, refs) }],
    };
    const webhookFile = join(work, '003-webhook.json');
    await writeFile(webhookFile, JSON.stringify({ webhook }));
    const { url } = (await pipelineCli(ep).json<{ webhook: { url: string } }>('codepipeline', 'put-webhook', '--cli-input-json', `file://${webhookFile}`)).webhook;

    // PollForSourceChanges = false: a push alone starts nothing; GitHub's delivery (list 14.14:
    // push events, JSON, the same secret) does, and only for the master branch (the filter).
    const second = await pushFiles(ep, src, work, repo, branch, { 'index.html': 'v2\n' }, 'v2');
    const deliver = async (ref: string) => {
      const body = JSON.stringify({ ref, after: second, repository: { name: repo, full_name: `${source.configuration.Owner}/${repo}` } });
      const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` } });
      return { status: res.status, body: (await res.json()) as { message: string; pipelineExecutionId?: string } };
    };
    const other = await deliver('refs/heads/feature');
    assert.equal(other.status, 200);
    assert.match(other.body.message, /^Ignored/);
    const list = await pipelineApi<{ pipelineExecutionSummaries: unknown[] }>(ep, 'ListPipelineExecutions', { pipelineName: 'example' });
    assert.equal(list.pipelineExecutionSummaries.length, 1, 'the push must not start the pipeline');
    const started = await deliver(`refs/heads/${branch}`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const run2 = started.body.pipelineExecutionId!;
    await succeeded('example', run2);
    const e2 = await executionOf('example', run2);
    assert.equal(e2.trigger.triggerType, 'Webhook');
    assert.deepEqual(e2.artifactRevisions?.map((r) => [r.name, r.revisionId]), [['Source', second]]);
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    assert.deepEqual(calls.filter((c) => c.startsWith('docker push')), [`docker push ${imageUri}`, `docker push ${imageUri}`]);
    const all = await pipelineApi<{ pipelineExecutionSummaries: { pipelineExecutionId: string }[] }>(ep, 'ListPipelineExecutions', { pipelineName: 'example' });
    assert.deepEqual(all.pipelineExecutionSummaries.map((e) => e.pipelineExecutionId).sort(), [id, run2].sort(), 'only the creation and the webhook started the pipeline');
  });

  it('seed 004 (two CodeCommit sources, CodeDeployToECS): blue/green is refused; both sources reach the build and the deploy', async () => {
    const ep = nagare.endpoint;
    const text = seedText('004');
    // The seed only describes its pipeline (§CodePipeline: Source/Build/Deploy); rebuilt from the
    // names it gives: artifacts `app`, `settings`, `images`; the deploy reads appspec.yaml and
    // taskdef.json from `settings` and puts the image of `images` into IMAGE1_NAME.
    const artifacts = [...text.matchAll(/`(\w+)`という名前のアーティファクト/g)].map((m) => m[1]!);
    assert.deepEqual(artifacts, ['app', 'settings', 'images']);
    const [app, settings, images] = artifacts as [string, string, string];
    const appspec = pick(text, /`settings`に格納された`([^`]+)`を`AppSpecTemplatePath`/);
    const taskdef = pick(text, /`settings`に格納された`([^`]+)`を`TaskDefinitionTemplatePath`/);
    const placeholder = pick(text, /`taskdef\.json`内の`(\w+)`を置換/);
    const ecrImage = `${ECR_HOST}/pj-name-app-name`; // <ECRホスト名>/<PJ-NAME-APP-NAME>
    assert.ok(text.includes('<ECRホスト名>/<PJ-NAME-APP-NAME>:latest'));
    const pipelineName = 'pj-name-app-pipeline';
    const bucket = 'pj-name-pipeline-artifacts';
    const codeCommit = (name: string, repository: string, output: string) => ({
      name, actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
      configuration: { RepositoryName: repository, BranchName: 'main', PollForSourceChanges: 'false' }, outputArtifacts: [{ name: output }],
    });
    const pipeline: Pipeline = {
      name: pipelineName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/pj-name-codepipeline`,
      artifactStore: { type: 'S3', location: bucket },
      stages: [
        { name: 'Source', actions: [codeCommit('App', 'pj-name-app', app), codeCommit('Settings', 'pj-name-ecs-settings', settings)] },
        { name: 'Build', actions: [{ name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
          configuration: { ProjectName: 'pj-name-app-build' }, inputArtifacts: [{ name: app }], outputArtifacts: [{ name: images }] }] },
        { name: 'Deploy', actions: [{ name: 'Deploy', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
          configuration: {
            ApplicationName: 'pj-name-app', DeploymentGroupName: 'pj-name-app-dg',
            AppSpecTemplateArtifact: settings, AppSpecTemplatePath: appspec,
            TaskDefinitionTemplateArtifact: settings, TaskDefinitionTemplatePath: taskdef,
            Image1ArtifactName: images, Image1ContainerName: placeholder,
          },
          inputArtifacts: [{ name: settings }, { name: images }] }] },
      ],
    };
    await refusedAsWritten(pipeline, '004-as-written.json', { provider: 'CodeDeployToECS', action: 'Deploy' });

    // §Buildステージ: log in to ECR, build the root Dockerfile, push <ECR>/<app>:latest, keep the
    // image URI as the `images` artifact (imageDetail.json, what CodeDeployToECS reads).
    const buildspec = [
      'version: 0.2',
      'phases:',
      '  pre_build:',
      '    commands:',
      `      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin ${ECR_HOST}`,
      '  build:',
      '    commands:',
      `      - docker build -t ${ecrImage}:latest .`,
      `      - docker push ${ecrImage}:latest`,
      `      - printf '{"ImageURI":"%s"}' ${ecrImage}:latest > imageDetail.json`,
      'artifacts:',
      '  files:',
      '    - imageDetail.json',
      '',
    ].join('\n');
    checkedBuildspec(buildspec, 'seed-004/buildspec.yml');
    const release = 'pj-name-release';
    const appDir = join(work, '004-app');
    const settingsDir = join(work, '004-settings');
    await Promise.all([createBucket(ep, bucket), createBucket(ep, release), createRepository(ep, 'pj-name-app', appDir, work), createRepository(ep, 'pj-name-ecs-settings', settingsDir, work)]);
    const log = join(work, '004-stubs.log');
    await codebuild('CreateProject', {
      name: 'pj-name-app-build',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: 'LINUX_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL', image: 'aws/codebuild/standard:7.0', privilegedMode: true, environmentVariables: stubVariables(log) },
      serviceRole: 'pj-name-codebuild',
    });
    const appCommit = await pushFiles(ep, appDir, work, 'pj-name-app', 'main', { 'buildspec.yml': buildspec, Dockerfile: 'FROM nginx:latest\n' }, 'app');
    const taskdefJson = JSON.stringify({ family: 'pj-name-app', containerDefinitions: [{ name: 'app', image: `<${placeholder}>`, essential: true }] }, null, 2);
    const appspecYaml = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n';
    const settingsCommit = await pushFiles(ep, settingsDir, work, 'pj-name-ecs-settings', 'main', { [appspec]: appspecYaml, [taskdef]: taskdefJson }, 'settings');

    // CodeDeployToECS swapped for two S3 deploys, one per artifact it would read.
    const id = await createSwapped(pipeline, '004-s3.json', 'Deploy', [s3Deploy('DeploySettings', settings, release, settings), s3Deploy('DeployImages', images, release, images)]);
    await succeeded(pipelineName, id);
    assert.deepEqual((await executionOf(pipelineName, id)).artifactRevisions?.map((r) => [r.name, r.revisionId]).sort(), [[app, appCommit], [settings, settingsCommit]]);
    assert.equal(await getObject(release, `${images}/imageDetail.json`), `{"ImageURI":"${ecrImage}:latest"}`);
    assert.equal(await getObject(release, `${settings}/${taskdef}`), taskdefJson);
    assert.equal(await getObject(release, `${settings}/${appspec}`), appspecYaml);

    // "対象のレポジトリにCodePipelineが自動で変更検知": a change to the settings repository alone
    // starts the pipeline, and every source action runs (the app at its current commit).
    const settings2 = await pushFiles(ep, settingsDir, work, 'pj-name-ecs-settings', 'main', { [taskdef]: taskdefJson.replace('"essential": true', '"essential": false') }, 'settings v2');
    const run2 = await newExecution(pipelineName, [id]);
    await succeeded(pipelineName, run2);
    assert.deepEqual((await executionOf(pipelineName, run2)).artifactRevisions?.map((r) => [r.name, r.revisionId]).sort(), [[app, appCommit], [settings, settings2]]);
    assert.match(await getObject(release, `${settings}/${taskdef}`), /"essential": false/);
  });
});
