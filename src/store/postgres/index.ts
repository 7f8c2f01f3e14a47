// The PostgreSQL backend's public face.
export { openPostgresStore, postgresMigrations, type PostgresStoreOptions } from './pg-store.js';
export { checkServerVersion, describeUrl, MIN_SERVER_VERSION } from './connect.js';
export type { Migration } from './migrate.js';
