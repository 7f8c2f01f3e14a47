// Search results: GET /api/search finds the actors a query names (each links to its
// timeline) and documents and mentions (full-text: every word, "a phrase", a OR b); each
// text hit links to its sentence in the Reader and, for a mention, to its event.
import { api } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';

export function SearchView({ q }: { q: string }) {
  const res = useApi(() => (q ? api.search(q, 100) : Promise.resolve(null)), [q]);
  const named = useApi(() => (q ? api.searchActors(q) : Promise.resolve(null)), [q]);
  const actors = named.data?.actors ?? [];
  const hits = res.data?.rows ?? [];
  return (
    <section className="view search-view">
      <h1>Search: {q}</h1>
      <ErrorLine error={res.error} />
      {res.loading && <Loading />}
      {res.data && (
        <>
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
          <p className="muted small">
            {res.data.total ?? 'many'} passages in documents{res.data.truncated ? `, first ${hits.length} shown` : ''}. Every word must match; use "quotes" for a phrase and OR for either.
          </p>
          <ul className="hits">
            {hits.map((h, i) => (
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
            ))}
          </ul>
          {hits.length === 0 && <p className="muted">{actors.length ? 'No document text matches.' : 'Nothing found.'}</p>}
        </>
      )}
    </section>
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
