// Hostile-input figures for docs/reliability.md: full-text search over a store holding one
// 4.8 MB one-line document (through the store, as the API and CLI call it), and HTML with
// 2,000 and 100,000 nested <div> through htmlDocument, against a flat page of the same
// length as the reference. Medians of 5 runs; never pass or fail on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { htmlDocument } from '../src/ingest/documents/index.js';
import { median, fmt } from './util.js';

export const title = 'Hostile input (search over a 4.8 MB line, nested HTML)';

function time(f: () => unknown, n = 5): number {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-rel-'));
  const rows: string[] = ['| case | median ms | reference | ratio |', '|---|---:|---|---:|'];
  try {
    const store = await openStore({ db: join(dir, 'b.db') });
    const huge = 'Russia attacked Ukraine '.repeat(200_000);
    const small = 'Russia attacked Ukraine. '.repeat(40);
    await store.addDocument({ text: small, published: '2022-02-24', title: 'small' }, []);
    const xsSmall: number[] = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); await store.search('Russia'); xsSmall.push(performance.now() - t); }
    await store.addDocument({ text: huge, published: '2022-02-24', title: 'huge' }, []);
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); await store.search('Russia'); xs.push(performance.now() - t); }
    rows.push(`| search "Russia", store with a 4.8 MB one-line document | ${fmt(median(xs), 1)} | same store without it: ${fmt(median(xsSmall), 1)} ms | ${fmt(median(xs) / median(xsSmall), 1)} |`);
    await store.close();
    for (const n of [2_000, 100_000]) {
      const nested = `<html><body>${'<div>'.repeat(n)}<p>Russia attacked Ukraine on 24 February 2022.</p>${'</div>'.repeat(n)}</body></html>`;
      const flat = `<html><body><article>${'<p>Russia attacked Ukraine.</p>'.repeat(Math.max(1, Math.floor(nested.length / 31)))}</article></body></html>`.slice(0, nested.length);
      const a = time(() => htmlDocument(nested));
      const b = time(() => htmlDocument(flat));
      rows.push(`| HTML, ${fmt(n)} nested <div> (${fmt(nested.length / 1024)} KB) to text | ${fmt(a, 1)} | flat page of the same size: ${fmt(b, 1)} ms | ${fmt(a / b, 2)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const body = rows.join('\n');
  console.log(body);
  return body;
}
