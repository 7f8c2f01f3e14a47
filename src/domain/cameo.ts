// CAMEO event codes → PLOVER types, for the dataset importers.
// The table is data (data/cameo-plover.tsv, source cited in its header).
import { readFileSync } from 'node:fs';
import { isPloverType, type PloverType } from './plover.js';

export interface CameoMapping {
  type: PloverType;
  mode: string | null;
  context: string | null;
  label: string;
}

let table: Map<string, CameoMapping> | null = null;

function load(): Map<string, CameoMapping> {
  const text = readFileSync(new URL('./data/cameo-plover.tsv', import.meta.url), 'utf8');
  const map = new Map<string, CameoMapping>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('code\t')) continue;
    const [code, type, mode, context, label] = line.split('\t');
    if (!isPloverType(type)) throw new Error(`cameo-plover.tsv: bad PLOVER type ${type} for ${code}`);
    map.set(code, { type, mode: mode || null, context: context || null, label: label ?? '' });
  }
  return map;
}

/**
 * The PLOVER type of a CAMEO code ("042", "1031"), falling back to its 3- and 2-digit
 * prefixes. Codes are strings: "042" is not 42. Returns null for codes with no PLOVER
 * equivalent (public statements, 01x) and for malformed codes.
 */
export function cameoToPlover(code: string): CameoMapping | null {
  table ??= load();
  const c = code.trim();
  if (!/^\d{2,4}$/.test(c)) return null;
  for (let n = c.length; n >= 2; n--) {
    const hit = table.get(c.slice(0, n));
    if (hit) return hit;
  }
  return null;
}
