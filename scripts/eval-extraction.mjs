#!/usr/bin/env node
// Scores the built extractor (dist/) on the shared development gold and on the plain
// sentences of test/fixtures, with the shared scorer. Prints micro figures, figures per
// type, the confusion of types and what was missed. Run `npm run build` first.
// usage: node scripts/eval-extraction.mjs [--missed] [--spurious] [--dates] [--json] [--shared DIR] [--plain FILE]
//        [--gold DIR --texts DIR]  (another gold set in the development set's layout)
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const sharedAt = args.indexOf('--shared');
const shared = sharedAt >= 0 ? args[sharedAt + 1] : join(root, '..', 'shared');
const { extractDocument } = await import(join(root, 'dist', 'index.js'));

const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const goldDir = option('--gold', join(shared, 'corpus', 'dev'));
const textDir = option('--texts', join(shared, 'data', 'news-eval'));
const scorer = join(shared, 'eval', 'score.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'entente-eval-'));
const list = (x) => (Array.isArray(x) ? x : [x]);
const code = (a) => (a == null ? null : a.code ?? null);

const sum = { gold: 0, tp: 0, fp: 0, matched: 0, pairs: 0, date_ok: 0, modality_ok: 0 };
const perType = {};
const confusion = {};
const missed = [];
const spurious = [];
const wrongDates = [];
const dateRules = {};
for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.gold.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const text = readFileSync(join(textDir, gold.document), 'utf8');
  const { events } = extractDocument(text, { published: gold.published });
  const pred = join(tmp, f.replace('.gold.json', '.json'));
  writeFileSync(pred, JSON.stringify({ events }));
  const r = JSON.parse(execFileSync(process.execPath, [scorer, join(goldDir, f), pred, '--json', '--text', join(textDir, gold.document)], { encoding: 'utf8' }));
  for (const k of Object.keys(sum)) sum[k] += r[k] ?? 0;
  for (const [t, c] of Object.entries(r.per_type)) {
    const p = (perType[t] ??= { tp: 0, fp: 0, fn: 0 });
    p.tp += c.tp; p.fp += c.fp; p.fn += c.fn;
  }
  for (const m of r.missed) missed.push(`${gold.document}: ${m}`);
  // Spurious: predictions that fit no gold mention (required or optional) over their
  // sentence, by the scorer's rule (type listed, actors direct or swapped for symmetric types).
  const spans = new Map();
  for (const g of gold.mentions) {
    const at = text.indexOf(g.quote, spans.get(g.quote) ?? 0);
    spans.set(g.quote, at + 1);
    g.at = [at, at + g.quote.length];
  }
  for (const p of events) {
    const fits = gold.mentions.some((g) => p.evidence.start < g.at[1] && g.at[0] < p.evidence.end && list(g.type).includes(p.type)
      && ((list(g.source).includes(code(p.source)) && list(g.target ?? null).includes(code(p.target)))
        || (['AGREE', 'CONSULT', 'COOPERATE'].some((t) => list(g.type).includes(t)) && list(g.source).includes(code(p.target)) && list(g.target ?? null).includes(code(p.source)))));
    const dateOf = (d) => (d ? [d.start, d.end ?? d.start] : null);
    for (const g of gold.mentions) {
      if (g.optional || !(p.evidence.start < g.at[1] && g.at[0] < p.evidence.end && list(g.type).includes(p.type))) continue;
      const a = dateOf(p.date), b = dateOf(g.date);
      const ok = !a || !b ? !a && !b : a[0] <= b[1].padEnd(10, '~') && b[0] <= a[1].padEnd(10, '~');
      const dr = (p.rule.split('; ').find((x) => x.startsWith('date')) ?? 'date:?').replace(/-since$/, '');
      const tally = (dateRules[dr] ??= { ok: 0, wrong: 0, goldNull: 0 });
      tally[ok ? 'ok' : 'wrong']++;
      if (!ok && !b) tally.goldNull++;
      if (!ok) wrongDates.push(`${gold.document}: ${p.type} got ${a ? a.join('..') : 'null'} gold ${b ? b.join('..') : 'null'} «${g.quote.slice(0, 100)}» [${p.rule.split('; ').find((x) => x.startsWith('date')) ?? ''}]`);
      break;
    }
    if (!fits) spurious.push(`${gold.document}: ${p.type} ${code(p.source)}->${code(p.target)} «${p.evidence.text.slice(0, 160)}» [${p.rule}]`);
  }
  // Confusion: for each required gold mention, the type of a prediction over its quote
  // whose actors fit (or "none").
  for (const g of gold.mentions) {
    if (g.optional) continue;
    const span = g.at;
    const over = events.filter((p) => p.evidence.start < span[1] && span[0] < p.evidence.end);
    const actorsFit = (p) => list(g.source).includes(code(p.source)) || list(g.target ?? null).includes(code(p.source));
    const hit = over.find((p) => list(g.type).includes(p.type) && actorsFit(p)) ?? over.find(actorsFit);
    const row = (confusion[list(g.type)[0]] ??= {});
    const got = hit ? (list(g.type).includes(hit.type) ? list(g.type)[0] : hit.type) : 'none';
    row[got] = (row[got] ?? 0) + 1;
  }
}
const r3 = (x) => Math.round(x * 1000) / 1000;
const prf = (tp, fp, fn) => {
  const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: r3(p), recall: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0) };
};
const dev = { ...prf(sum.tp, sum.fp, sum.gold - sum.matched), gold: sum.gold, tp: sum.tp, fp: sum.fp, matched: sum.matched,
  date_accuracy: r3(sum.pairs ? sum.date_ok / sum.pairs : 0), modality_accuracy: r3(sum.pairs ? sum.modality_ok / sum.pairs : 0) };

// Plain sentences: one gold event each.
const plain = { tp: 0, fp: 0, gold: 0, failed: [] };
const plainAt = args.indexOf('--plain');
const plainFile = plainAt >= 0 ? args[plainAt + 1] : join(root, 'test', 'fixtures', 'plain-sentences.tsv');
const rows = readFileSync(plainFile, 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
for (const [sentence, published, types, sources, targets] of rows) {
  const { events } = extractDocument(sentence, { published });
  const ok = (e) => types.split('|').includes(e.type) && sources.split('|').includes(e.source.code)
    && targets.split('|').includes(e.target?.code ?? '-');
  const hit = events.find(ok);
  plain.gold++;
  if (hit) plain.tp++;
  // A second reading the gold accepts (each side of mutual fighting) is not a false positive.
  plain.fp += events.filter((e) => !ok(e)).length;
  if (!hit) plain.failed.push(`${sentence} → ${events.map((e) => `${e.type} ${e.source.code}->${e.target?.code ?? '-'}`).join(', ') || 'nothing'}`);
}
const plainScore = { ...prf(plain.tp, plain.fp, plain.gold - plain.tp), sentences: plain.gold };

if (args.includes('--json')) {
  console.log(JSON.stringify({ dev, perType, confusion, plain: plainScore }));
} else {
  console.log(`dev: P ${dev.precision} R ${dev.recall} F1 ${dev.f1} date ${dev.date_accuracy} modality ${dev.modality_accuracy} (${dev.gold} required, tp ${dev.tp} fp ${dev.fp})`);
  console.log('type\tP\tR\tF1\ttp\tfp\tfn');
  for (const [t, c] of Object.entries(perType).sort()) {
    const s = prf(c.tp, c.fp, c.fn);
    console.log(`${t}\t${s.precision}\t${s.recall}\t${s.f1}\t${c.tp}\t${c.fp}\t${c.fn}`);
  }
  console.log('confusion (gold type → predicted type over the quote, actors fitting):');
  for (const [t, row] of Object.entries(confusion).sort()) console.log(`  ${t}: ${Object.entries(row).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`plain sentences: P ${plainScore.precision} R ${plainScore.recall} F1 ${plainScore.f1} (${plain.gold} sentences)`);
  if (args.includes('--missed')) {
    for (const m of missed) console.log(`missed ${m}`);
    for (const m of plain.failed) console.log(`plain ${m}`);
  }
  if (args.includes('--dates')) {
    for (const [r, c] of Object.entries(dateRules).sort()) console.log(`date rule ${r}: ${c.ok} right, ${c.wrong} wrong (${c.goldNull} where gold has none)`);
    for (const m of wrongDates) console.log(`date ${m}`);
  }
  if (args.includes('--spurious')) for (const m of spurious) console.log(`spurious ${m}`);
}
