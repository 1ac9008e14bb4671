import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { models } from '../../src/aws/index.js';
import { aws, awsOk, type CliResult } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * Connections through both AWS CLI v2 command groups against `nagare up`: the AWS docs' flow
 * `aws codestar-connections create-connection --provider-type GitHub --connection-name my-conn`
 * and its renamed twin `aws codeconnections …`, over one set of connections.
 *
 * The Debian CLI v2 here (2.9.19) predates the `codeconnections` command group (2024), so the test
 * gives the CLI the pinned CodeConnections model with `aws configure add-model` under a throwaway
 * HOME — the CLI's own mechanism for services it does not ship.
 */

let nagare: NagareHandle;
let home: string;

const OWNER = '000000000000';
const OLD_ARN = /^arn:aws:codestar-connections:us-east-1:000000000000:connection\/[0-9a-f-]{36}$/;
const NEW_ARN = /^arn:aws:codeconnections:us-east-1:000000000000:connection\/[0-9a-f-]{36}$/;

before(async () => {
  nagare = await startNagare();
  home = await mkdtemp(join(tmpdir(), 'nagare-conn-e2e-'));
  const model = models.codeconnectionsModel;
  const file = join(home, 'codeconnections-2023-12-01.json');
  // The generated model is botocore's minus documentation; botocore also wants signatureVersion.
  await writeFile(file, JSON.stringify({ ...model, metadata: { ...model.metadata, signatureVersion: 'v4' } }));
  await cli(['configure', 'add-model', '--service-model', `file://${file}`, '--service-name', 'codeconnections'], true);
});
after(async () => {
  await nagare?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

async function cli(args: readonly string[], ok = false): Promise<CliResult> {
  return (ok ? awsOk : aws)(nagare.endpoint, args, { env: { HOME: home } });
}

const oldCli = (...args: string[]): Promise<CliResult> => cli(['codestar-connections', ...args], true);
const newCli = (...args: string[]): Promise<CliResult> => cli(['codeconnections', ...args], true);

/** The same connection's ARN under the other service prefix. */
const otherForm = (arn: string): string =>
  arn.includes(':codestar-connections:') ? arn.replace(':codestar-connections:', ':codeconnections:') : arn.replace(':codeconnections:', ':codestar-connections:');

/** The CLI's error line: "An error occurred (<code>) when calling the <Op> operation: <message>". */
function assertAwsError(r: CliResult, code: string, operation: string): void {
  assert.equal(r.code, 254, r.stderr);
  assert.match(r.stderr, new RegExp(`An error occurred \\(${code}\\) when calling the ${operation} operation`), r.stderr);
}

interface Connection {
  ConnectionName: string;
  ConnectionArn: string;
  ProviderType: string;
  OwnerAccountId: string;
  ConnectionStatus: string;
}

test('create with both CLIs; get by either ARN form through either API; list with a filter and pages; tags; delete', async () => {
  const created = (await oldCli('create-connection', '--provider-type', 'GitHub', '--connection-name', 'my-conn', '--tags', 'Key=team,Value=web')).json<{
    ConnectionArn: string;
    Tags: Array<{ Key: string; Value: string }>;
  }>();
  assert.match(created.ConnectionArn, OLD_ARN);
  assert.deepEqual(created.Tags, [{ Key: 'team', Value: 'web' }]);
  const gitlab = (await newCli('create-connection', '--provider-type', 'GitLab', '--connection-name', 'new-conn'))
    .json<{ ConnectionArn: string; Tags?: unknown }>();
  assert.match(gitlab.ConnectionArn, NEW_ARN);
  assert.equal(gitlab.Tags, undefined);

  // Each connection keeps the ARN it was created with, whichever API and ARN form asks.
  for (const [arn, name, providerType] of [
    [created.ConnectionArn, 'my-conn', 'GitHub'],
    [gitlab.ConnectionArn, 'new-conn', 'GitLab'],
  ] as const) {
    const expected: Connection = { ConnectionName: name, ConnectionArn: arn, ProviderType: providerType, OwnerAccountId: OWNER, ConnectionStatus: 'AVAILABLE' };
    for (const form of [arn, otherForm(arn)]) {
      assert.deepEqual((await oldCli('get-connection', '--connection-arn', form)).json(), { Connection: expected });
      assert.deepEqual((await newCli('get-connection', '--connection-arn', form)).json(), { Connection: expected });
    }
  }

  // AzureDevOps exists only in the CodeConnections model.
  const azure = (await newCli('create-connection', '--provider-type', 'AzureDevOps', '--connection-name', 'azure')).json<{ ConnectionArn: string }>();

  const all = (await oldCli('list-connections')).json<{ Connections: Connection[]; NextToken?: string }>();
  assert.deepEqual(all.Connections.map((c) => c.ConnectionName), ['my-conn', 'new-conn', 'azure']);
  assert.equal(all.NextToken, undefined);
  const github = (await newCli('list-connections', '--provider-type-filter', 'GitHub')).json<{ Connections: Connection[] }>();
  assert.deepEqual(github, {
    Connections: [{ ConnectionName: 'my-conn', ConnectionArn: created.ConnectionArn, ProviderType: 'GitHub', OwnerAccountId: OWNER, ConnectionStatus: 'AVAILABLE' }],
  });
  const byHost = (await oldCli('list-connections', '--host-arn-filter', 'arn:aws:codestar-connections:us-east-1:000000000000:host/ghes-1a2b3c4d')).json();
  assert.deepEqual(byHost, { Connections: [] });

  // ListConnections has no paginator in the models: the CLI passes MaxResults/NextToken through.
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = (await newCli('list-connections', '--max-results', '2', ...(token !== undefined ? ['--next-token', token] : []))).json<{
      Connections: Connection[];
      NextToken?: string;
    }>();
    assert.ok(page.Connections.length <= 2);
    names.push(...page.Connections.map((c) => c.ConnectionName));
    token = page.NextToken;
  } while (token !== undefined);
  assert.deepEqual(names, ['my-conn', 'new-conn', 'azure']);

  // Tags through either API and either ARN form.
  await newCli('tag-resource', '--resource-arn', otherForm(created.ConnectionArn), '--tags', 'Key=env,Value=dev', 'Key=team,Value=platform');
  assert.deepEqual((await oldCli('list-tags-for-resource', '--resource-arn', created.ConnectionArn)).json(), {
    Tags: [{ Key: 'team', Value: 'platform' }, { Key: 'env', Value: 'dev' }],
  });
  await oldCli('untag-resource', '--resource-arn', created.ConnectionArn, '--tag-keys', 'team');
  assert.deepEqual((await newCli('list-tags-for-resource', '--resource-arn', created.ConnectionArn)).json(), { Tags: [{ Key: 'env', Value: 'dev' }] });
  assert.deepEqual((await newCli('list-tags-for-resource', '--resource-arn', gitlab.ConnectionArn)).json(), { Tags: [] });

  // Delete by the other form; the connection is gone from both APIs.
  assert.equal((await newCli('delete-connection', '--connection-arn', otherForm(created.ConnectionArn))).stdout.trim(), '');
  assertAwsError(await cli(['codestar-connections', 'get-connection', '--connection-arn', created.ConnectionArn]), 'ResourceNotFoundException', 'GetConnection');
  assertAwsError(await cli(['codeconnections', 'get-connection', '--connection-arn', otherForm(created.ConnectionArn)]), 'ResourceNotFoundException', 'GetConnection');
  assertAwsError(await cli(['codeconnections', 'delete-connection', '--connection-arn', created.ConnectionArn]), 'ResourceNotFoundException', 'DeleteConnection');
  assert.deepEqual(
    (await oldCli('list-connections')).json<{ Connections: Connection[] }>().Connections.map((c) => c.ConnectionArn),
    [gitlab.ConnectionArn, azure.ConnectionArn],
  );
});

test('errors: unknown ARNs, duplicate names, validation, hosts, other regions, unserved operations', async () => {
  const { ConnectionArn: arn } = (await newCli('create-connection', '--provider-type', 'Bitbucket', '--connection-name', 'errs')).json<{ ConnectionArn: string }>();

  const missing = 'arn:aws:codeconnections:us-east-1:000000000000:connection/00000000-0000-0000-0000-000000000000';
  assertAwsError(await cli(['codeconnections', 'get-connection', '--connection-arn', missing]), 'ResourceNotFoundException', 'GetConnection');
  assertAwsError(await cli(['codestar-connections', 'list-tags-for-resource', '--resource-arn', missing]), 'ResourceNotFoundException', 'ListTagsForResource');
  assertAwsError(await cli(['codestar-connections', 'tag-resource', '--resource-arn', missing, '--tags', 'Key=a,Value=b']), 'ResourceNotFoundException', 'TagResource');
  // Another region's endpoint does not see the connection.
  const west = await aws(nagare.endpoint, ['codeconnections', 'get-connection', '--connection-arn', arn], { env: { HOME: home }, region: 'us-west-2' });
  assertAwsError(west, 'ResourceNotFoundException', 'GetConnection');

  assertAwsError(await cli(['codestar-connections', 'create-connection', '--provider-type', 'GitHub', '--connection-name', 'errs']), 'ResourceAlreadyExistsException', 'CreateConnection');

  const long = await cli(['codeconnections', 'create-connection', '--provider-type', 'GitHub', '--connection-name', 'x'.repeat(33)]);
  assertAwsError(long, 'ValidationException', 'CreateConnection');
  assert.match(long.stderr, /Value 'x{33}' at 'connectionName' failed to satisfy constraint: Member must have length less than or equal to 32/);
  const azure = await cli(['codestar-connections', 'create-connection', '--provider-type', 'AzureDevOps', '--connection-name', 'az']);
  assertAwsError(azure, 'ValidationException', 'CreateConnection');
  assert.match(azure.stderr, /at 'providerType' failed to satisfy constraint: Member must satisfy enum value set/);
  assertAwsError(await cli(['codeconnections', 'create-connection', '--connection-name', 'no-provider']), 'ValidationException', 'CreateConnection');
  const host = 'arn:aws:codeconnections:us-east-1:000000000000:host/ghes-1a2b3c4d';
  assertAwsError(await cli(['codeconnections', 'create-connection', '--connection-name', 'on-host', '--host-arn', host]), 'ResourceNotFoundException', 'CreateConnection');
  assertAwsError(await cli(['codeconnections', 'list-connections', '--next-token', 'bogus']), 'ValidationException', 'ListConnections');

  // Hosts, repository links and sync configurations are not served.
  const createHost = await cli(['codestar-connections', 'create-host', '--name', 'ghes', '--provider-type', 'GitHubEnterpriseServer', '--provider-endpoint', 'https://ghes.example.com']);
  assertAwsError(createHost, 'UnknownOperationException', 'CreateHost');
  assertAwsError(await cli(['codeconnections', 'list-hosts']), 'UnknownOperationException', 'ListHosts');
  assertAwsError(await cli(['codeconnections', 'list-repository-links']), 'UnknownOperationException', 'ListRepositoryLinks');

  await newCli('delete-connection', '--connection-arn', arn);
});
