// Reads the small tab-separated data tables that sit in ./data (comments start with #,
// the first other line is the header). Loaded once, on first use.
import { readFileSync } from 'node:fs';

export function readTable(name: string): Array<Record<string, string>> {
  const text = readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}
