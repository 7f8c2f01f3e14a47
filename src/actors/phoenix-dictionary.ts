// Reads a TABARI/PETRARCH actor dictionary (the Phoenix format: `NAME_` entries,
// `+SYNONYM` lines, tab-indented `[CODE date-restriction]` lines) into plain records.
// Used to cross-check the registry's terms of office; dates are YYMMDD or YYYYMMDD.

export interface PhoenixCode { code: string; from: string | null; to: string | null }
export interface PhoenixEntry { line: number; names: string[]; codes: PhoenixCode[] }

/** "480909" → "1948-09-09", "080507" → "2008-05-07", "19300415" → "1930-04-15". */
export function phoenixDate(s: string): string {
  const full = s.length === 6 ? `${Number(s.slice(0, 2)) < 30 ? '20' : '19'}${s}` : s;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

function parseCode(body: string): PhoenixCode | null {
  const m = /^([A-Z0-9]+)\s*(.*)$/.exec(body.trim());
  if (!m) return null;
  const [, code, r] = m;
  const rest = r.trim();
  if (rest === '') return { code, from: null, to: null };
  let x: RegExpExecArray | null;
  if ((x = /^>\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: phoenixDate(x[1]), to: null };
  if ((x = /^<\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: null, to: phoenixDate(x[1]) };
  if ((x = /^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: phoenixDate(x[1]), to: phoenixDate(x[2]) };
  return null;
}

/** Normalises a dictionary phrase or a registry name for comparison: "KIM_JONG-UN_" ≡ "Kim Jong-un". */
export function phoenixKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function parsePhoenix(text: string): PhoenixEntry[] {
  const out: PhoenixEntry[] = [];
  let cur: PhoenixEntry | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && line.trim().startsWith('[')) {
      const m = /\[([^\]]*)\]/.exec(line);
      const c = m && parseCode(m[1]);
      if (cur && c) cur.codes.push(c);
    } else if (line.startsWith('+')) {
      cur?.names.push(phoenixKey(line.slice(1)));
    } else {
      const m = /^([^[]+?)\s*(?:\[([^\]]*)\])?\s*$/.exec(line.trim());
      if (!m) continue;
      // Some blocks list synonyms without the '+' ("LEONID_ILYICH_BREZHNEV" under
      // "LEONID_BREZHNEV_"): a name line before any code line continues the entry.
      if (cur && cur.codes.length === 0 && !m[2]) { cur.names.push(phoenixKey(m[1])); continue; }
      cur = { line: i + 1, names: [phoenixKey(m[1])], codes: [] };
      const c = m[2] ? parseCode(m[2]) : null;
      if (c) cur.codes.push(c);
      out.push(cur);
    }
  }
  return out;
}
