// Search results: GET /api/search returns events, documents and actors in one list;
// each row links to the view that shows it.
import { api, type Actor, type DocumentSummary, type EventRecord } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { EventTable } from '../components/event-table.js';
import { ErrorLine, Loading } from '../components/status.js';

type Hit = (EventRecord | DocumentSummary | Actor) & { kind?: string; snippet?: string };

export function SearchView({ q }: { q: string }) {
  const res = useApi(() => (q ? api.search(q, 100) : Promise.resolve(null)), [q]);
  const hits = (res.data?.rows ?? []) as Hit[];
  const events = hits.filter((h): h is EventRecord & Hit => 'type' in h && 'sources' in h);
  const docs = hits.filter((h): h is DocumentSummary & Hit => 'title' in h && !('sources' in h));
  const actors = hits.filter((h): h is Actor & Hit => 'code' in h && !('sources' in h));
  return (
    <section className="view search-view">
      <h1>Search: {q}</h1>
      <ErrorLine error={res.error} />
      {res.loading && <Loading />}
      {res.data && (
        <>
          <p className="muted small">
            {res.data.total} results{res.data.truncated ? `, first ${hits.length} shown` : ''}
          </p>
          {actors.length > 0 && (
            <p>
              Actors:{' '}
              {actors.map((a) => (
                <Link key={a.code} to={href('/timeline', { actor: a.code })} className="chip">
                  {a.code} {a.name}
                </Link>
              ))}
            </p>
          )}
          {docs.length > 0 && (
            <ul className="doc-hits">
              {docs.map((d) => (
                <li key={d.id}>
                  <Link to={`/reader/${encodeURIComponent(d.id)}`}>{d.title || d.id}</Link> {d.snippet && <span className="muted">{d.snippet}</span>}
                </li>
              ))}
            </ul>
          )}
          {events.length > 0 && <EventTable events={events} />}
          {hits.length === 0 && <p className="muted">Nothing found.</p>}
        </>
      )}
    </section>
  );
}
