// The PostgreSQL backend: opens a pooled connection to the primary (and to read replicas when
// given), refuses servers older than 15, applies every part's migrations under an advisory lock,
// and composes the parts into one Store. Reads that must see the caller's own writes (ingest
// results, curation, tokens, watches) go to the primary; lists, series, networks and search may
// go to a replica.
import { sourcePart, sourceMigrations } from './sources.js';
import type pg from 'pg';
import type { Store } from '../store.js';
import { EntenteError } from '../../domain/errors.js';
import { migrate } from './migrate.js';
import { coreMigrations } from './core-schema.js';
import { partitionMigrations } from './partitions.js';
import { bulkYearMigrations } from './bulk-years.js';
import { eventsPart } from './events.js';
import { watchPart, watchMigrations } from './watch.js';
import { authPart, authMigrations } from './auth.js';
import { curationPart, curationMigrations } from './curation.js';
import { datasetImportPart, datasetImportMigrations } from './dataset-import.js';
import { eventSearchMigrations } from './event-search.js';
import { describeUrl, openPool } from './connect.js';
import { compactor } from './compact.js';
import { replicaPool } from './replicas.js';
import type { Pools } from './pools.js';

export const postgresMigrations = [...coreMigrations, ...partitionMigrations, ...bulkYearMigrations, ...datasetImportMigrations, ...watchMigrations, ...authMigrations, ...curationMigrations, ...sourceMigrations, ...eventSearchMigrations];

export interface PostgresStoreOptions {
  /** Read replicas (streaming standbys of the primary) for list, series, network and search reads. */
  readUrls?: string[];
  /** Connections per pool. */
  poolSize?: number;
}

export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const where = describeUrl(url);
  const primary = await openPool(url, { max: opts.poolSize });
  const replicas: pg.Pool[] = [];
  try {
    await migrate(primary, postgresMigrations, where);
    for (const r of opts.readUrls ?? []) replicas.push(await openPool(r, { max: opts.poolSize }));
  } catch (e) {
    await Promise.all([primary, ...replicas].map((p) => p.end().catch(() => undefined)));
    if (e instanceof EntenteError) throw e;
    throw new EntenteError('DB_ERROR', `cannot prepare PostgreSQL database ${where}: ${(e as Error).message}`);
  }
  const pools: Pools = { primary, read: replicas.length ? replicaPool(replicas) : primary };
  const compact = compactor(primary);
  const events = eventsPart(pools);
  let closed = false;
  return {
    kind: 'postgres',
    ...events,
    async addDocument(doc, mentions) {
      const r = await events.addDocument(doc, mentions);
      if (r.stored) await compact.note();
      return r;
    },
    ...watchPart(pools),
    ...authPart(pools),
    ...curationPart(pools),
    ...datasetImportPart(pools, compact.note),
    ...sourcePart(pools),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([primary, ...replicas].map((p) => p.end()));
    },
  };
}
