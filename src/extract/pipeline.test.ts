// The whole pipeline: every mention validates against the spec's schema, evidence slices
// the text, and the seed article scores above the bar with the shared scorer.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { EventMentionSchema } from '../domain/index.js';
import { extractDocument, extractStream } from './index.js';
import { sharedDir } from '../../test/cli.js';

const seedText = readFileSync(join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt'), 'utf8');

function score(gold: string, events: unknown[], text?: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'extract-'));
  const pred = join(dir, 'pred.json');
  writeFileSync(pred, JSON.stringify({ events }));
  const args = [join(sharedDir, 'eval/score.mjs'), gold, pred, '--json', ...(text ? ['--text', text] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('extractDocument', () => {
  const r = extractDocument(seedText, { published: '2023-09-25', title: 'seed' });

  it('emits records that follow the spec, with evidence that slices the text', () => {
    expect(r.events.length).toBeGreaterThan(10);
    for (const e of r.events) {
      expect(EventMentionSchema.safeParse(e).success).toBe(true);
      expect(seedText.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.rule).toMatch(/^trigger:/);
    }
    expect(r.document).toMatchObject({ published: '2023-09-25', title: 'seed', length: seedText.length });
  });

  it('scores the seed article above the bar (F1 ≥ 0.9, dates and modality ≥ 0.9)', () => {
    const s = score(join(sharedDir, 'corpus/seed-russia-korean-peninsula.gold.json'), r.events);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.date_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.modality_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('clusters the repeated invasion mentions together', () => {
    const invasion = r.events.filter((e) => e.type === 'ASSAULT' && e.source.code === 'RUS' && e.target?.code === 'UKR');
    expect(invasion.length).toBeGreaterThanOrEqual(2);
    expect(new Set(invasion.map((e) => e.cluster)).size).toBe(1);
  });

  it('gives the same mentions streaming as at once', () => {
    const streamed = [...extractStream(seedText, { published: '2023-09-25' })];
    expect(streamed).toEqual(r.events);
  });

  it('records each stage in trace mode', () => {
    const t = extractDocument('Germany invaded Poland in 1939.', { published: null }, { trace: true });
    expect(new Set(t.trace!.map((x) => x.stage))).toEqual(new Set(['dates', 'actors', 'triggers', 'roles', 'modality', 'events']));
  });

  it('returns nothing for empty or whitespace text', () => {
    expect(extractDocument('', { published: null }).events).toEqual([]);
    expect(extractDocument(' \n\t\n', { published: null }).events).toEqual([]);
  });
});

describe('held-out news texts (gold written before tuning, test/fixtures/gold)', () => {
  it('keeps micro F1 above 0.7 over the twelve texts', () => {
    const dir = join(sharedDir, 'data/news-eval');
    const goldDir = join(import.meta.dirname, '../../test/fixtures/gold');
    const pub: Record<string, string> = {
      'bbc-2025-nk-troops-kursk': '2025-04-28', 'eisenhower-1953-state-of-union': '1953-02-02',
      'kremlin-2021-putin-biden-video-call': '2021-12-07', 'st-2020-nk-cruise-missiles': '2020-04-14',
      'reuters-2017-nk-rogue-regime': '2017-11-08', 'reuters-2017-japan-missiles': '2017-11-06',
      'st-2020-scs-missiles-sanctions': '2020-08-26', 'st-2020-abe-strike-capability': '2020-09-11',
      'zelenskyy-2022-japan-diet-speech': '2022-03-23', 'choi-2024-nk-troops-analysis': '2024-12-04',
      'trilateral-2024-joint-statement': '2024-11-15', 'truman-1951-state-of-union': '1951-01-08',
    };
    let tp = 0, fp = 0, matched = 0, gold = 0;
    for (const [id, published] of Object.entries(pub)) {
      const text = join(dir, `${id}.txt`);
      const s = score(join(goldDir, `${id}.gold.json`), extractDocument(readFileSync(text, 'utf8'), { published }).events, text);
      tp += s.tp; fp += s.fp; matched += s.matched; gold += s.gold;
    }
    const p = tp / (tp + fp), rcl = matched / gold;
    expect((2 * p * rcl) / (p + rcl)).toBeGreaterThanOrEqual(0.7);
  });
});
