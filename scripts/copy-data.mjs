// Copies the data files that sit beside the sources (lexicons, registries, tables)
// into dist/, keeping their paths, so the built package carries them.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';

const DATA_EXT = new Set(['.json', '.tsv', '.csv', '.txt', '.sql', '.xml']);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (DATA_EXT.has(extname(name))) {
      const out = join('dist', p.slice('src/'.length));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
    }
  }
}
walk('src');
