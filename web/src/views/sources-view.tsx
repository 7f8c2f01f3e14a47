// Followed sources (admins): each with its schedule, last and next fetch, items added and
// last error; pause, resume, remove, and a form to follow a new one. `entente serve --follow`
// or `entente follow` does the polling; this page only configures and shows it.
import { useEffect, useState, type FormEvent } from 'react';
import { api, type Source, type SourceSpec } from '../api.js';
import { useApi } from '../use-api.js';
import { ErrorLine, Loading } from '../components/status.js';

const KINDS: Array<{ kind: Source['kind']; label: string; target: string }> = [
  { kind: 'feed', label: 'RSS/Atom feed', target: 'https://example.org/news.rss' },
  { kind: 'page', label: 'web page', target: 'https://example.org/article' },
  { kind: 'gdelt', label: 'GDELT 2.0 updates', target: 'default: http://data.gdeltproject.org/gdeltv2/' },
  { kind: 'acled', label: 'ACLED release folder', target: '/data/acled' },
  { kind: 'icews', label: 'ICEWS release folder', target: '/data/icews' },
];

const when = (t: string | null) => (t ? t.replace('T', ' ').slice(0, 19) : '—');

function every(s: number): string {
  for (const [u, n] of [['d', 86400], ['h', 3600], ['m', 60]] as const) if (s % n === 0) return `${s / n}${u}`;
  return `${s}s`;
}

function status(s: Source): string {
  if (s.paused) return 'paused';
  return s.failures ? `backing off (${s.failures} failure${s.failures > 1 ? 's' : ''})` : 'ok';
}

export function SourcesView() {
  const [tick, setTick] = useState(0);
  const list = useApi(() => api.sources(), [tick]);
  const [actionError, setActionError] = useState<Error | null>(null);
  // The follower updates sources as it polls: look again every 10 seconds.
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 10_000);
    return () => clearInterval(t);
  }, []);
  const act = (f: () => Promise<unknown>) => () => {
    setActionError(null);
    f().then(() => setTick((n) => n + 1), (e: Error) => setActionError(e));
  };
  const rows = list.data?.rows ?? [];
  return (
    <section className="view sources-view">
      <div className="toolbar">
        <h1>Sources</h1>
        <span className="muted small">polled by <code>entente serve --follow</code> or <code>entente follow</code></span>
      </div>
      <AddSource onAdded={() => setTick((n) => n + 1)} />
      <ErrorLine error={list.error ?? actionError} />
      {list.loading && !list.data && <Loading />}
      {list.data && rows.length === 0 && <p className="muted">No sources yet.</p>}
      {rows.length > 0 && (
        <table className="compact sources" data-testid="sources">
          <thead>
            <tr>
              <th>source</th>
              <th>every</th>
              <th>status</th>
              <th>last fetch</th>
              <th>next fetch</th>
              <th>items added</th>
              <th>last error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-source={s.id}>
                <td>
                  <strong>{s.kind}</strong> {s.label ? `${s.label} — ` : ''}
                  <span className="muted small">{s.target}</span>
                </td>
                <td>{every(s.everySeconds)}</td>
                <td className={s.failures ? 'error' : ''}>{status(s)}</td>
                <td className="muted">{when(s.lastFetchAt)}</td>
                <td className="muted">{s.paused ? '—' : s.nextFetchAt ? when(s.nextFetchAt) : 'now'}</td>
                <td>{s.itemsAdded}</td>
                <td className="small">{s.lastError ? `${when(s.lastErrorAt)}: ${s.lastError}` : '—'}</td>
                <td>
                  {s.paused ? (
                    <button type="button" onClick={act(() => api.resumeSource(s.id))}>Resume</button>
                  ) : (
                    <button type="button" onClick={act(() => api.pauseSource(s.id))}>Pause</button>
                  )}{' '}
                  <button type="button" onClick={act(() => api.removeSource(s.id))}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddSource({ onAdded }: { onAdded: () => void }) {
  const [kind, setKind] = useState<Source['kind']>('feed');
  const [target, setTarget] = useState('');
  const [interval, setInterval_] = useState('');
  const [mentions, setMentions] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const spec: SourceSpec = { kind };
    if (target.trim()) spec.target = target.trim();
    if (interval.trim()) spec.every = interval.trim();
    if (kind === 'gdelt') spec.mentions = mentions;
    setBusy(true);
    setError(null);
    api.addSource(spec).then(
      () => {
        setTarget('');
        setBusy(false);
        onAdded();
      },
      (x: Error) => {
        setError(x);
        setBusy(false);
      },
    );
  };
  return (
    <form className="add-source" onSubmit={submit} aria-label="follow a source">
      <select value={kind} onChange={(e) => setKind(e.target.value as Source['kind'])} aria-label="kind">
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={KINDS.find((k) => k.kind === kind)!.target} aria-label="URL or folder" size={40} />
      <input value={interval} onChange={(e) => setInterval_(e.target.value)} placeholder="every (e.g. 10m)" aria-label="every" size={10} />
      {kind === 'gdelt' && (
        <label>
          <input type="checkbox" checked={mentions} onChange={(e) => setMentions(e.target.checked)} /> mentions too
        </label>
      )}
      <button type="submit" disabled={busy}>
        Follow
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
