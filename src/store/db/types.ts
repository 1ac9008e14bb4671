/**
 * The database port every repository uses. Two implementations: embedded PGlite (default, one
 * process) and a PostgreSQL server through `pg` (scale-out). SQL is plain PostgreSQL that both run;
 * `int8` columns come back as JS numbers in both (values stay below 2^53), `timestamptz` as Date,
 * `bytea` as Uint8Array.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on throw). Everything `fn` does must go
   * through `tx`; using the outer Db inside would deadlock PGlite's single connection.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
