import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/index.js';
import type { Db } from './types.js';

/**
 * Forward-only migrations: src/store/migrations/NNNN_verb_noun.sql, applied in order, each in its
 * own transaction together with its row in schema_migrations. An advisory lock serialises replicas
 * that start at the same time. A migration is never edited once released: add a new one.
 */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../src/store/migrations/', import.meta.url));
const LOCK_KEY = 7_201_514; // arbitrary, constant: "nagare migrations"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new AppError('MigrationNameInvalid', `migration file name must be NNNN_verb_noun.sql: ${file}`, { fault: 'system' });
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) {
      throw new AppError('MigrationVersionDuplicate', `two migrations share version ${m[1]}`, { fault: 'system' });
    }
    out.push({ version, name: m[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') });
  }
  return out;
}

export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of all) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.rows.length > 0) return false;
      // Statements run one by one so the same script works on PGlite's and pg's extended protocol.
      for (const stmt of splitSql(m.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Splits a migration on `;` at line ends. Migrations keep one statement per `;`-terminated block. */
export function splitSql(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
