// Connection pools of one PostgreSQL store: writes (and reads that must see them) go to the
// primary; list, series, network and search reads go to `read`, the primary itself or a
// read replica.
import type pg from 'pg';

export interface Pools {
  primary: pg.Pool;
  read: pg.Pool;
}
