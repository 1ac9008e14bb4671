import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { awsOk } from '../support/aws-cli.js';
import { createPostgresTestDatabase, POSTGRES_URL } from '../support/databases.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { signedRequest } from '../support/signed-request.js';

/**
 * `nagare up --database-url postgres://…` on a fresh database of a real PostgreSQL server: the same
 * API, and the same crash safety, as on the embedded database.
 */

const REQUIRE = process.env.NAGARE_TEST_REQUIRE_POSTGRES === '1';
if (!POSTGRES_URL && REQUIRE) throw new Error('NAGARE_TEST_REQUIRE_POSTGRES=1 but NAGARE_TEST_DATABASE_URL is not set');
const skip = POSTGRES_URL ? false : 'NAGARE_TEST_DATABASE_URL is not set (run `bash scripts/ci-env.sh` for a local PostgreSQL)';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('nagare up --database-url (PostgreSQL server)', { skip }, () => {
  let database: { url: string; drop(): Promise<void> };
  let nagare: NagareHandle;
  let work: string;

  before(async () => {
    database = await createPostgresTestDatabase();
    work = await mkdtemp(join(tmpdir(), 'nagare-pg-e2e-'));
  });
  after(async () => {
    await nagare?.stop();
    await database?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('health reports storage postgres, and the schema lives in that database', async () => {
    nagare = await startNagare({ databaseUrl: database.url });
    const h = (await (await fetch(`${nagare.endpoint}/_nagare/health`)).json()) as { storage: { database: string; blobs: string } };
    assert.deepEqual(h.storage, { database: 'postgres', blobs: 'fs' });
    assert.match(nagare.output(), /storage\s+PostgreSQL \+ blobs/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')");
      assert.ok(Number(tables.rows[0]?.n) > 1, 'migrations created tables in the given database');
    } finally {
      await client.end();
    }
  });

  test('S3 + SSM + Secrets Manager round trip, then kill -9 + restart on the same database keeps everything', async () => {
    const ep = (): string => nagare.endpoint;
    const big = randomBytes(10 * 1024 * 1024 + 5); // multipart with the CLI's 8 MiB chunks
    const bigFile = join(work, 'big.bin');
    await writeFile(bigFile, big);
    await awsOk(ep(), ['s3', 'mb', 's3://pg-bucket']);
    await Promise.all([
      awsOk(ep(), ['s3', 'cp', '-', 's3://pg-bucket/small.txt'], { input: 'stored via postgres\n' }),
      awsOk(ep(), ['s3', 'cp', bigFile, 's3://pg-bucket/big.bin']),
      (async () => {
        await awsOk(ep(), ['ssm', 'put-parameter', '--name', '/pg/secure', '--value', 'first', '--type', 'SecureString']);
        await awsOk(ep(), ['ssm', 'put-parameter', '--name', '/pg/secure', '--value', 'second', '--type', 'SecureString', '--overwrite']);
      })(),
      awsOk(ep(), ['ssm', 'put-parameter', '--name', '/pg/plain', '--value', 'plain value', '--type', 'String']),
      (async () => {
        await awsOk(ep(), ['secretsmanager', 'create-secret', '--name', 'pg/secret', '--secret-string', 'v1']);
        await awsOk(ep(), ['secretsmanager', 'put-secret-value', '--secret-id', 'pg/secret', '--secret-string', 'v2']);
      })(),
    ]);

    const check = async (): Promise<void> => {
      const [small, bigGot, list, secure, secureV1, plain, secret, previous] = await Promise.all([
        awsOk(ep(), ['s3', 'cp', 's3://pg-bucket/small.txt', '-']),
        signedRequest(ep(), { method: 'GET', path: '/pg-bucket/big.bin' }, { service: 's3' }),
        awsOk(ep(), ['s3api', 'list-objects-v2', '--bucket', 'pg-bucket']),
        awsOk(ep(), ['ssm', 'get-parameter', '--name', '/pg/secure', '--with-decryption']),
        awsOk(ep(), ['ssm', 'get-parameter', '--name', '/pg/secure:1', '--with-decryption']),
        awsOk(ep(), ['ssm', 'get-parameter', '--name', '/pg/plain']),
        awsOk(ep(), ['secretsmanager', 'get-secret-value', '--secret-id', 'pg/secret']),
        awsOk(ep(), ['secretsmanager', 'get-secret-value', '--secret-id', 'pg/secret', '--version-stage', 'AWSPREVIOUS']),
      ]);
      assert.equal(small.stdout, 'stored via postgres\n');
      assert.equal(bigGot.status, 200);
      assert.equal(sha256(bigGot.body), sha256(big));
      const contents = list.json<{ Contents: Array<{ Key: string; Size: number; ETag: string }> }>().Contents;
      assert.deepEqual(contents.map((c) => [c.Key, c.Size]), [
        ['big.bin', big.length],
        ['small.txt', 20],
      ]);
      assert.match(contents[0]!.ETag, /-2"$/, 'the big object was a multipart upload');
      const s = secure.json<{ Parameter: { Value: string; Version: number; Type: string } }>().Parameter;
      assert.deepEqual([s.Value, s.Version, s.Type], ['second', 2, 'SecureString']);
      assert.equal(secureV1.json<{ Parameter: { Value: string } }>().Parameter.Value, 'first');
      assert.equal(plain.json<{ Parameter: { Value: string } }>().Parameter.Value, 'plain value');
      assert.equal(secret.json<{ SecretString: string }>().SecretString, 'v2');
      assert.equal(previous.json<{ SecretString: string }>().SecretString, 'v1');
    };
    await check();

    await nagare.kill9();
    nagare = await nagare.restart();
    const h = (await (await fetch(`${nagare.endpoint}/_nagare/health`)).json()) as { storage: { database: string } };
    assert.equal(h.storage.database, 'postgres');
    await check();
  });
});
