// Cuts a document's text into runs at every mention boundary, so overlapping mentions
// (two events in one sentence, a clause inside a sentence) each keep their highlight.
// Offsets are UTF-16 code units, as the API gives them; bad offsets are dropped, not fatal.

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Run<S extends Span> {
  start: number;
  end: number;
  text: string;
  /** The mentions covering this run, shortest first (the most specific one opens on click). */
  spans: S[];
}

export function segment<S extends Span>(text: string, spans: readonly S[]): Run<S>[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run<S>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start === end) continue;
    const covering = valid.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    const prev = runs[runs.length - 1];
    // Merge neighbours covered by exactly the same mentions, so the DOM stays small.
    if (prev && sameIds(prev.spans, covering)) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else runs.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return runs;
}

function sameIds(a: Span[], b: Span[]): boolean {
  return a.length === b.length && a.every((s) => b.some((t) => t.id === s.id));
}
