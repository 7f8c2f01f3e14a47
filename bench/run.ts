// `npm run bench [-- NAME…]`: runs the benchmarks in bench/*.bench.ts (all, or those named),
// prints their figures and writes BENCHMARKS.md. Each benchmark module exports
// `title` and `run(): Promise<string>` returning its Markdown section; benchmarks
// report medians and ratios against a reference run in the same process or script,
// and never pass or fail on time.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const wanted = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

const out = join(root, 'BENCHMARKS.md');
const sections = new Map<string, string>();
// Keep sections of benchmarks not run this time.
if (existsSync(out)) {
  const old = readFileSync(out, 'utf8');
  for (const m of old.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) sections.set(m[1], m[2]);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { title: string; run: () => Promise<string> };
  console.log(`\n== ${mod.title}`);
  const body = await mod.run();
  console.log(body);
  sections.set(name, `## ${mod.title}\n\n_${new Date().toISOString().slice(0, 10)}, ${machine}_\n\n${body.trim()}\n`);
}

const doc = ['# Benchmarks', '', 'Written by `npm run bench`. Figures are medians of several runs; ratios compare against a reference measured in the same run.', '']
  .concat([...sections.entries()].sort().map(([k, v]) => `<!-- bench:${k} -->\n${v}<!-- /bench:${k} -->\n`));
writeFileSync(out, doc.join('\n'));
console.log(`\nwrote ${out}`);
