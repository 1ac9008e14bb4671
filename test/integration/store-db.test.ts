import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { migrate, openDb, splitSql } from '../../src/store/index.js';
import { forEachDatabase } from '../support/databases.js';

test('splitSql keeps one statement per ;-terminated block and drops comments', () => {
  assert.deepEqual(splitSql('-- c\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a (x);\n'), ['CREATE TABLE a (x int)', 'CREATE INDEX i ON a (x)']);
});

forEachDatabase((open, kind) => {
  test(`migrations are applied once and recorded (${kind})`, async () => {
    const db = await open();
    try {
      const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.ok(versions.rows.length >= 1);
      assert.equal(versions.rows[0]!.version, 1);
      assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
    } finally {
      await db.dispose();
    }
  });

  test(`transactions commit and roll back; int8 comes back as number (${kind})`, async () => {
    const db = await open();
    try {
      await db.exec('CREATE TABLE t (id int8 PRIMARY KEY, v text NOT NULL)');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1, $2)', [1, 'a']);
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1, $2)', [2, 'b']);
          throw new Error('abort');
        }),
        /abort/,
      );
      const rows = await db.query<{ id: number; v: string }>('SELECT id, v FROM t ORDER BY id');
      assert.deepEqual(rows.rows, [{ id: 1, v: 'a' }]);
      assert.equal(typeof rows.rows[0]!.id, 'number');
    } finally {
      await db.dispose();
    }
  });

  test(`row locks serialise concurrent read-modify-write (${kind})`, async () => {
    const db = await open();
    try {
      await db.exec('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)');
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const r = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
            await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [r.rows[0]!.n + 1]);
          }),
        ),
      );
      const r = await db.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
      assert.equal(r.rows[0]!.n, 20);
    } finally {
      await db.dispose();
    }
  });
});

test('an embedded data dir is locked beside its cluster, so a snapshot of a new cluster never carries a lock', async () => {
  const root = await mkdtemp(join(tmpdir(), 'nagare-lock-snap-'));
  try {
    const cache = join(root, 'cache');
    const first = await openDb({ dataDir: join(root, 'a'), snapshotCacheDir: cache });
    try {
      assert.ok(existsSync(join(root, 'a', 'nagare.lock')), 'the lock is <data-dir>/nagare.lock');
      assert.ok(!existsSync(join(root, 'a', 'pg', 'nagare.lock')), 'nothing of ours inside the cluster directory');
      const [snapshot] = (await readdir(cache)).filter((f) => f.endsWith('.tar.gz'));
      assert.ok(snapshot, 'the first start cached a snapshot');
      const tar = gunzipSync(await readFile(join(cache, snapshot)));
      assert.ok(!tar.includes(Buffer.from('nagare.lock')), 'the snapshot holds no lock file');
      // A second data dir made from the snapshot is locked by its own opener, not by a restored file.
      const second = await openDb({ dataDir: join(root, 'b'), snapshotCacheDir: cache });
      try {
        assert.equal((await readFile(join(root, 'b', 'nagare.lock'), 'utf8')).trim(), String(process.pid));
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
