import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PipelineState } from '../../src/cli/pipeline-types.js';
import { E, T0, TOKEN, approvalPending, failed, running, succeeded } from '../../src/cli/pipeline-watch-fixtures.js';

// `nagare pipeline watch` as a real child process (the compiled CLI next to this compiled test)
// against canned CodePipeline JSON 1.1 answers from a local HTTP server: non-TTY lines, exit
// codes, and requests signed with SigV4 for service `codepipeline`.
const CLI = fileURLToPath(new URL('../../src/bin/nagare.js', import.meta.url));
const KEY = { accessKeyId: 'AKIDWATCHTEST', secretAccessKey: 'watch/secret+key' };
const REGION = 'eu-west-1';

interface Step {
  status: string;
  statusSummary?: string;
  state: PipelineState;
}

/** What the fake server answers for pipeline `demo`. Other names: PipelineNotFoundException. */
interface Script {
  executions: Array<{ pipelineExecutionId: string; status: string; startTime: number }>;
  /** The n-th GetPipelineExecution answers steps[n] (the last one repeats); GetPipelineState answers the state of the latest step asked. */
  steps: Step[];
}

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let endpoint = '';
let script: Script = { executions: [], steps: [] };
let seen: Seen[] = [];
let executionCalls = 0;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const answer = (status: number, json: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': '0c8d6a3e-0000-4000-8000-000000000000' });
        res.end(JSON.stringify(json));
      };
      const name = input.name ?? input.pipelineName;
      if (name !== 'demo') return answer(400, { __type: 'PipelineNotFoundException', message: `Account '000000000000' does not have a pipeline with name '${String(name)}'` });
      const at = (n: number): Step => script.steps[Math.min(Math.max(n, 0), script.steps.length - 1)]!;
      switch (target) {
        case 'CodePipeline_20150709.ListPipelineExecutions':
          return answer(200, { pipelineExecutionSummaries: script.executions });
        case 'CodePipeline_20150709.GetPipelineExecution': {
          const step = at(executionCalls++);
          return answer(200, { pipelineExecution: { pipelineName: 'demo', pipelineVersion: 1, pipelineExecutionId: input.pipelineExecutionId, status: step.status, ...(step.statusSummary ? { statusSummary: step.statusSummary } : {}) } });
        }
        case 'CodePipeline_20150709.GetPipelineState':
          return answer(200, { ...at(executionCalls - 1).state, created: T0 - 3600, updated: T0 - 3600 });
        default:
          return answer(400, { __type: 'UnknownOperationException', message: `unexpected ${target}` });
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => new Promise<void>((ok) => server.close(() => ok())));

function use(next: Script): void {
  script = next;
  seen = [];
  executionCalls = 0;
}

/** Runs the CLI to completion (or until `onOutput` kills it); stdout, stderr and the exit code. */
function watch(args: string[], onOutput?: (out: string, kill: () => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey };
  const child = spawn(process.execPath, [CLI, 'pipeline', 'watch', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onOutput?.(stdout, () => child.kill('SIGINT'));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    }),
  );
}

const common = (): string[] => ['--endpoint-url', endpoint, '--region', REGION, '--interval-ms', '100', '--lang', 'en'];
const inProgress = [{ pipelineExecutionId: E, status: 'InProgress', startTime: T0 }];

test('InProgress → waiting for approval → Succeeded: one line per change, the approve command, exit 0', async () => {
  use({
    executions: inProgress,
    steps: [
      { status: 'InProgress', state: running },
      { status: 'InProgress', state: running },
      { status: 'InProgress', state: approvalPending },
      { status: 'InProgress', state: approvalPending },
      { status: 'Succeeded', state: succeeded },
    ],
  });
  const r = await watch(['demo', ...common()]);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, -1), [
    `following execution ${E} of pipeline demo (InProgress)`,
    'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage',
    'stage Source: Succeeded',
    'stage Build: InProgress',
    'action Build/Compile: InProgress [demo-build:0f1e2d3c]',
    'action Build/Compile: Succeeded (1m00s) [demo-build:0f1e2d3c]',
    'stage Build: Succeeded',
    'stage Deploy: InProgress',
    `action Deploy/Approve: waiting for approval; approve with: aws codepipeline put-approval-result --pipeline-name demo --stage-name Deploy --action-name Approve --result summary=Approved,status=Approved --token ${TOKEN} --endpoint-url ${endpoint} --region ${REGION}`,
    'action Deploy/Approve: Succeeded (14s) — looks good',
    'action Deploy/Ship: Succeeded',
    'stage Deploy: Succeeded',
  ]);
  assert.match(lines.at(-1)!, new RegExp(`^execution ${E} of demo: Succeeded after \\S+$`));
  assert.ok(!r.stdout.includes('\x1b'), 'no escape sequences when stdout is not a terminal');
});

test('every request is SigV4-signed for codepipeline in the region, with the CodePipeline target', async () => {
  use({ executions: inProgress, steps: [{ status: 'Succeeded', state: succeeded }] });
  const r = await watch(['demo', ...common()]);
  assert.equal(r.code, 0);
  const targets = seen.map((s) => s.headers['x-amz-target']);
  assert.deepEqual(targets, ['CodePipeline_20150709.GetPipelineState', 'CodePipeline_20150709.ListPipelineExecutions', 'CodePipeline_20150709.GetPipelineExecution', 'CodePipeline_20150709.GetPipelineState']);
  assert.deepEqual(JSON.parse(seen[0]!.body), { name: 'demo' });
  assert.deepEqual(JSON.parse(seen[2]!.body), { pipelineName: 'demo', pipelineExecutionId: E });
  const signer = new SignatureV4({ service: 'codepipeline', region: REGION, credentials: KEY, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  const url = new URL(endpoint);
  for (const s of seen) {
    const auth = String(s.headers.authorization);
    const date = String(s.headers['x-amz-date']);
    assert.match(auth, new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/${date.slice(0, 8)}/${REGION}/codepipeline/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$`));
    assert.equal(s.headers['content-type'], 'application/x-amz-json-1.1');
    // The signature itself, recomputed by the AWS SDK's signer from what arrived.
    const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
    const expected = await signer.sign(
      {
        method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', query: {}, body: s.body,
        headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': String(s.headers['x-amz-target']) },
      },
      { signingDate },
    );
    assert.equal(auth, expected.headers.authorization);
  }
});

test('a failed execution: exit 1, the error on its action line and the summary on the result line', async () => {
  use({ executions: inProgress, steps: [{ status: 'InProgress', state: running }, { status: 'Failed', statusSummary: 'Build failed', state: failed }] });
  const r = await watch(['demo', ...common()]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.includes('action Build/Compile: Failed (42s) [demo-build:0f1e2d3c] — JobFailed: Build terminated with state: FAILED'), r.stdout);
  assert.ok(lines.includes('stage Build: Failed'), r.stdout);
  assert.ok(!lines.some((l) => l.startsWith('stage Deploy')), r.stdout);
  assert.match(lines.at(-1)!, new RegExp(`^execution ${E} of demo: Failed after \\S+ — Build failed$`));
});

test('an unknown pipeline: exit 3 and a message naming it', async () => {
  use({ executions: [], steps: [{ status: 'InProgress', state: running }] });
  const r = await watch(['nope', ...common()]);
  assert.equal(r.code, 3);
  assert.equal(r.stderr, `pipeline 'nope' does not exist at ${endpoint} (region ${REGION}).\n`);
  assert.equal(r.stdout, '');
});

test('nagare not running: exit 3 and a hint to start it', async () => {
  const closed = createServer();
  await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((ok) => closed.close(() => ok()));
  const r = await watch(['demo', '--endpoint-url', `http://127.0.0.1:${port}`, '--lang', 'en']);
  assert.equal(r.code, 3);
  assert.equal(r.stderr, `cannot reach nagare at http://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}) — is \`nagare up\` running?\n`);
});

test('nothing running: it says it waits; Ctrl+C stops watching with 130 and never touches the pipeline', async () => {
  use({ executions: [{ pipelineExecutionId: E, status: 'Succeeded', startTime: T0 }], steps: [{ status: 'Succeeded', state: succeeded }] });
  let sent = false;
  const r = await watch(['demo', ...common()], (out, kill) => {
    if (!sent && out.includes('waiting for the next execution of demo to start')) {
      sent = true;
      kill();
    }
  });
  assert.equal(r.code, 130);
  assert.equal(r.stdout, 'waiting for the next execution of demo to start… (Ctrl+C to stop watching)\n');
  assert.equal(r.stderr, 'stopped watching; the pipeline was not changed.\n');
  const targets = new Set(seen.map((s) => s.headers['x-amz-target']));
  assert.deepEqual([...targets].sort(), ['CodePipeline_20150709.GetPipelineState', 'CodePipeline_20150709.ListPipelineExecutions']);
});

test('usage errors exit 3 (2 means Stopped)', async () => {
  const r = await watch(['demo', '--interval-ms', '5']);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /--interval-ms expects an integer/);
});
