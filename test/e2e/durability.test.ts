import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { jsonCall, signedRequest } from '../support/signed-request.js';

/**
 * Crash safety of `nagare up` on its default storage (PGlite + fs blobs): everything acknowledged
 * before a SIGKILL is there after a restart, byte for byte; nothing half-written is ever visible.
 */

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
let work: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'nagare-durability-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function s3Get(endpoint: string, bucket: string, key: string): Promise<Buffer> {
  const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const res = await signedRequest(endpoint, { method: 'GET', path }, { service: 's3' });
  assert.equal(res.status, 200, `GET ${key}: ${res.text.slice(0, 300)}`);
  return res.body;
}

/** A JSON 1.1 call that must succeed; returns the parsed body exactly as it came off the wire. */
async function call<T = Record<string, unknown>>(endpoint: string, target: string, body: Record<string, unknown>): Promise<T> {
  const res = await jsonCall(endpoint, target, body);
  assert.equal(res.status, 200, `${target}: ${res.text}`);
  return res.json<T>();
}

interface ParamVersion {
  Name: string;
  Type: string;
  Value: string;
  Version: number;
  LastModifiedDate: number;
}

/** Every version of a parameter (decrypted), following NextToken. */
async function history(endpoint: string, name: string): Promise<ParamVersion[]> {
  const out: ParamVersion[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call<{ Parameters: ParamVersion[]; NextToken?: string }>(endpoint, 'AmazonSSM.GetParameterHistory', {
      Name: name,
      WithDecryption: true,
      MaxResults: 50,
      ...(NextToken ? { NextToken } : {}),
    });
    for (const { Name, Type, Value, Version, LastModifiedDate } of page.Parameters) out.push({ Name, Type, Value, Version, LastModifiedDate });
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

interface SecretState {
  versions: unknown[];
  values: Record<string, unknown>;
}

/** A secret's versions (with stages) and the full GetSecretValue answer for each, as sent on the wire. */
async function secretState(endpoint: string, id: string): Promise<SecretState> {
  const list = await call<{ Versions: Array<{ VersionId: string; VersionStages?: string[] }> }>(endpoint, 'secretsmanager.ListSecretVersionIds', {
    SecretId: id,
    IncludeDeprecated: true,
  });
  // LastAccessedDate is left out: reading a version (as this very function does) may move it.
  const versions = list.Versions.map(({ LastAccessedDate: _accessed, ...v }: { VersionId: string; VersionStages?: string[]; LastAccessedDate?: unknown }) => ({
    ...v,
    VersionStages: [...(v.VersionStages ?? [])].sort(),
  })).sort((a, b) => a.VersionId.localeCompare(b.VersionId));
  const values: Record<string, unknown> = {};
  await Promise.all(
    versions.map(async (v) => {
      const j = await call<{ VersionStages: string[] }>(endpoint, 'secretsmanager.GetSecretValue', { SecretId: id, VersionId: v.VersionId });
      values[v.VersionId] = { ...j, VersionStages: [...j.VersionStages].sort() };
    }),
  );
  return { versions, values };
}

/** Every regular file under `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

describe('durability across kill -9', () => {
  test('S3 objects, SSM parameter versions and secret versions survive kill -9 + restart unchanged', async () => {
    let nagare: NagareHandle = await startNagare();
    try {
      const ep = (): string => nagare.endpoint;
      const bucket = 'durable-bucket';
      const marker = `plaintext-marker-${randomBytes(8).toString('hex')}`;
      const files: Record<string, Buffer> = {
        'small.txt': Buffer.from('small object\n'),
        'empty.bin': Buffer.alloc(0),
        'nested/dir/ünïcödé name+plus.txt': Buffer.from('unicode key\n'),
        'medium.bin': randomBytes(300 * 1024 + 7),
        'multipart.bin': randomBytes(20 * 1024 * 1024 + 12345), // 3 parts with the CLI's 8 MiB chunks
      };
      await awsOk(ep(), ['s3', 'mb', `s3://${bucket}`]);
      await Promise.all(
        Object.entries(files).map(async ([key, data], i) => {
          const file = join(work, `upload-${i}`);
          await writeFile(file, data);
          await awsOk(ep(), ['s3', 'cp', file, `s3://${bucket}/${key}`]);
        }),
      );

      // SSM: String, StringList and SecureString, several versions each (written in order).
      const params: Record<string, { type: string; values: string[] }> = {
        '/durable/plain': { type: 'String', values: ['one', 'two', 'three'] },
        '/durable/list': { type: 'StringList', values: ['a,b', 'a,b,c'] },
        '/durable/secure': { type: 'SecureString', values: [`${marker}-ssm-1`, `${marker}-ssm-2`, `${marker}-ssm-3`, `${marker}-ssm-4`] },
      };
      const secretBinary = randomBytes(64);
      const secretBinaryFile = join(work, 'secret.bin');
      await writeFile(secretBinaryFile, secretBinary);
      await Promise.all([
        ...Object.entries(params).map(async ([name, { type, values }]) => {
          for (const value of values) await call(ep(), 'AmazonSSM.PutParameter', { Name: name, Value: value, Type: type, Overwrite: true });
        }),
        (async () => {
          await call(ep(), 'secretsmanager.CreateSecret', { Name: 'durable/text', SecretString: `${marker}-sm-1` });
          for (const v of [`${marker}-sm-2`, `{"user":"app","password":"${marker}-sm-3"}`]) {
            await call(ep(), 'secretsmanager.PutSecretValue', { SecretId: 'durable/text', SecretString: v });
          }
        })(),
        // The CLI for one write: fileb:// → base64 SecretBinary on the wire.
        awsOk(ep(), ['secretsmanager', 'create-secret', '--name', 'durable/binary', '--secret-binary', `fileb://${secretBinaryFile}`]),
      ]);

      // What the server says before the crash…
      const heads = async (): Promise<Record<string, { etag: unknown; length: unknown; lastModified: unknown }>> => {
        const out: Record<string, { etag: unknown; length: unknown; lastModified: unknown }> = {};
        await Promise.all(
          Object.keys(files).map(async (key) => {
            const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
            const h = await signedRequest(ep(), { method: 'HEAD', path }, { service: 's3' });
            assert.equal(h.status, 200, `HEAD ${key}`);
            out[key] = { etag: h.headers.etag, length: h.headers['content-length'], lastModified: h.headers['last-modified'] };
          }),
        );
        return out;
      };
      const snapshot = async (): Promise<unknown> => {
        const [h, p, st, sb] = await Promise.all([
          heads(),
          Promise.all(Object.keys(params).map((n) => history(ep(), n))),
          secretState(ep(), 'durable/text'),
          secretState(ep(), 'durable/binary'),
        ]);
        return { heads: h, params: p, text: st, binary: sb };
      };
      const beforeCrash = await snapshot();
      const b = beforeCrash as { heads: Record<string, { etag: string }>; params: ParamVersion[][]; text: SecretState };
      assert.match(b.heads['multipart.bin']!.etag, /^"[0-9a-f]{32}-3"$/, 'the 20 MB upload went multipart');
      assert.deepEqual(b.params[2]!.map((v) => v.Version), [1, 2, 3, 4]);
      assert.equal(b.text.versions.length, 3);

      await nagare.kill9();
      nagare = await nagare.restart();

      // …is exactly what it says after.
      const afterCrash = await snapshot();
      assert.deepEqual(afterCrash, beforeCrash);
      for (const [key, data] of Object.entries(files)) {
        const got = await s3Get(ep(), bucket, key);
        assert.equal(got.length, data.length, key);
        assert.equal(sha256(got), sha256(data), `${key} is byte-identical after the crash`);
      }
      const list = await awsOk(ep(), ['s3api', 'list-objects-v2', '--bucket', bucket]);
      assert.deepEqual(
        list.json<{ Contents: Array<{ Key: string }> }>().Contents.map((c) => c.Key).sort(),
        Object.keys(files).sort(),
      );
      // And as the CLI user sees it.
      const [current, previous, binary, secure] = await Promise.all([
        awsOk(ep(), ['secretsmanager', 'get-secret-value', '--secret-id', 'durable/text']),
        awsOk(ep(), ['secretsmanager', 'get-secret-value', '--secret-id', 'durable/text', '--version-stage', 'AWSPREVIOUS']),
        awsOk(ep(), ['secretsmanager', 'get-secret-value', '--secret-id', 'durable/binary']),
        awsOk(ep(), ['ssm', 'get-parameter', '--name', '/durable/secure', '--with-decryption']),
      ]);
      assert.equal(current.json<{ SecretString: string }>().SecretString, `{"user":"app","password":"${marker}-sm-3"}`);
      assert.equal(previous.json<{ SecretString: string }>().SecretString, `${marker}-sm-2`);
      assert.equal(Buffer.from(binary.json<{ SecretBinary: string }>().SecretBinary, 'base64').toString('hex'), secretBinary.toString('hex'));
      const sp = secure.json<{ Parameter: { Value: string; Version: number } }>().Parameter;
      assert.deepEqual([sp.Value, sp.Version], [`${marker}-ssm-4`, 4]);

      // Encrypted at rest: no SecureString or secret value appears in plaintext anywhere in the data dir.
      await nagare.stop({ keepData: true });
      const needle = Buffer.from(marker);
      for (const file of await filesUnder(nagare.dataDir)) {
        if ((await stat(file)).size > 512 * 1024 * 1024) continue;
        assert.equal((await readFile(file)).indexOf(needle), -1, `plaintext secret found in ${file}`);
      }
    } finally {
      await nagare.stop();
    }
  });

  test('kill -9 during 8 concurrent aws s3 cp uploads and 8 put-parameter loops: nothing partial is ever visible', async () => {
    let nagare: NagareHandle = await startNagare();
    try {
      const bucket = 'harsh-bucket';
      await awsOk(nagare.endpoint, ['s3', 'mb', `s3://${bucket}`]);
      const endpoint = nagare.endpoint;

      // Two payloads per uploader: one single-PUT, one multipart (> 8 MiB).
      const payloads: Array<{ file: string; sha: string; size: number }[]> = [];
      for (let w = 0; w < 8; w++) {
        const small = randomBytes(64 * 1024 + w * 97_531);
        const big = randomBytes(9 * 1024 * 1024 + w * 4099);
        const pair = [];
        for (const [i, data] of [small, big].entries()) {
          const file = join(work, `harsh-${w}-${i}`);
          await writeFile(file, data);
          pair.push({ file, sha: sha256(data), size: data.length });
        }
        payloads.push(pair);
      }

      let stop = false;
      const expected = new Map<string, { sha: string; size: number }>(); // every key an upload was attempted for
      const acked = new Set<string>();
      const uploader = async (w: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          const p = payloads[w]![(i + w) % 2]!;
          const key = `w${w}/obj-${i}`;
          expected.set(key, { sha: p.sha, size: p.size });
          const r = await aws(endpoint, ['s3', 'cp', p.file, `s3://${bucket}/${key}`]);
          if (r.code !== 0) return;
          acked.add(key);
        }
      };

      // Each loop walks through names, 20 versions each (SSM keeps 100), values v1, v2, … in order.
      const VERSIONS_PER_NAME = 20;
      const paramAcked = new Map<string, number>(); // name → last version acknowledged
      const paramAttempted = new Map<string, number>(); // name → last version attempted
      const putLoop = async (l: number): Promise<void> => {
        const type = l % 2 === 0 ? 'String' : 'SecureString';
        for (let n = 0; !stop; n++) {
          const name = `/harsh/loop-${l}/name-${n}`;
          for (let k = 1; k <= VERSIONS_PER_NAME; k++) {
            if (stop) return;
            paramAttempted.set(name, k);
            const res = await jsonCall(endpoint, 'AmazonSSM.PutParameter', { Name: name, Value: `v${k}`, Type: type, Overwrite: true }).catch(
              () => undefined,
            );
            if (res?.status !== 200) return;
            assert.equal(res.json<{ Version: number }>().Version, k, `${name}: the server numbers versions contiguously`);
            paramAcked.set(name, k);
          }
        }
      };

      const loops = [...Array.from({ length: 8 }, (_, w) => uploader(w)), ...Array.from({ length: 8 }, (_, l) => putLoop(l))];
      // Let the loops get going: at least a few uploads acknowledged (so the kill lands mid-stream).
      const t0 = Date.now();
      // (Up to 90 s on a loaded machine; 4 acknowledgements normally come within seconds.)
      for (;;) {
        const elapsed = Date.now() - t0;
        if (acked.size >= 4 || (acked.size >= 1 && elapsed > 20_000) || elapsed > 90_000) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 700));
      await nagare.kill9();
      stop = true;
      await Promise.all(loops);
      assert.ok(acked.size >= 1, 'some uploads were acknowledged before the kill');
      const ackedVersions = [...paramAcked.values()].reduce((a, b) => a + b, 0);
      assert.ok(ackedVersions >= 8, `parameter writes were acknowledged before the kill (${ackedVersions})`);
      const inFlight = expected.size - acked.size;

      nagare = await nagare.restart();

      // Objects: every listed object is whole; every acknowledged upload is listed.
      const listed = (await awsOk(nagare.endpoint, ['s3api', 'list-objects-v2', '--bucket', bucket]))
        .json<{ Contents?: Array<{ Key: string; Size: number }> }>()
        .Contents ?? [];
      const listedKeys = new Set(listed.map((c) => c.Key));
      for (const key of acked) assert.ok(listedKeys.has(key), `acknowledged upload ${key} survived`);
      await Promise.all(
        listed.map(async (c) => {
          const want = expected.get(c.Key);
          assert.ok(want, `listed key ${c.Key} was uploaded`);
          assert.equal(c.Size, want.size, `${c.Key}: listed size`);
          const body = await s3Get(nagare.endpoint, bucket, c.Key);
          assert.equal(sha256(body), want.sha, `${c.Key}: content is one whole uploaded payload`);
        }),
      );

      // Parameters: versions 1..m contiguous with values v1..vm; m covers every acknowledgement.
      await Promise.all(
        [...paramAttempted.entries()].map(async ([name, attempted]) => {
          const ackedK = paramAcked.get(name) ?? 0;
          const res = await jsonCall(nagare.endpoint, 'AmazonSSM.GetParameter', { Name: name, WithDecryption: true });
          if (res.status !== 200) {
            assert.match(res.text, /ParameterNotFound/);
            assert.equal(ackedK, 0, `${name}: acknowledged versions vanished`);
            return;
          }
          const versions = await history(nagare.endpoint, name);
          const m = versions.length;
          assert.deepEqual(
            versions.map((v) => v.Version).sort((a, b) => a - b),
            Array.from({ length: m }, (_, i) => i + 1),
            `${name}: contiguous versions`,
          );
          for (const v of versions) assert.equal(v.Value, `v${v.Version}`, `${name} version ${v.Version} holds its own value`);
          assert.ok(m >= ackedK && m <= attempted, `${name}: ${m} versions, ${ackedK} acknowledged, ${attempted} attempted`);
          const latest = res.json<{ Parameter: { Version: number; Value: string } }>().Parameter;
          assert.deepEqual([latest.Version, latest.Value], [m, `v${m}`], `${name}: GetParameter shows the newest version`);
        }),
      );

      // The recovered server is fully usable: in-flight multipart uploads can be listed, new writes land.
      await awsOk(nagare.endpoint, ['s3api', 'list-multipart-uploads', '--bucket', bucket]);
      const again = payloads[0]![1]!;
      await awsOk(nagare.endpoint, ['s3', 'cp', again.file, `s3://${bucket}/after-restart`]);
      assert.equal(sha256(await s3Get(nagare.endpoint, bucket, 'after-restart')), again.sha);
      const put = await jsonCall(nagare.endpoint, 'AmazonSSM.PutParameter', { Name: '/harsh/after-restart', Value: 'ok', Type: 'String' });
      assert.equal(put.status, 200, put.text);
      console.log(`# harsh: ${acked.size} uploads acknowledged, ${inFlight} in flight at the kill, ${listed.length} listed after; ${ackedVersions} parameter versions acknowledged over ${paramAttempted.size} names`);
    } finally {
      await nagare.stop();
    }
  });
});
