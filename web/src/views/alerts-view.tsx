// Alerts view: watchlists of dyads (add, remove) and the alerts they raised, kept live
// by an EventSource on /api/alerts/stream (token in the query: EventSource sends no headers).
import { useEffect, useState, type FormEvent } from 'react';
import { alertStreamUrl, api, feedUrl, type Alert, type WatchView } from '../api.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';

export function AlertsView() {
  const { canEdit } = useSession();
  const watches = useApi(() => api.watches(), []);
  const alerts = useApi(() => api.alerts(200), []);
  const [live, setLive] = useState<Alert[]>([]);
  const [streamState, setStreamState] = useState<'connecting' | 'live' | 'closed'>('connecting');

  useEffect(() => {
    const es = new EventSource(alertStreamUrl());
    es.onopen = () => setStreamState('live');
    es.onerror = () => setStreamState(es.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    const onAlert = (ev: MessageEvent<string>) => {
      try {
        const a = JSON.parse(ev.data) as Alert;
        if (a && typeof a === 'object') setLive((l) => (l.some((x) => x.id === a.id) ? l : [a, ...l].slice(0, 200)));
      } catch {
        // A malformed message is skipped; the next one may be fine.
      }
    };
    es.onmessage = onAlert;
    es.addEventListener('alert', onAlert as EventListener);
    return () => es.close();
  }, []);

  const stored = alerts.data?.rows ?? [];
  const all = [...live, ...stored.filter((a) => !live.some((l) => l.id === a.id))];

  return (
    <section className="view alerts-view">
      <div className="toolbar">
        <h1>Alerts</h1>
        <span className={`stream stream-${streamState}`} data-testid="stream-state">
          {streamState === 'live' ? '● live' : streamState === 'connecting' ? '○ connecting' : '○ offline'}
        </span>
        <a href={feedUrl()} className="small" title="a feed reader cannot send headers: this link carries the session's token; share it only with whom you would give the token">
          Atom feed
        </a>
      </div>
      <div className="alerts-layout">
        <div className="panel watches">
          <h2>Watchlist</h2>
          <ErrorLine error={watches.error} />
          {watches.loading && !watches.data && <Loading />}
          <WatchTable watches={watches.data?.rows ?? []} canEdit={canEdit} onChange={() => watches.reload()} />
          {canEdit ? <AddWatch onAdded={() => watches.reload()} /> : <p className="muted small">Editing watchlists needs an editor token.</p>}
        </div>
        <div className="alert-list">
          <h2>
            Alerts <span className="muted small">({alerts.data?.total ?? 0} stored{live.length ? `, ${live.length} new` : ''})</span>
          </h2>
          <ErrorLine error={alerts.error} />
          {all.length === 0 ? (
            <p className="muted">No alerts yet. A watch raises one when its dyad shifts past the threshold.</p>
          ) : (
            <ul className="alerts">
              {all.map((a) => (
                <li key={a.id} className={`alert-${a.kind}${live.some((l) => l.id === a.id) ? ' new' : ''}`}>
                  <div>
                    <span className={`badge ${a.kind === 'shift' ? 'disputed' : 'origin'}`}>{a.kind}</span> <strong>{a.title}</strong>{' '}
                    <span className="muted small">
                      {a.date ?? ''} · {dyadLink(a.dyad)} · raised {a.createdAt.replace('T', ' ').slice(0, 16)}
                      {a.delivery !== 'none' && ` · webhook ${a.delivery}`}
                    </span>
                  </div>
                  <div className="small">{a.summary}</div>
                  {eventIdOf(a) && (
                    <Link to={`/events/${encodeURIComponent(eventIdOf(a)!)}`} className="small">
                      open event
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** An event alert carries the event it is about. */
function eventIdOf(a: Alert): string | null {
  const e = a.data.event as { id?: unknown } | undefined;
  return e && (typeof e.id === 'string' || typeof e.id === 'number') ? String(e.id) : null;
}

/** "RUS-PRK" → a link to the dyad; "RUS-*" → the actor's timeline. */
function dyadLink(dyad: string) {
  const [a, b] = dyad.split('-');
  if (!a) return dyad;
  return b && b !== '*' ? <Link to={href('/dyad', { a, b })}>{dyad}</Link> : <Link to={href('/timeline', { actor: a })}>{dyad}</Link>;
}

function WatchTable({ watches, canEdit, onChange }: { watches: WatchView[]; canEdit: boolean; onChange: () => void }) {
  const [error, setError] = useState<Error | null>(null);
  if (watches.length === 0) return <p className="muted">No watches.</p>;
  const remove = async (id: string) => {
    setError(null);
    try {
      await api.deleteWatch(id);
      onChange();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <ErrorLine error={error} />
      <table className="compact">
        <thead>
          <tr>
            <th>dyad</th>
            <th className="num" title="alert on events with |intensity| at least this (0–10)">threshold</th>
            <th>webhook</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {watches.map((w) => (
            <tr key={w.id} data-watch={`${w.a}-${w.b ?? '*'}`}>
              <td>
                {w.b ? (
                  <Link to={href('/dyad', { a: w.a, b: w.b })}>
                    {w.a} – {w.b}
                  </Link>
                ) : (
                  <Link to={href('/timeline', { actor: w.a })}>{w.a} – everyone</Link>
                )}
                {w.label && <span className="muted small"> {w.label}</span>}
              </td>
              <td className="num">{w.threshold}</td>
              <td className="small" title={w.webhook ? undefined : 'the full URL is shown to admins only'}>{w.webhook ?? w.webhookHost ?? ''}</td>
              <td>
                {canEdit && (
                  <button type="button" className="linklike danger" onClick={() => remove(w.id)} aria-label={`remove watch ${w.a}-${w.b ?? '*'}`}>
                    remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function AddWatch({ onAdded }: { onAdded: () => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [threshold, setThreshold] = useState('');
  const [webhook, setWebhook] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const other = b.trim().toUpperCase();
      await api.addWatch({ a: a.trim().toUpperCase(), b: other && other !== '*' ? other : null, threshold: threshold ? Number(threshold) : undefined, webhook: webhook.trim() || undefined });
      setA('');
      setB('');
      setThreshold('');
      setWebhook('');
      onAdded();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="add-watch" onSubmit={submit}>
      <div className="inline">
        <input value={a} onChange={(e) => setA(e.target.value)} placeholder="A (RUS)" aria-label="watch actor A" className="actor-input" required />
        <input value={b} onChange={(e) => setB(e.target.value)} placeholder="B or *" aria-label="watch actor B" className="actor-input" />
        <input value={threshold} onChange={(e) => setThreshold(e.target.value)} placeholder="|intensity| ≥ 7" aria-label="threshold" className="threshold-input" inputMode="decimal" title="alert on events with |intensity| at least this (0–10); shifts always alert" />
      </div>
      <div className="inline">
        <input value={webhook} onChange={(e) => setWebhook(e.target.value)} placeholder="webhook URL (optional)" aria-label="webhook" className="wide" />
        <button type="submit">Add watch</button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
