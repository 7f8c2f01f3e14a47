// Timeline view: events in date order across centuries, grouped by decade, filterable
// by type, modality, origin, actor and dates (kept in the URL so a view can be shared).
// Speculative and conditional events are dashed and italic; disputed ones are flagged.
import { useState, type FormEvent } from 'react';
import { api, type EventRecord } from '../api.js';
import { formatDate, isUncertain, MODALITIES, ORIGINS, PLOVER_TYPES } from '../format.js';
import { href, navigate, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { Actors, EventFlags, ModalityBadge, TypeBadge } from '../components/badges.js';
import { ErrorLine, Loading } from '../components/status.js';
import { ActorHeader } from '../components/actor-header.js';
import { eventsCsv } from '../csv.js';
import { YearStrip } from '../components/year-strip.js';
import { SourceLine } from '../components/source-line.js';
import { CountLine } from '../components/count-line.js';
import { resolveActorInput, unresolvedMessage } from '../actor-resolve.js';

const PAGE = 200;
const STATUSES = ['extracted', 'accepted', 'corrected', 'rejected'];

function list(q: URLSearchParams, k: string): string[] {
  return (q.get(k) ?? '').split(',').filter(Boolean);
}

export function TimelineView() {
  const loc = useLocation();
  const q = loc.query;
  const filter = {
    actor: q.get('actor') ?? '',
    with: q.get('with') ?? '',
    type: list(q, 'type'),
    modality: list(q, 'modality'),
    origin: list(q, 'origin'),
    status: list(q, 'status'),
    order: q.get('order') === 'desc' ? 'desc' : '',
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
  };
  const page = Number(q.get('page') ?? '0');
  const key = q.toString();
  // The API lists asserted events unless asked; the timeline shows every modality by default.
  const query = { ...filter, order: filter.order === 'desc' ? ('desc' as const) : undefined, modality: filter.modality.length ? filter.modality : MODALITIES, limit: PAGE, offset: page * PAGE };
  const data = useApi(() => (filter.actor ? api.timeline(query) : api.events(query)), [key]);
  const total = data.data ? (data.data.total ?? (data.data.truncated ? Infinity : data.data.rows.length)) : 0;
  const update = (patch: Record<string, string | string[]>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...filter, ...patch })) next[k] = Array.isArray(v) ? v.join(',') : v;
    navigate(href('/timeline', next), true);
  };

  return (
    <section className="view timeline-view">
      <div className="toolbar">
        <h1>Timeline</h1>
        <TextFilters key={[filter.actor, filter.with, filter.from, filter.to].join('|')} filter={filter} onApply={update} />
        <button type="button" className="sort" onClick={() => update({ order: filter.order === 'desc' ? '' : 'desc', page: '' })} aria-label="sort by date">
          {filter.order === 'desc' ? 'newest first ↓' : 'oldest first ↑'}
        </button>
      </div>
      {filter.actor && (
        <CountLine
          what="Counted on charts"
          scope={{ actor: filter.actor, with: filter.with || undefined, from: filter.from || undefined, to: filter.to || undefined, origin: filter.origin, modality: filter.modality.length ? filter.modality : undefined }}
        />
      )}
      {filter.actor && <ActorHeader code={filter.actor.toUpperCase()} other={filter.with.toUpperCase()} />}
      {/* The strip reads every event of the actor: asked for once the list is shown, so the list does not wait behind it. */}
      {filter.actor && data.data && (
        <YearStrip
          actor={filter.actor.toUpperCase()}
          other={filter.with.toUpperCase()}
          modality={filter.modality.length ? filter.modality : MODALITIES}
          origin={filter.origin}
          onYear={(y) => update({ from: y, to: y })}
        />
      )}
      <div className="filters">
        <Chips label="type" all={[...PLOVER_TYPES]} on={filter.type} onChange={(v) => update({ type: v })} />
        <Chips label="modality" all={MODALITIES} on={filter.modality} onChange={(v) => update({ modality: v })} />
        <Chips label="origin" all={[...ORIGINS]} on={filter.origin} onChange={(v) => update({ origin: v })} />
        <Chips label="status" all={STATUSES} on={filter.status} onChange={(v) => update({ status: v })} />
      </div>
      <ErrorLine error={data.error} />
      {data.loading && !data.data && <Loading what="events" />}
      {data.data && (
        <>
          <p className="muted small count">
            {Number.isFinite(total) ? total : 'more than 100,000'} events{total > PAGE && `, ${page * PAGE + 1}–${page * PAGE + data.data.rows.length} shown`}{' '}
            {data.data.rows.length > 0 && (
              <button type="button" className="linklike" onClick={() => download('entente-events.csv', eventsCsv(data.data!.rows))}>
                download these as CSV
              </button>
            )}
          </p>
          <Timeline events={data.data.rows} />
          <div className="pager">
            {page > 0 && (
              <button type="button" onClick={() => navigate(href('/timeline', { ...Object.fromEntries(q), page: page - 1 }), true)}>
                ← earlier
              </button>
            )}
            {(page + 1) * PAGE < total && (
              <button type="button" onClick={() => navigate(href('/timeline', { ...Object.fromEntries(q), page: page + 1 }), true)}>
                later →
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function TextFilters({ filter, onApply }: { filter: { actor: string; with: string; from: string; to: string }; onApply: (p: Record<string, string>) => void }) {
  const [f, setF] = useState(filter);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Names resolve to codes through the registry; an unknown actor is named, with suggestions.
    const [a, w] = await Promise.all([resolveActorInput(f.actor), resolveActorInput(f.with)]);
    const bad = [a, w].find((r) => r && !r.ok);
    if (bad && !bad.ok) return setProblem(unresolvedMessage(bad));
    setProblem(null);
    onApply({ actor: a?.ok ? a.code : '', with: w?.ok ? w.code : '', from: f.from.trim(), to: f.to.trim() });
  };
  return (
    <form className="inline" onSubmit={(e) => void submit(e)}>
      {problem && <span className="error small" role="alert">{problem}</span>}
      <input value={f.actor} onChange={(e) => setF({ ...f, actor: e.target.value })} placeholder="actor" aria-label="actor" className="actor-input" />
      <input value={f.with} onChange={(e) => setF({ ...f, with: e.target.value })} placeholder="with" aria-label="with actor" className="actor-input" />
      <input value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} placeholder="from (1950)" aria-label="from" className="date-input" />
      <input value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} placeholder="to (2024-12)" aria-label="to" className="date-input" />
      <button type="submit">Filter</button>
    </form>
  );
}

function Chips({ label, all, on, onChange }: { label: string; all: readonly string[]; on: string[]; onChange: (v: string[]) => void }) {
  const toggle = (x: string) => onChange(on.includes(x) ? on.filter((y) => y !== x) : [...on, x]);
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label">{label}</span>
      {all.map((x) => (
        <button key={x} type="button" className={`chip${on.includes(x) ? ' on' : ''}`} aria-pressed={on.includes(x)} onClick={() => toggle(x)}>
          {x}
        </button>
      ))}
      {on.length > 0 && (
        <button type="button" className="chip clear" onClick={() => onChange([])}>
          all
        </button>
      )}
    </div>
  );
}

function decadeOf(e: EventRecord): string {
  if (!e.date) return 'undated';
  const y = Number(e.date.start.slice(0, e.date.start.startsWith('-') ? 5 : 4));
  return `${Math.floor(y / 10) * 10}s`;
}

function Timeline({ events }: { events: EventRecord[] }) {
  const groups: Array<{ decade: string; events: EventRecord[] }> = [];
  // The server sorts undated events first; on a timeline they read better at the end.
  const ordered = [...events.filter((e) => e.date), ...events.filter((e) => !e.date)];
  for (const e of ordered) {
    const d = decadeOf(e);
    if (groups.length === 0 || groups[groups.length - 1].decade !== d) groups.push({ decade: d, events: [] });
    groups[groups.length - 1].events.push(e);
  }
  if (events.length === 0) return <p className="muted">No events match.</p>;
  return (
    <ol className="timeline">
      {groups.map((g, gi) => (
        <li key={g.decade + gi} className="decade">
          <h2 className="decade-label">{g.decade}</h2>
          <ol>
            {g.events.map((e) => (
              <li key={e.id} className={`tl-event${isUncertain(e.modality) ? ' uncertain' : ''}${e.modality === 'negated' ? ' negated' : ''}${e.disputed ? ' disputed' : ''}`} data-event-id={e.id}>
                <span className="tl-date">{formatDate(e.date)}</span>
                <span className="tl-body">
                  <TypeBadge type={e.type} /> <Actors codes={e.sources} /> → <Actors codes={e.targets} />
                  {e.mode && <span className="mode"> · {e.mode}</span>}{' '}
                  <SourceLine event={e} />{' '}
                  <Link to={`/events/${encodeURIComponent(e.id)}`} className="open">
                    open
                  </Link>
                </span>
                <span className="tl-flags">
                  <ModalityBadge modality={e.modality} />
                  <EventFlags event={e} />
                  {e.mentionCount > 1 && <span className="badge count">{e.mentionCount} mentions</span>}
                </span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** Save text as a file; a blob link needs no server round trip and no inline script. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
