// Extraction throughput: extractDocument over the KCNA sample articles
// (../shared/data/news-articles/*.jsonl) and the news-eval texts (../shared/data/news-eval),
// in sentences/s and documents/s (median of several runs), against two references over
// the same texts in the same process: a regex sentence split, and compromise's plain
// `nlp(text).sentences()` pass. Peak memory is the process's maxRSS high-water mark.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { extractDocument } from '../src/extract/index.js';
import { splitSentences } from '../src/extract/sentences/split-sentences.js';
import { tokenize } from '../src/extract/sentences/tokenize.js';
import { ActorContext, findActors } from '../src/extract/actors/find-actors.js';
import { findTriggers, triggerIndex } from '../src/extract/triggers/find-triggers.js';
import { posTags } from '../src/extract/grammar/pos-tags.js';
import { tagWindowEnd } from '../src/extract/pipeline.js';
import { findDates } from '../src/extract/dates/find-dates.js';
import { fmt, median } from './util.js';

export const title = 'Extraction (src/extract)';

const RUNS = 5;
const shared = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'data');

interface Doc { text: string; published: string | null }

function documents(): Doc[] {
  const docs: Doc[] = [];
  const articles = join(shared, 'news-articles');
  for (const f of readdirSync(articles).filter((x) => x.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(articles, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text: string; published?: string };
      docs.push({ text: r.text, published: r.published ?? null });
    }
  }
  const evalDir = join(shared, 'news-eval');
  for (const f of readdirSync(evalDir).filter((x) => x.endsWith('.txt'))) docs.push({ text: readFileSync(join(evalDir, f), 'utf8'), published: null });
  return docs;
}

/**
 * Seconds of one pass of fn over all documents: wall time, and CPU time of this process
 * (user + system), which is the one-core cost even when other jobs share the machine.
 */
function timeOnce(docs: Doc[], fn: (d: Doc) => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of docs) fn(d);
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export async function run(): Promise<string> {
  const docs = documents();
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  let sentences = 0;
  let mentions = 0;
  // Warm-up pass (lexicons, registry, JIT), which also counts sentences and mentions.
  for (const d of docs) {
    const r = extractDocument(d.text, { published: d.published });
    sentences += r.document.sentences;
    mentions += r.events.length;
  }
  const ours: Array<{ wall: number; cpu: number }> = [];
  const split: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeOnce(docs, (d) => extractDocument(d.text, { published: d.published })));
    split.push(timeOnce(docs, (d) => d.text.split(/(?<=[.!?])\s+(?=[A-Z"“])|\n\s*\n/)));
  }
  // compromise is slow: fewer runs over the same texts.
  const comp: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < 2; i++) comp.push(timeOnce(docs, (d) => nlp(d.text).sentences().length));
  const m = (xs: Array<{ wall: number; cpu: number }>, k: 'wall' | 'cpu') => median(xs.map((x) => x[k]));
  const [t, tc] = [m(ours, 'wall'), m(ours, 'cpu')];
  const [tSplit, tSplitC] = [m(split, 'wall'), m(split, 'cpu')];
  const [tComp, tCompC] = [m(comp, 'wall'), m(comp, 'cpu')];
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const layers = layerCosts(docs);
  const cli = cliThroughput();
  return [
    `${docs.length} documents, ${fmt(sentences)} sentences, ${fmt(chars / 1e6, 2)} M characters, ${fmt(mentions)} mentions; median of ${RUNS} runs on one core.`,
    '',
    '| pass | wall s | CPU s | sentences/s (CPU) | documents/s (CPU) | sentences/s (wall) |',
    '|---|---:|---:|---:|---:|---:|',
    `| extractDocument (full pipeline) | ${fmt(t, 3)} | ${fmt(tc, 3)} | ${fmt(sentences / tc)} | ${fmt(docs.length / tc)} | ${fmt(sentences / t)} |`,
    `| reference: regex sentence split | ${fmt(tSplit, 3)} | ${fmt(tSplitC, 3)} | ${fmt(sentences / tSplitC)} | ${fmt(docs.length / tSplitC)} | ${fmt(sentences / tSplit)} |`,
    `| reference: compromise \`nlp(text).sentences()\` (median of 2) | ${fmt(tComp, 3)} | ${fmt(tCompC, 3)} | ${fmt(sentences / tCompC)} | ${fmt(docs.length / tCompC)} | ${fmt(sentences / tComp)} |`,
    '',
    `CPU time is this process's user + system time: the one-core cost, steady when other jobs share the machine (load average ${loadavg()[0].toFixed(1)} during this run); wall time is what a user waited. The full pipeline runs at ${fmt(tCompC / tc, 1)}× the speed of compromise's sentence pass alone and takes ${fmt(tc / tSplitC, 0)}× the CPU time of a bare regex split. Peak memory (maxRSS of the benchmark process): ${fmt(peakMb)} MB.`,
    '',
    'What each layer costs: cumulative passes over the same documents (median of 3, CPU s), each adding one stage to the one before; the last row is the whole pipeline (roles, modality, events, and output records on the sentences that reach them; the pipeline reads dates only once a trigger has its source, so the dates row is an upper bound).',
    '',
    '| pass | CPU s | added | share of the whole |',
    '|---|---:|---:|---:|',
    ...layers.map((l, i) => `| ${l.name} | ${fmt(l.cpu, 3)} | ${fmt(i ? l.cpu - layers[i - 1].cpu : l.cpu, 3)} | ${fmt(100 * (i ? l.cpu - layers[i - 1].cpu : l.cpu) / tc, 0)} % |`),
    `| whole pipeline (above) | ${fmt(tc, 3)} | ${fmt(tc - layers[layers.length - 1].cpu, 3)} | ${fmt(100 * (tc - layers[layers.length - 1].cpu) / tc, 0)} % |`,
    '',
    cli,
  ].join('\n');
}

/** CPU seconds of cumulative passes: split+tokens, +actors, +triggers, +tags, +dates. */
function layerCosts(docs: Doc[]): Array<{ name: string; cpu: number }> {
  triggerIndex();
  const passes: Array<[string, (d: Doc) => void]> = [
    ['sentences and tokens', (d) => { for (const s of splitSentences(d.text)) tokenize(s.text); }],
    ['+ actors (registry matches, coreference)', (d) => {
      const ctx = new ActorContext();
      for (const s of splitSentences(d.text)) findActors(s.text, tokenize(s.text), d.published, s.index, ctx);
    }],
    ['+ triggers (hand lexicon and converted CAMEO dictionary)', (d) => {
      const ctx = new ActorContext();
      for (const s of splitSentences(d.text)) {
        const t = tokenize(s.text);
        if (findActors(s.text, t, d.published, s.index, ctx).length) findTriggers(t);
      }
    }],
    // Tagged as the pipeline tags: up to the clause end past the last trigger's reach.
    ['+ part-of-speech tags (wink-nlp) and tagged triggers', (d) => {
      const ctx = new ActorContext();
      for (const s of splitSentences(d.text)) {
        const t = tokenize(s.text);
        const untagged = findActors(s.text, t, d.published, s.index, ctx).length ? findTriggers(t) : [];
        if (untagged.length) findTriggers(t, posTags(s.text, t, tagWindowEnd(t, untagged)));
      }
    }],
    ['+ dates (chrono-node and the date rules) of sentences with a tagged trigger', (d) => {
      const ctx = new ActorContext();
      for (const s of splitSentences(d.text)) {
        const t = tokenize(s.text);
        const untagged = findActors(s.text, t, d.published, s.index, ctx).length ? findTriggers(t) : [];
        if (untagged.length && findTriggers(t, posTags(s.text, t, tagWindowEnd(t, untagged))).length) findDates(s.text, d.published);
      }
    }],
  ];
  return passes.map(([name, fn]) => ({ name, cpu: median([0, 1, 2].map(() => timeOnce(docs, fn).cpu)) }));
}

/**
 * `entente extract` through the CLI over the KCNA articles written five times over as
 * files, in one process, less the start-up of a one-line file (its CPU time measured the
 * same way); CPU time of the child from bash's `times`.
 */
function cliThroughput(): string {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const bin = join(root, 'bin', 'entente.js');
  if (!existsSync(join(root, 'dist', 'index.js'))) return 'CLI: not measured (run `npm run build` first).';
  const dir = join(root, 'bench', '.work', 'kcna-files');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let sentences = 0;
  const articles = join(shared, 'news-articles');
  const texts: string[] = [];
  for (const f of readdirSync(articles).filter((x) => x.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(articles, f), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  for (let k = 0; k < 5; k++) {
    texts.forEach((t, i) => {
      const p = join(dir, `${k}-${i}.txt`);
      writeFileSync(p, t);
      files.push(p);
      sentences += [...splitSentences(t)].length;
    });
  }
  const one = join(dir, 'one-line.txt');
  writeFileSync(one, 'Russia invaded Ukraine.');
  const cpu = (args: string[]): number => {
    const r = spawnSync('bash', ['-c', `node "${bin}" extract --published 2024-01-01 --format jsonl "$@" > /dev/null; times`, 'x', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    // `times` prints the shell's then its children's user and system time: take the children's.
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    const [u, sys] = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    return u + sys;
  };
  // Interleaved, so that a change in the machine's load falls on both.
  const starts: number[] = [], alls: number[] = [];
  for (let k = 0; k < 3; k++) { starts.push(cpu([one])); alls.push(cpu(files)); }
  const start = median(starts), all = median(alls);
  return [
    `CLI, end to end: \`entente extract\` over ${fmt(files.length)} files (the KCNA articles five times over, ${fmt(sentences)} sentences) takes ${fmt(all, 2)} s of CPU (median of 3), of which ${fmt(start, 2)} s is the start-up of a one-line file: **${fmt(sentences / (all - start))} sentences/s** per core after start-up (load average ${loadavg()[0].toFixed(1)} at the end).`,
  ].join('\n');
}
