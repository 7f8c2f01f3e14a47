// Resolves a match to one actor as of a date: places by the alias window that covers the
// date (the narrowest wins: "Moscow" in 1950 is the Soviet Union, in 2023 Russia), people
// by the office they held then. With no covering window, the nearest one in time wins.
import { prefixEnd, prefixStart } from '../domain/date-range.js';
import { scan, type MatchWindow } from './match.js';
import { registry, type Entry, type Person } from './registry.js';
import type { ActorInfo, ActorMatch, Office, ResolvedActor } from './types.js';

const today = (): string => new Date().toISOString().slice(0, 10);

// Resolution runs for every match of every sentence, so date arithmetic is cached.
const spans = new Map<string, [string, string]>();
const widths = new Map<string, number>();

function span(date: string | null): [string, string] {
  const d = date && /^-?\d{4}/.test(date) ? date.slice(0, 10) : today();
  let s = spans.get(d);
  if (!s) {
    s = [prefixStart(d), prefixEnd(d)];
    if (spans.size > 10_000) spans.clear();
    spans.set(d, s);
  }
  return s;
}

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/** Effective window: the alias's own, else the entry's own, as day bounds. */
const starts = new Map<string, string>();
const ends = new Map<string, string>();
const startOf = (p: string): string => starts.get(p) ?? (starts.set(p, prefixStart(p)), starts.get(p)!);
const endOf = (p: string): string => ends.get(p) ?? (ends.set(p, prefixEnd(p)), ends.get(p)!);

function bounds(w: MatchWindow, e: ActorInfo | undefined): [string, string] {
  const from = w.from ?? e?.from ?? null;
  const to = w.to ?? e?.to ?? null;
  return [from ? startOf(from) : MIN, to ? endOf(to) : MAX];
}

const days = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/** Distance in days from the date span to a window; 0 when they overlap. */
function distance([d0, d1]: [string, string], [w0, w1]: [string, string]): number {
  if (w1 < d0) return days(w1 === MAX ? d0 : w1, d0);
  if (w0 > d1) return days(w0 === MIN ? d1 : w0, d1);
  return 0;
}

function width([w0, w1]: [string, string]): number {
  const k = `${w0}|${w1}`;
  let w = widths.get(k);
  if (w === undefined) {
    w = (w0 === MIN ? 1e7 : 0) + (w1 === MAX ? 1e7 : 0) + days(w0 === MIN ? '1000-01-01' : w0, w1 === MAX ? '3000-01-01' : w1);
    widths.set(k, w);
  }
  return w;
}

function windowsOf(m: ActorMatch): MatchWindow[] {
  const w = m.windows;
  return w && w.length === m.candidates.length ? w : m.candidates.map(() => ({ from: null, to: null }));
}

export function resolveMatch(m: ActorMatch, date: string | null): ResolvedActor | null {
  const reg = registry();
  const d = span(date);
  const people = m.candidates.map((c) => reg.people.get(c)).filter((p): p is Person => !!p);
  if (people.length > 0) return resolvePerson(people, d, m);

  const wins = windowsOf(m);
  let best: { e: Entry; dist: number; width: number } | null = null;
  m.candidates.forEach((c, k) => {
    const e = reg.entries.get(c);
    if (!e) return;
    const b = bounds(wins[k], e);
    const cand = { e, dist: distance(d, b), width: width(b) };
    if (!best || cand.dist < best.dist || (cand.dist === best.dist && cand.width < best.width)) best = cand;
  });
  if (!best) return null;
  const e = (best as { e: Entry }).e;
  if (e.kind === 'force' || e.kind === 'media') {
    return { code: e.state ?? e.code, role: e.role, name: m.text, kind: e.kind, entry: e.code };
  }
  // An armed group keeps its own code ("HEZBOLLAH"); its home state is ActorInfo.state.
  if (e.kind === 'group') return { code: e.code, role: e.role, name: m.text, kind: e.kind, entry: e.code, ...(e.state ? { home: e.state } : {}) };
  const out: ResolvedActor = { code: e.code, name: m.text, kind: e.kind, entry: e.code };
  if (m.role) out.role = m.role;
  return out;
}

function officeAt(p: Person, d: [string, string]): Office | null {
  let best: Office | null = null;
  for (const o of p.offices) {
    const [w0, w1] = bounds(o, undefined);
    if (w0 <= d[1] && d[0] <= w1 && (!best || o.rank < best.rank || (o.rank === best.rank && o.from > best.from))) best = o;
  }
  return best;
}

function nearestOffice(p: Person, d: [string, string]): { o: Office; dist: number } | null {
  let best: { o: Office; dist: number } | null = null;
  for (const o of p.offices) {
    const dist = distance(d, bounds(o, undefined));
    if (!best || dist < best.dist || (dist === best.dist && o.rank < best.o.rank)) best = { o, dist };
  }
  return best;
}

function resolvePerson(people: Person[], d: [string, string], m: ActorMatch): ResolvedActor | null {
  // In office at the date, highest rank first; else whoever held office nearest in time.
  let pick: { p: Person; o: Office; inOffice: boolean } | null = null;
  for (const p of people) {
    const o = officeAt(p, d);
    if (o && (!pick || o.rank < pick.o.rank)) pick = { p, o, inOffice: true };
  }
  if (!pick) {
    let near: { p: Person; o: Office; dist: number } | null = null;
    for (const p of people) {
      const n = nearestOffice(p, d);
      if (n && (!near || n.dist < near.dist)) near = { p, ...n };
    }
    if (near) pick = { p: near.p, o: near.o, inOffice: false };
  }
  if (!pick) return null;
  const role = pick.o.role ?? (pick.o.rank === 3 ? 'MIL' : 'GOV');
  // A Phoenix default code (rank 9) says where someone belongs, not an office held.
  const inOffice = pick.inOffice && pick.o.rank < 9;
  return { code: pick.o.code, role, name: m.text, kind: 'person', personId: pick.p.id, inOffice, title: pick.o.title, entry: pick.p.id };
}

/** One name → the actor it denotes at the date (the longest name found in the text). */
export function resolve(text: string, date: string | null = null): ResolvedActor | null {
  const ms = scan(text);
  if (ms.length === 0) return null;
  const longest = ms.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return resolveMatch(longest, date);
}

export function getActor(code: string): ActorInfo | null {
  const reg = registry();
  const e = reg.entries.get(code);
  if (e) return { code: e.code, name: e.name, kind: e.kind, from: e.from ?? null, to: e.to ?? null, cow: e.cow ?? null, ...(e.state !== undefined ? { state: e.state } : {}) };
  const p = reg.people.get(code);
  if (p) return { code: p.id, name: p.name, kind: 'person', from: p.offices[0]?.from ?? null, to: p.offices.at(-1)?.to ?? null, cow: null };
  return null;
}

export function listActors(): ActorInfo[] {
  const reg = registry();
  return [...reg.entries.keys(), ...reg.people.keys()].map((c) => getActor(c)!);
}

/** The office a person held at the date (highest rank if several), or null. */
export function personOffice(personId: string, date: string | null): { code: string; title: string } | null {
  const p = registry().people.get(personId);
  if (!p) return null;
  const o = officeAt(p, span(date));
  return o ? { code: o.code, title: o.title } : null;
}
