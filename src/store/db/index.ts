export type { Db, DbKind, Queryable, QueryResult } from './types.js';
export { openDb, type OpenDbOptions } from './open.js';
export { migrate, loadMigrations, splitSql, type Migration } from './migrate.js';
