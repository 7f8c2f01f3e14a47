#!/usr/bin/env node
// Converts the PETRARCH CAMEO verb dictionary (CAMEO.2.0.txt, Open Event Data Alliance,
// MIT) into Entente's trigger format, through the CAMEO→PLOVER table of src/domain.
// Writes src/extract/triggers/data/cameo-verbs.tsv; the hand lexicon (triggers.tsv) is
// an overlay read after it. Run by hand when either input changes:
//   node scripts/convert-cameo-verbs.mjs [PATH/TO/CAMEO.2.0.txt]
// What is kept: every verb of a block with an event code (its own or the block's), and
// every pattern "- * WORDS [code]" whose words follow the verb; patterns with words
// before the verb (subjects) are left out, since Entente finds subjects itself.
// What is dropped is listed in data/cameo-verbs-skip.tsv (codes and verbs), with reasons.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ?? join(root, '..', 'shared', 'data', 'petrarch2-dictionaries', 'CAMEO.2.0.txt');
const out = join(root, 'src', 'extract', 'triggers', 'data', 'cameo-verbs.tsv');
const skipFile = join(root, 'src', 'extract', 'triggers', 'data', 'cameo-verbs-skip.tsv');

const tsv = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const plover = new Map(tsv(join(root, 'src', 'domain', 'data', 'cameo-plover.tsv')).slice(1)
  .map((l) => l.split('\t')).map(([code, type]) => [code, type]));
const toPlover = (code) => {
  for (let n = code.length; n >= 2; n--) { const t = plover.get(code.slice(0, n)); if (t) return t; }
  return null;
};
const skip = tsv(skipFile).slice(1).map((l) => l.split('\t'));
const skipCodes = skip.filter(([k]) => k === 'code').map(([, v]) => v);
const skipVerbs = new Set(skip.filter(([k]) => k === 'verb').map(([, v]) => v.toLowerCase()));
const skipSingle = new Set(skip.filter(([k]) => k === 'single').map(([, v]) => v.toLowerCase()));
const skippedCode = (code) => skipCodes.some((p) => code.startsWith(p));
const skipPatternCodes = skip.filter(([k]) => k === 'pattern-code').map(([, v]) => v);

const FUNCTION_WORDS = new Set(['to', 'with', 'on', 'in', 'at', 'by', 'for', 'from', 'of', 'into', 'against', 'over', 'about', 'near', 'off', 'out', 'up', 'down', 'as', 'the', 'a', 'an', 'back', 'away', 'through', 'under', 'between', 'toward', 'towards', 'upon', 'across', 'after', 'before', 'around', 'behind', 'among', 'within', 'without', 'that', 'it', 'them', 'him', 'her', 'their', 'its', 'his']);
const lines = readFileSync(input, 'utf8').split('\n').map((l) => l.replace(/#.*$/, '').replace(/\s+$/, ''));

// Synonym sets: &NAME then +word lines. A trailing "_" stops plurals.
const synsets = new Map();
for (let i = 0; i < lines.length; i++) {
  const m = /^&(\w+)$/.exec(lines[i].trim());
  if (!m || lines[i].startsWith('-')) continue;
  const noPlural = m[1].endsWith('_');
  const words = [];
  for (let j = i + 1; j < lines.length && lines[j].startsWith('+'); j++) words.push(phrase(lines[j].slice(1), !noPlural));
  synsets.set(m[1], words.flat());
}


/** A dictionary phrase (A_B, C_) as lower-case alternatives, with a regular plural. */
function phrase(raw, plural = true) {
  const stop = raw.endsWith('_') || FUNCTION_WORDS.has(raw.toLowerCase());
  const words = raw.replace(/_+$/, '').split('_').filter(Boolean).map((w) => w.toLowerCase());
  if (!words.length || words.some((w) => !/^[a-z][a-z'.-]*$/.test(w))) return [];
  const base = words.join(' ');
  if (!plural || stop) return [base];
  const last = words.at(-1);
  const pl = /ss$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : /s$/.test(last) ? last : `${last}s`;
  return [base, [...words.slice(0, -1), pl].join(' ')];
}

/** The event code of "[123]", "[062:062]", "[:173]"; null for "---" or none. */
function codeOf(s) {
  const m = /\[([^\]]*)\]/.exec(s);
  if (!m) return undefined;
  const c = m[1].split(':').find((x) => /^\d{2,4}$/.test(x.trim()));
  return c ? c.trim() : null;
}

/** Pattern words after the verb as Entente slots: literal alternatives, classes, gaps. */
function slots(rest) {
  const out = [];
  const tokens = rest.replace(/[()]/g, ' ').match(/\{[^}]*\}|\S+/g) ?? [];
  for (const t of tokens) {
    if (t === '+' || t === '$' || t === '%' || t === '^' || t === '*') continue;
    if (t.startsWith('{')) {
      const words = t.slice(1, -1).trim().split(/\s+/);
      const alts = words.map((w, k) => (w.startsWith('&') ? synsets.get(w.slice(1).replace(/_$/, '')) : k === words.length - 1 ? phrase(w.replace(/^\+/, '')) : phrase(w.replace(/^\+/, ''), false)));
      if (alts.some((a) => !a || !a.length)) return null;
      for (const a of alts) out.push(a);
      continue;
    }
    if (t.startsWith('&')) {
      const set = synsets.get(t.slice(1).replace(/_$/, ''));
      if (!set) return null;
      out.push(set);
      continue;
    }
    const alts = phrase(t.replace(/^\+/, ''));
    if (!alts.length) return null;
    out.push(alts);
  }
  // Multi-word alternatives cannot be one slot: keep single words only.
  const single = out.map((alts) => [...new Set(alts.filter((a) => !a.includes(' ')))]);
  if (single.some((a) => !a.length)) return null;
  return single;
}

const rows = new Map();
const add = (pattern, type, code, block) => {
  if (!rows.has(pattern)) rows.set(pattern, { pattern, type, code, block });
};

let block = null;
for (const line of lines) {
  const head = /^---\s+(.+?)\s+\[([^\]]*)\]\s+---/.exec(line);
  if (head) { block = { name: head[1], code: codeOf(`[${head[2]}]`), verbs: [] }; continue; }
  if (!block || !line.trim()) continue;
  if (line.startsWith('- ')) {
    const code = codeOf(line);
    const body = line.slice(2).replace(/\[[^\]]*\].*$/, '').trim();
    const star = body.indexOf('*');
    if (!code || star < 0 || body.slice(0, star).replace(/[+$%^]/g, '').trim()) continue;
    const type = toPlover(code);
    if (!type || skippedCode(code) || skipPatternCodes.some((p) => code.startsWith(p))) continue;
    const s = slots(body.slice(star + 1));
    // A pattern of function words alone ("* (WITH)") needs a parse to mean anything.
    if (!s || !s.length || s.every((alts) => alts.every((w) => FUNCTION_WORDS.has(w)))) continue;
    for (const v of block.verbs) add(`${v} * ${s.map((a) => a.join('|')).join(' ')}`, type, code, block.name);
    continue;
  }
  if (/^[+A-Z]/.test(line)) {
    const word = line.trim().split(/\s+/)[0];
    if (word.includes('_') && !word.includes('+')) continue; // a noun phrase, not a verb
    const parts = word.replace(/\+/, '').split('_').map((w) => w.toLowerCase());
    const verbAt = Math.max(0, word.split('_').findIndex((w) => w.startsWith('+')));
    if (verbAt !== 0 || parts.some((w) => !/^[a-z-]+$/.test(w))) continue; // "WIRE_+TAP": verb not first
    const verb = parts.join(' ');
    if (skipVerbs.has(parts[0])) continue;
    block.verbs.push(verb);
    const own = codeOf(line.replace(/\{[^}]*\}/, ''));
    // A verb with a code of its own, or the block's head verb, is an event on its own; the
    // block's other verbs (WordNet synonyms) only through the block's patterns.
    const code = own === undefined ? (verb === block.name.toLowerCase() ? block.code : null) : own;
    const type = code ? toPlover(code) : null;
    if (type && !skippedCode(code) && !skipSingle.has(verb)) add(verb, type, code, block.name);
  }
}

const header = `# GENERATED by scripts/convert-cameo-verbs.mjs — do not edit; edit triggers.tsv (the overlay) or
# cameo-verbs-skip.tsv and rerun the script.
# Source: CAMEO.2.0.txt, the PETRARCH CAMEO verb pattern dictionary (Open Event Data Alliance,
# last update 30 April 2015; MIT licence), CAMEO codes mapped to PLOVER types through
# src/domain/data/cameo-plover.tsv (CAMEO2PLOVER-2021). One row per verb and per pattern
# "verb * words"; cameo is the code, block the dictionary's verb block.
pattern\ttype\tmode\tpos\tpreps\tmodality\tcameo\tblock
`;
const body = [...rows.values()].sort((a, b) => a.pattern.localeCompare(b.pattern))
  .map((r) => `${r.pattern}\t${r.type}\t\tverb\t\t${r.code.startsWith('03') ? 'intended' : ''}\t${r.code}\t${r.block}`).join('\n');
writeFileSync(out, `${header}${body}\n`);
console.log(`wrote ${rows.size} rows to ${out}`);
