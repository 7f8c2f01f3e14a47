// The analyses over HTTP: dyad series and shifts, the actor network (and its diff between
// two windows), spillover between dyads. Thin: the services layer validates the meaning
// of the parameters and runs the same code the CLI runs.
import { z } from 'zod';
import { IsoPrefix, MODALITIES } from '../../domain/mention.js';
import { ORIGINS } from '../../domain/event.js';
import { PERIOD_UNITS } from '../../analysis/periods.js';
import { networkDiffFor, networkFor, seriesFor, shiftsFor, spilloverFor } from '../../services/analysis.js';
import { actorCountsFor, countFor } from '../../services/count.js';
import { rollupCount } from '../../services/rollup-analysis.js';
import { EntenteError } from '../../domain/errors.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { actorText, commaList } from '../schemas.js';
import { actorCodeOf } from '../../services/actor-input.js';

const bool = z.enum(['true', 'false']).transform((s) => s === 'true');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const filters = {
  from: IsoPrefix.optional().describe('ISO date or prefix'),
  to: IsoPrefix.optional().describe('ISO date or prefix'),
  origin: commaList(ORIGINS, 'origins').optional(),
  modality: commaList(MODALITIES, 'modalities').optional().describe('comma-separated modalities (default asserted)'),
};

const dyad = {
  a: actorText.describe('first actor: a code (RUS) or a name (Russia)'),
  b: z.string().trim().max(100).optional().describe('second actor, code or name; empty or * for A against everyone'),
  by: z.enum(PERIOD_UNITS).default('month'),
  directed: bool.default(false).describe('only events from A to B'),
};

const SeriesQuery = z.object({ ...dyad, ...filters, normalise: bool.default(true).describe('normalise by the volume of all events per period') });
const ShiftsQuery = SeriesQuery.extend({ minConfidence: z.coerce.number().min(0).max(1).optional() });

const NetworkQuery = z.object({
  at: IsoPrefix.optional().describe('a window ending on this day (with days)'),
  days: int(1, 36_600).optional().describe('window length for at (default 365)'),
  from: IsoPrefix.optional(),
  to: IsoPrefix.optional(),
  minEvents: int(1, 1_000_000).optional(),
  top: int(1, 10_000).optional().describe('keep the N actors with the most events and the ties among them'),
  origin: filters.origin,
  modality: filters.modality,
});

const CountQuery = z.object({
  actor: actorText.describe('actor code or name'),
  with: z.string().trim().max(100).optional().describe('second actor code; empty or * for the actor against everyone'),
  by: z.enum(PERIOD_UNITS).optional().describe('say how many counted events span more than one such period'),
  ...filters,
});

const DiffQuery = z.object({
  from1: IsoPrefix.optional(), to1: IsoPrefix.optional(), from2: IsoPrefix.optional(), to2: IsoPrefix.optional(),
  d1: IsoPrefix.optional().describe('the "before" window ends on this day (with days)'),
  d2: IsoPrefix.optional().describe('the "after" window ends on this day (with days)'),
  days: int(1, 36_600).optional(),
  minEvents: int(1, 1_000_000).optional(),
  origin: filters.origin,
  modality: filters.modality,
});

const SpilloverQuery = z.object({
  cause: z.string().trim().min(3).max(130).describe('the cause dyad, A-B (e.g. RUS-UKR)'),
  effect: z.string().trim().min(3).max(130).describe('the effect dyad, C-D (e.g. RUS-PRK)'),
  maxLag: int(0, 52).optional(),
  by: z.enum(PERIOD_UNITS).default('month'),
  anchor: IsoPrefix.optional().describe('event-study date: mean score before vs after'),
  window: int(2, 520).optional(),
  ...filters,
});

function window(from: string | undefined, to: string | undefined, day: string | undefined, n: 1 | 2): { from: string; to: string } | string {
  if (from && to) return { from, to };
  if (day) return day;
  throw new EntenteError('BAD_INPUT', `query: give from${n} and to${n}, or d${n}`);
}

export function analysisRoutes(r: RouteTable, { store }: ApiContext): void {
  /** Typed actors to codes (names resolve through the registry; unknown ones are refused with suggestions). */
  const pairOf = async (a: string, b: string | undefined): Promise<{ a: string; b: string | null }> => ({
    a: await actorCodeOf(store, a, 'a'),
    b: !b || b === '*' ? null : await actorCodeOf(store, b, 'b'),
  });
  r.add({
    method: 'GET', url: '/api/series', tag: 'analysis', access: 'read',
    summary: 'Cooperation–conflict series of a dyad (or one actor against all), per period',
    query: SeriesQuery,
    handler: async ({ query }) => seriesFor(store, { ...query, ...(await pairOf(query.a, query.b)) }),
  });
  r.add({
    method: 'GET', url: '/api/shifts', tag: 'analysis', access: 'read',
    summary: "Change points in a dyad's score series, with the events around each",
    query: ShiftsQuery,
    handler: async ({ query }) => shiftsFor(store, { ...query, ...(await pairOf(query.a, query.b)) }),
  });
  r.add({
    method: 'GET', url: '/api/count', tag: 'analysis', access: 'read',
    summary: 'How many events an actor or pair has, by the one counting definition every view uses, and what is left out',
    query: CountQuery,
    handler: async ({ query: q }) => {
      const { a, b } = await pairOf(q.actor, q.with);
      const c = { actor: a, with: b, from: q.from, to: q.to, origin: q.origin, modality: q.modality, by: q.by };
      return (await rollupCount(store, c)) ?? countFor(store, c);
    },
  });
  r.add({
    method: 'GET', url: '/api/actors/counts', tag: 'analysis', access: 'read',
    summary: "Every actor's count by the same definition as /api/count (for the map), busiest first",
    query: z.object(filters),
    response: z.object({
      window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
      modalities: z.array(z.enum(MODALITIES)),
      definition: z.string(),
      actors: z.array(z.object({ code: z.string(), events: z.number().int() })),
    }),
    handler: async ({ query: q }) => actorCountsFor(store, q),
  });
  r.add({
    method: 'GET', url: '/api/network', tag: 'analysis', access: 'read',
    summary: 'The signed, weighted actor network over a window: blocs, balance, centrality',
    query: NetworkQuery,
    handler: async ({ query }) => networkFor(store, query),
  });
  r.add({
    method: 'GET', url: '/api/network/diff', tag: 'analysis', access: 'read',
    summary: 'Edges that appeared, vanished or changed sign between two windows',
    query: DiffQuery,
    handler: async ({ query: q }) => networkDiffFor(store, {
      before: window(q.from1, q.to1, q.d1, 1), after: window(q.from2, q.to2, q.d2, 2),
      days: q.days, minEvents: q.minEvents, origin: q.origin, modality: q.modality,
    }),
  });
  r.add({
    method: 'GET', url: '/api/spillover', tag: 'analysis', access: 'read',
    summary: 'Does one dyad lead another? Lagged correlation, a Granger-style test, an event study',
    query: SpilloverQuery,
    handler: async ({ query }) => spilloverFor(store, query),
  });
}
