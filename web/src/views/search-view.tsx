// Search results: GET /api/search finds the actors a query names (each links to its
// timeline), events whose own record matches (title, notes, actor names, place, codes,
// source link: dataset events have no document), and passages in documents and mentions
// (full-text: every word, "a phrase", a OR b). Each kind is paged on its own; an event hit
// links to the event and to the page it cites, a text hit to its sentence in the Reader.
import { useState } from 'react';
import { api, type EventSearchHit, type SearchHit } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';
import { Actors, TypeBadge } from '../components/badges.js';
import { SourceLine } from '../components/source-line.js';
import { formatDate } from '../format.js';

const PAGE = 50;

export function SearchView({ q }: { q: string }) {
  const named = useApi(() => (q ? api.searchActors(q) : Promise.resolve(null)), [q]);
  const actors = named.data?.actors ?? [];
  return (
    <section className="view search-view">
      <h1>Search: {q}</h1>
      {actors.length > 0 && (
        <p className="actor-hits" data-testid="actor-hits">
          Actors:{' '}
          {actors.map((a) => (
            <Link key={a.code} to={href('/timeline', { actor: a.code })} className="chip">
              {a.name} ({a.code})
            </Link>
          ))}
        </p>
      )}
      <p className="muted small">Every word must match; use "quotes" for a phrase and OR for either.</p>
      <HitList key={`e:${q}`} q={q} kinds={['event']} label="events" testId="event-hits" what="Events whose title, notes, actor names, place, codes or source link match, most recently stored first." />
      <HitList key={`t:${q}`} q={q} kinds={['document', 'mention']} label="passages in documents" testId="text-hits" what="Documents and the sentences text events were read from, best match first." />
    </section>
  );
}

/** One kind of hit, a page at a time, with a button for the next page. */
function HitList({ q, kinds, label, testId, what }: { q: string; kinds: Array<SearchHit['kind']>; label: string; testId: string; what: string }) {
  const [offset, setOffset] = useState(0);
  const res = useApi(() => (q ? api.search(q, PAGE, offset, kinds) : Promise.resolve(null)), [q, offset]);
  const hits = res.data?.rows ?? [];
  const total = res.data?.total;
  return (
    <div className="hit-group" data-testid={testId}>
      <h2>
        {total ?? (res.data ? 'many' : '…')} {label}
      </h2>
      <p className="muted small">{what}</p>
      <ErrorLine error={res.error} />
      {res.loading && <Loading />}
      {res.data && hits.length === 0 && <p className="muted">No {label} match.</p>}
      {hits.length > 0 && (
        <ul className="hits">
          {hits.map((h, i) => (h.kind === 'event' ? <EventHitRow key={`e:${h.eventId}`} h={h} /> : (
            <li key={`${h.kind}:${h.mentionId ?? h.documentId}:${i}`}>
              <span className="badge origin">{h.kind}</span> <Link to={href(`/reader/${encodeURIComponent(h.documentId)}`, { mention: h.mentionId })}>{h.title || h.documentId}</Link>
              {h.eventId && (
                <>
                  {' · '}
                  <Link to={`/events/${encodeURIComponent(h.eventId)}`}>event</Link>
                </>
              )}
              <div className="snippet">
                <Snippet text={h.snippet} />
              </div>
            </li>
          )))}
        </ul>
      )}
      {res.data && (offset > 0 || res.data.truncated) && (
        <p className="pager">
          {offset > 0 && <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))}>← previous {PAGE}</button>}{' '}
          <span className="muted small">
            {offset + 1}–{offset + hits.length}
            {total !== null && total !== undefined ? ` of ${total}` : ''}
          </span>{' '}
          {res.data.truncated && <button type="button" onClick={() => setOffset(offset + PAGE)}>next {PAGE} →</button>}
        </p>
      )}
    </div>
  );
}

/** An event hit: its date (the link to the event), type, actors, origin, one-line summary and source link, then the match. */
function EventHitRow({ h }: { h: EventSearchHit }) {
  return (
    <li className="event-hit" data-event-id={h.eventId}>
      <Link to={`/events/${encodeURIComponent(h.eventId)}`} className="date">{formatDate(h.date)}</Link>{' '}
      <TypeBadge type={h.type} /> <Actors codes={h.sources} /> → <Actors codes={h.targets} />{' '}
      <span className={`badge origin origin-${h.origin}`}>{h.origin}</span>
      {h.status !== 'extracted' && <span className={`badge status ${h.status}`}>{h.status}</span>}{' '}
      <SourceLine event={{ summary: h.title, sourceUrl: h.sourceUrl, origin: h.origin }} />
      <div className="snippet">
        <Snippet text={h.snippet} />
      </div>
    </li>
  );
}

/** The server marks matched words with [brackets]; show them bold, as text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <>
      {parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <b key={i}>{p.slice(1, -1)}</b> : <span key={i}>{p}</span>))}
    </>
  );
}
