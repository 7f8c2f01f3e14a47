// A document's publication date when the caller gives none: first a metadata line
// (front matter "date:" / "published:" / "publish date:"), then a "Month D, YYYY"
// dateline in the first lines, else the latest explicit full date in the text.
export interface PublishedGuess {
  published: string | null;
  from: 'metadata' | 'text' | 'none';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATELINE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g');

function iso(month: string, day: string, year: string): string | null {
  const m = MONTHS.findIndex((x) => x.startsWith(month.toLowerCase().slice(0, 3))) + 1;
  const d = Number(day);
  if (!m || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findPublished(text: string): PublishedGuess {
  const head = text.slice(0, 2000).split(/\r?\n/).slice(0, 15);
  for (const line of head) {
    const m = /^\s*(?:date|published|publish date|pubdate|publication date)\s*:\s*["']?(\d{4}-\d{2}-\d{2})/i.exec(line);
    if (m) return { published: m[1], from: 'metadata' };
  }
  for (const line of head.slice(0, 5)) {
    const m = new RegExp(DATELINE.source).exec(line);
    if (m) {
      const d = iso(m[1], m[2], m[3]);
      if (d) return { published: d, from: 'metadata' };
    }
  }
  let latest: string | null = null;
  for (const m of text.matchAll(DATELINE)) {
    const d = iso(m[1], m[2], m[3]);
    if (d && (!latest || d > latest)) latest = d;
  }
  return latest ? { published: latest, from: 'text' } : { published: null, from: 'none' };
}
