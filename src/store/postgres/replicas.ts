// Several read replicas behind one pool-shaped object: each query or connection goes to the
// next replica in turn. Replicas lag their primary a little; callers send reads that must see
// their own writes to the primary instead.
import type pg from 'pg';

export function replicaPool(replicas: pg.Pool[]): pg.Pool {
  let next = 0;
  const pick = () => replicas[next++ % replicas.length];
  const pool = {
    query: (...args: unknown[]) => (pick().query as (...a: unknown[]) => unknown)(...args),
    connect: () => pick().connect(),
  };
  return pool as unknown as pg.Pool;
}
