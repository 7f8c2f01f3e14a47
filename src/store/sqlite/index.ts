// The SQLite backend's public face.
export { openSqliteStore, openSqliteDatabase, sqliteMigrations } from './sqlite-store.js';
export type { Migration } from './migrate.js';
