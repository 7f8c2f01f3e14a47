// Actor matching speed: matchActors over every sentence of the KCNA sample articles
// (../shared/data/news-articles), against a plain whitespace split of the same sentences
// in the same process as the reference. Also the one-off cost of building the registry.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './util.js';

export const title = 'Actor matching (src/actors)';

const RUNS = 5;
const dir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'data', 'news-articles');

function sentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      // A plain splitter is enough to make sentence-sized inputs.
      for (const s of text.split(/(?<=[.!?])\s+|\n+/)) if (s.trim()) out.push(s);
    }
  }
  return out;
}

/**
 * Runs fn over all sentences enough times to take ≥ 300 ms; returns sentences per second
 * of wall time and CPU microseconds per sentence (steadier when the machine is shared).
 */
function rate(ss: string[], fn: (s: string) => number): { perSec: number; cpuUs: number; sink: number } {
  let n = 0;
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < 300) {
    for (const s of ss) sink += fn(s);
    n += ss.length;
    t = performance.now();
  }
  const c = process.cpuUsage(c0);
  return { perSec: n / ((t - t0) / 1000), cpuUs: (c.user + c.system) / n, sink };
}

export async function run(): Promise<string> {
  const ss = sentences();
  const chars = ss.reduce((a, s) => a + s.length, 0);
  const { matchActors, resolveMatch } = await import('../src/actors/index.js');
  const { buildRegistry, registry, swapRegistry } = await import('../src/actors/registry.js');
  const t0 = performance.now();
  matchActors('Russia');
  const buildMs = performance.now() - t0;
  // Fresh builds, alternated: the hand-checked tables alone (the reference) and with the
  // world-scale data (leaders since 2016, armed groups, Phoenix, places).
  const builds: Record<'hand' | 'world', number[]> = { hand: [], world: [] };
  for (let r = 0; r < 3; r++) {
    for (const k of ['hand', 'world'] as const) {
      const b0 = performance.now();
      buildRegistry({ world: k === 'world' });
      builds[k].push(performance.now() - b0);
    }
  }
  const reg = registry();

  const world = registry();
  const hand = buildRegistry({ world: false });
  const passes = {
    ref: (s: string) => s.split(/\s+/).length,
    hand: (s: string) => matchActors(s).length,
    match: (s: string) => matchActors(s).length,
    resolve: (s: string) => { let k = 0; for (const x of matchActors(s)) if (resolveMatch(x, '2024-06-01')) k++; return k; },
  };
  const runs: Record<keyof typeof passes, { perSec: number[]; cpuUs: number[] }> = {
    ref: { perSec: [], cpuUs: [] }, hand: { perSec: [], cpuUs: [] }, match: { perSec: [], cpuUs: [] }, resolve: { perSec: [], cpuUs: [] },
  };
  for (let r = 0; r < RUNS; r++) {
    for (const k of Object.keys(passes) as (keyof typeof passes)[]) {
      // The "hand" pass scans with the hand-checked tables only (37,000 fewer aliases).
      swapRegistry(k === 'hand' ? hand : world);
      const x = rate(ss, passes[k]);
      runs[k].perSec.push(x.perSec);
      runs[k].cpuUs.push(x.cpuUs);
    }
  }
  swapRegistry(world);
  const found = ss.reduce((a, s) => a + matchActors(s).length, 0);
  // The ratio compares CPU time, which a busy shared machine disturbs less than wall time.
  const row = (label: string, k: keyof typeof passes): string => {
    const ps = median(runs[k].perSec);
    const cpu = median(runs[k].cpuUs);
    const ratio = cpu / median(runs.ref.cpuUs);
    return `| ${label} | ${fmt(ps)} | ${fmt(1e6 / ps, 2)} | ${fmt(cpu, 2)} | ${k === 'ref' ? '1' : `${fmt(ratio, 1)}× slower`} |`;
  };
  return [
    `${fmt(ss.length)} sentences (${fmt(chars / ss.length)} characters on average) from the KCNA sample; ${fmt(found)} actor matches. Median of ${RUNS} runs, each ≥ 300 ms.`,
    '',
    '| pass | sentences/s | wall µs per sentence | CPU µs per sentence | ratio to reference (CPU time) |',
    '|---|---:|---:|---:|---:|',
    row('reference: `text.split(/\\s+/)`', 'ref'),
    row('`matchActors(text)`, hand-checked tables only', 'hand'),
    row('`matchActors(text)`', 'match'),
    row('`matchActors` + `resolveMatch` of each match', 'resolve'),
    '',
    `Registry: ${fmt(reg.trie.size)} aliases, ${fmt(reg.people.size)} people, ${fmt(reg.entries.size)} other entries. Building it on first use (reading world-countries and the data files, building the alias trie; module loading not included): ${fmt(buildMs)} ms, once per process. Fresh builds, median of 3: hand-checked tables only ${fmt(median(builds.hand))} ms (reference), with the world-scale data ${fmt(median(builds.world))} ms (${fmt(median(builds.world) / median(builds.hand), 1)}×).`,
  ].join('\n');
}
