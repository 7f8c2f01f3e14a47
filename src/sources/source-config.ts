// Checks a source before it is stored: a known kind, an http(s) URL or a folder, a sane
// interval and GDELT options. Used by the CLI and the API alike.
import { isAbsolute, resolve } from 'node:path';
import { EntenteError } from '../domain/errors.js';
import { SOURCE_KINDS, type SourceInput, type SourceKind } from '../store/source-store.js';
import { checkHop, type FetcherOptions } from './http-get.js';
import type { Settings } from '../config/settings.js';
import { DEFAULT_MAX_CATCH_UP, GDELT_BASE } from './gdelt-poller.js';
import { parseEvery } from './schedule.js';

/** Default intervals: GDELT publishes every 15 minutes, ACLED weekly. */
export const DEFAULT_EVERY: Record<SourceKind, string> = { feed: '10m', page: '1h', gdelt: '15m', acled: '1h', icews: '1h' };

export interface SourceSpec {
  kind: string;
  target?: string | null;
  every?: string;
  label?: string | null;
  mentions?: boolean;
  translation?: boolean;
  order?: string;
  maxCatchUp?: number | string;
}

export function isSourceKind(k: string): k is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(k);
}

export function sourceInput(spec: SourceSpec): SourceInput {
  const { kind } = spec;
  if (!isSourceKind(kind)) throw new EntenteError('BAD_INPUT', `unknown source kind "${kind}": expected one of ${SOURCE_KINDS.join(', ')}`);
  const everySeconds = parseEvery(spec.every ?? DEFAULT_EVERY[kind]);
  const options: Record<string, unknown> = {};
  let target = spec.target?.trim() ?? '';
  if (kind === 'acled' || kind === 'icews') {
    if (!target) throw new EntenteError('BAD_INPUT', `a ${kind} source needs the folder to watch`);
    target = isAbsolute(target) ? target : resolve(target);
  } else {
    if (kind === 'gdelt') target ||= GDELT_BASE;
    if (!target) throw new EntenteError('BAD_INPUT', `a ${kind} source needs a URL`);
    // Only the form here; addresses are checked on every fetch, when they are connected to.
    checkHop(target, true);
  }
  if (kind === 'gdelt') {
    const max = Number(spec.maxCatchUp ?? DEFAULT_MAX_CATCH_UP);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) throw new EntenteError('BAD_INPUT', `--max-catch-up: expected a whole number from 1 to 10000, got ${spec.maxCatchUp}`);
    const order = spec.order ?? 'oldest';
    if (order !== 'oldest' && order !== 'newest') throw new EntenteError('BAD_INPUT', `--order: expected oldest or newest, got ${order}`);
    Object.assign(options, { mentions: !!spec.mentions, translation: !!spec.translation, order, maxCatchUp: max });
  }
  return { kind, target, everySeconds, options, label: spec.label ?? null };
}

function positive(s: Settings, name: 'fetchTimeoutMs' | 'fetchMaxMb' | 'hostIntervalMs', min: number): number {
  const n = Number(s[name]);
  if (!Number.isFinite(n) || n < min) throw new EntenteError('BAD_INPUT', `setting ${name}: expected a number of at least ${min}, got ${s[name]}`);
  return n;
}

/** The fetcher's limits and politeness from the settings table. */
export function fetcherOptions(s: Settings): FetcherOptions {
  return {
    allowPrivate: s.allowPrivateFetch === 'true',
    timeoutMs: positive(s, 'fetchTimeoutMs', 1),
    maxBytes: Math.round(positive(s, 'fetchMaxMb', 0.001) * 2 ** 20),
    hostIntervalMs: positive(s, 'hostIntervalMs', 0),
  };
}
