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
import { extractDocument } from '../src/extract/index.js';
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
  ].join('\n');
}
