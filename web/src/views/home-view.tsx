// The landing page: what this database holds (documents, events by origin, the years it
// covers, the busiest actors and pairs) and where to start. Cheap on a large store: no analysis
// runs here; the pairs' counts are the all-time network's ties, read from the tie rollup.
import { api } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';
import type { Overview } from '../../../src/services/overview.js';

export function HomeView() {
  const o = useApi(() => api.overview(), []);
  return (
    <section className="view home-view">
      <h1>What this database holds</h1>
      <ErrorLine error={o.error} />
      {o.loading && !o.data && <Loading what="summary" />}
      {o.data && <Summary o={o.data} />}
      <div className="panel start-here">
        <h2>Start here</h2>
        <ol>
          <li>
            <Link to="/network">Network</Link>: who deals with whom: the busiest actors, their ties and blocs. Click a tie for the pair.
          </li>
          <li>
            <Link to="/dyad">Dyad</Link>: one pair over time: cooperation up, conflict down, and the shifts between them.
          </li>
          <li>
            <Link to="/timeline">Timeline</Link>: every event with its source; filter by actor, type, dates, origin or status.
          </li>
          <li>
            <Link to="/ingest">Ingest</Link> an article to add its events, then read it with every event highlighted in the <Link to="/reader">Reader</Link>.
          </li>
        </ol>
      </div>
    </section>
  );
}

function Summary({ o }: { o: Overview }) {
  const origins = Object.entries(o.byOrigin);
  return (
    <div data-testid="overview">
      <p>
        <strong>{o.events.toLocaleString('en')}</strong> events and <strong>{o.documents.toLocaleString('en')}</strong> ingested documents
        {o.years && (
          <>
            , dated {o.years.from.slice(0, 4)} to {o.years.to.slice(0, 4)}
          </>
        )}
        .{' '}
        {origins.length > 0 && (
          <span className="muted">
            By origin:{' '}
            {origins.map(([k, v], i) => (
              <span key={k}>
                {i > 0 && ', '}
                <Link to={href('/timeline', { origin: k })}>{k}</Link> {v === null ? 'many' : v.toLocaleString('en')}
              </span>
            ))}
            .
          </span>
        )}
      </p>
      {o.busiestActors.length > 0 && (
        <p>
          Busiest actors:{' '}
          {o.busiestActors.map((a) => (
            <Link key={a.code} to={href('/timeline', { actor: a.code })} className="chip">
              {a.name ?? a.code} ({a.events.toLocaleString('en')})
            </Link>
          ))}
        </p>
      )}
      {o.busiestDyads.length > 0 && (
        <p data-testid="busiest-dyads">
          Busiest pairs (asserted events, all time):{' '}
          {o.busiestDyads.slice(0, 8).map((d) => (
            <Link key={`${d.a}|${d.b}`} to={href('/dyad', { a: d.a, b: d.b, by: 'year' })} className="chip">
              {d.a} – {d.b} ({d.events.toLocaleString('en')})
            </Link>
          ))}
        </p>
      )}
    </div>
  );
}
