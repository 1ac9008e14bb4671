import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/index.js';
import type { BuildspecEnv } from '../buildspec/index.js';
import { codebuildEnvironment } from './build-env.js';
import { composeEnvironment, exportableNames, secretLookups } from './compose-env.js';
import type { EnvSources } from './compose-env.js';
import { resolveSecrets } from './resolve-secrets.js';
import type { SecretResolvers } from './resolvers.js';

const emptyEnv = (over: Partial<BuildspecEnv> = {}): BuildspecEnv => ({ variables: {}, parameterStore: {}, secretsManager: {}, exportedVariables: [], gitCredentialHelper: false, ...over });
const noSecrets = { parameters: new Map<string, string>(), secrets: new Map<string, string>() };

test('env precedence: override > project > buildspec > CodeBuild > base (spec A.5, Surprise 6)', () => {
  const sources: EnvSources = {
    base: { PATH: '/usr/bin:/bin', HOME: '/root', LANG: 'C.UTF-8', A: 'base' },
    system: { AWS_REGION: 'us-east-1', CODEBUILD_SRC_DIR: '/src' },
    buildspec: emptyEnv({ variables: { A: 'buildspec', B: 'buildspec', C: 'buildspec', D: 'buildspec', AWS_REGION: 'eu-west-1' } }),
    project: [{ name: 'B', value: 'project' }, { name: 'C', value: 'project', type: 'PLAINTEXT' }],
    override: [{ name: 'C', value: 'override' }],
  };
  const { env } = composeEnvironment(sources, noSecrets);
  assert.deepEqual(
    { A: env.A, B: env.B, C: env.C, D: env.D, AWS_REGION: env.AWS_REGION, PATH: env.PATH },
    { A: 'buildspec', B: 'project', C: 'override', D: 'buildspec', AWS_REGION: 'eu-west-1', PATH: '/usr/bin:/bin' },
  );
});

test('env: buildspec values are literal — $PATH is not expanded (Surprise 7)', () => {
  const { env } = composeEnvironment({ base: { PATH: '/bin' }, system: {}, buildspec: emptyEnv({ variables: { PATH: '$PATH:/x' } }) }, noSecrets);
  assert.equal(env.PATH, '$PATH:/x');
});

test('env: CODEBUILD_* names are reserved — CodeBuild values win over every layer', () => {
  const { env } = composeEnvironment(
    { base: {}, system: { CODEBUILD_SRC_DIR: '/real' }, buildspec: emptyEnv({ variables: { CODEBUILD_SRC_DIR: '/fake', CODEBUILD_MINE: 'ok' } }), override: [{ name: 'CODEBUILD_SRC_DIR', value: '/fake2' }] },
    noSecrets,
  );
  assert.equal(env.CODEBUILD_SRC_DIR, '/real');
  assert.equal(env.CODEBUILD_MINE, 'ok');
});

test('env: parameter-store and secrets-manager values are placed, listed for masking, and never from the process env', () => {
  const ref = { raw: 'db:password', secretId: 'db', jsonKey: 'password' };
  const sources: EnvSources = {
    base: {},
    system: {},
    buildspec: emptyEnv({ parameterStore: { P: '/app/p' }, secretsManager: { S: ref } }),
    project: [{ name: 'Q', value: '/app/q', type: 'PARAMETER_STORE' }],
  };
  assert.deepEqual(secretLookups(sources), { parameterNames: ['/app/p', '/app/q'], references: [ref] });
  const composed = composeEnvironment(sources, { parameters: new Map([['/app/p', 'pv'], ['/app/q', 'qv']]), secrets: new Map([['db:password', 'sv']]) });
  assert.deepEqual([composed.env.P, composed.env.Q, composed.env.S], ['pv', 'qv', 'sv']);
  assert.deepEqual(composed.secretValues.sort(), ['pv', 'qv', 'sv']);
  assert.deepEqual(composed.projectSecretNames, ['Q']);
  assert.equal(composed.env.HOME, undefined);
});

test('exported variables: AWS_* names and project secret variables are not exportable (spec A.5)', () => {
  assert.deepEqual(exportableNames(emptyEnv({ exportedVariables: ['TAG', 'AWS_REGION', 'Q', 'TAG'] }), ['Q']), ['TAG']);
});

test('A.14 variables in AWS formats', () => {
  const env = codebuildEnvironment({
    region: 'us-east-1', accountId: '000000000000', projectName: 'app', buildUuid: 'u-1', buildNumber: 7,
    startTime: new Date(1767225600123), srcDir: '/src', secondarySrcDirs: { lib: '/lib' }, initiator: 'me', image: 'aws/codebuild/standard:7.0',
  });
  assert.equal(env.CODEBUILD_BUILD_ARN, 'arn:aws:codebuild:us-east-1:000000000000:build/app:u-1');
  assert.equal(env.CODEBUILD_BUILD_ID, 'app:u-1');
  assert.equal(env.CODEBUILD_START_TIME, '1767225600123');
  assert.equal(env.CODEBUILD_SRC_DIR_lib, '/lib');
  assert.equal(env.CODEBUILD_KMS_KEY_ID, 'arn:aws:kms:us-east-1:000000000000:alias/aws/s3');
  assert.equal(env.CODEBUILD_BUILD_URL, 'https://us-east-1.console.aws.amazon.com/codebuild/home?region=us-east-1#/builds/app:u-1/view/new');
  assert.equal(env.CODEBUILD_BUILD_SUCCEEDING, '1');
  assert.equal(env.CODEBUILD_CI, 'true');
});

const resolvers = (over: Partial<SecretResolvers> = {}): SecretResolvers => ({
  async getParameters(names) {
    return { values: Object.fromEntries(names.filter((n) => n !== '/missing').map((n) => [n, `v${n}`])), invalid: names.filter((n) => n === '/missing') };
  },
  async getSecretValue(req) {
    if (req.secretId === 'gone') throw new AppError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.", { details: { statusCode: 400, requestId: 'r-1' } });
    return { secretString: JSON.stringify({ user: 'u', port: 5432 }) };
  },
  ...over,
});

test('secrets: a missing parameter fails like AWS — Decrypted Variables Error / parameter does not exist', async () => {
  const r = await resolveSecrets(['/a', '/missing'], [], resolvers());
  assert.deepEqual(r, { ok: false, context: { statusCode: 'Decrypted Variables Error', message: 'parameter does not exist: /missing' } });
});

test('secrets: a missing secret fails with Secrets Manager Error and the Go SDK error text', async () => {
  const r = await resolveSecrets([], [{ raw: 'gone', secretId: 'gone' }], resolvers());
  assert.deepEqual(r, { ok: false, context: { statusCode: 'Secrets Manager Error', message: "ResourceNotFoundException: Secrets Manager can't find the specified secret.\n\tstatus code: 400, request id: r-1" } });
});

test('secrets: json-key selects one key; non-string values become JSON text; GetParameters batches of 10', async () => {
  const calls: number[] = [];
  const names = Array.from({ length: 23 }, (_, i) => `/p${i}`);
  const r = await resolveSecrets(names, [{ raw: 's:user', secretId: 's', jsonKey: 'user' }, { raw: 's:port', secretId: 's', jsonKey: 'port' }], resolvers({
    async getParameters(batch) {
      calls.push(batch.length);
      return { values: Object.fromEntries(batch.map((n) => [n, n])), invalid: [] };
    },
  }));
  assert.ok(r.ok);
  assert.deepEqual(calls, [10, 10, 3]);
  assert.equal(r.values.secrets.get('s:user'), 'u');
  assert.equal(r.values.secrets.get('s:port'), '5432');
});

test('secrets: no resolvers configured → the phase fails instead of running without values', async () => {
  const r = await resolveSecrets(['/a'], [], undefined);
  assert.equal(r.ok, false);
});

test('Surprise 15: a secrets-manager reference by ARN (colons inside) asks for the whole ARN, then the json key', async () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-AbCdEf';
  const seen: string[] = [];
  const r = await resolveSecrets([], [{ raw: `${arn}:password::v-1`, secretId: arn, jsonKey: 'password', versionId: 'v-1' }], resolvers({
    async getSecretValue(req) {
      seen.push(`${req.secretId}|${req.versionStage ?? ''}|${req.versionId ?? ''}`);
      return { secretString: '{"password":"pw"}' };
    },
  }));
  assert.ok(r.ok);
  assert.deepEqual(seen, [`${arn}||v-1`]);
  assert.equal(r.values.secrets.get(`${arn}:password::v-1`), 'pw');
});
