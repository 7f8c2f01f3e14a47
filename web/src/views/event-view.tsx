// Event view: one event with every sentence that states it (in every document, each
// linking back into the Reader), the versions of a disputed event, and, for editors,
// the curation controls: accept, reject, correct, merge with other events, split mentions off.
import { useState, type FormEvent, type ReactNode } from 'react';
import { changeSummary } from '../change-summary.js';
import { api, type EventDetail, type Modality, type PloverType } from '../api.js';
import { formatDate, isUncertain, MODALITIES, PLOVER_TYPES } from '../format.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { Actors, EventFlags, ModalityBadge, TypeBadge } from '../components/badges.js';
import { ErrorLine, Loading } from '../components/status.js';
import { safeUrl } from '../safe-url.js';

export function EventView({ id }: { id: string }) {
  const ev = useApi(() => api.event(id), [id]);
  const { canEdit } = useSession();
  if (ev.error) return <ErrorLine error={ev.error} />;
  if (!ev.data) return <Loading what="event" />;
  const e = ev.data;
  return (
    <section className={`view event-view${isUncertain(e.modality) ? ' uncertain' : ''}`} data-event-id={e.id}>
      <header className="event-head">
        <h1>
          <TypeBadge type={e.type} /> <Actors codes={e.sources} /> → <Actors codes={e.targets} />
        </h1>
        <p className="event-meta">
          <span>{formatDate(e.date)}</span>
          {e.dateKind === 'report' && <span className="muted"> (date reported)</span>} · <ModalityBadge modality={e.modality} /> <EventFlags event={e} />
          {e.mode && <span> · mode {e.mode}</span>} · intensity {e.intensity > 0 ? '+' : ''}
          {e.intensity} · {e.mentionCount} mention{e.mentionCount === 1 ? '' : 's'}
          {e.location?.name && <> · {e.location.name}</>}
        </p>
        <SourceNote attrs={e.attrs} sourceUrl={e.sourceUrl} />
        {e.sources.length > 0 && e.targets.length > 0 && (
          <p className="small">
            <Link to={href('/dyad', { a: e.sources[0], b: e.targets[0] })}>
              dyad {e.sources[0]} – {e.targets[0]}
            </Link>{' '}
            · <Link to={href('/timeline', { actor: e.sources[0] })}>timeline of {e.sources[0]}</Link>
          </p>
        )}
      </header>
      {canEdit ? <Curation event={e} onChange={ev.reload} /> : <p className="muted small read-only">Read-only: curation needs an editor token.</p>}
      <Mentions event={e} />
      {e.disputed && <Versions event={e} />}
      <Attributes attrs={e.attrs} />
      {canEdit && <History id={e.id} version={`${e.status}:${e.mentionCount}:${e.type}:${e.modality}:${e.date?.start ?? ''}`} />}
    </section>
  );
}

/** Curated and dataset events carry their own title and source page (GDELT's SOURCEURL, the reference's link). */
function SourceNote({ attrs, sourceUrl }: { attrs: Record<string, unknown>; sourceUrl: string | null }) {
  const title = typeof attrs?.title === 'string' ? attrs.title : null;
  const cited = sourceUrl ?? (typeof attrs?.url === 'string' ? attrs.url : null);
  const url = cited ? safeUrl(cited) : undefined;
  if (!title && !url) return null;
  return (
    <p className="source-note">
      {title}
      {url && (
        <>
          {title && ' · '}
          <a className="source-link" href={url} rel="noopener noreferrer nofollow" target="_blank" title={cited ?? undefined}>
            source
          </a>
        </>
      )}
    </p>
  );
}

function Mentions({ event }: { event: EventDetail }) {
  if (event.mentions.length === 0) return <p className="muted">This event comes from a dataset ({event.origin}); it has no sentence.</p>;
  return (
    <div className="mentions">
      <h2>Sentences ({event.mentions.length})</h2>
      <ol>
        {event.mentions.map((m) => (
          <li key={m.id} className={m.modality && isUncertain(m.modality) ? 'uncertain' : ''}>
            <blockquote>{m.sentence}</blockquote>
            <p className="small">
              <Link to={href(`/reader/${encodeURIComponent(m.documentId)}`, { mention: m.id })} className="to-reader">
                {m.documentTitle || m.documentId}
              </Link>{' '}
              <span className="muted">
                chars {m.start}–{m.end}
              </span>{' '}
              {m.modality && <ModalityBadge modality={m.modality} />} {m.date && <span className="muted">{formatDate(m.date)}</span>}
            </p>
            <p className="small muted mention-trace">
              {m.source.name} ({m.source.code}
              {m.source.role ? ` ${m.source.role}` : ''}) → {m.target ? `${m.target.name} (${m.target.code}${m.target.role ? ` ${m.target.role}` : ''})` : '—'}
              {m.attribution && ` · according to ${m.attribution.name}${m.attribution.code ? ` (${m.attribution.code})` : ''}`} · confidence {m.confidence.toFixed(2)}
              {m.rule && ` · rule ${m.rule}`}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Versions({ event }: { event: EventDetail }) {
  const versions = event.versions ?? [];
  return (
    <div className="versions panel">
      <h2>Disputed: the mentions disagree</h2>
      {versions.length === 0 ? (
        <p className="muted">The server gave no versions.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th>date</th>
              <th>source → target</th>
              <th>modality</th>
              <th className="num">mentions</th>
              <th>documents</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={i}>
                <td>{formatDate(v.date)}</td>
                <td>
                  <Actors codes={v.sources} /> → <Actors codes={v.targets} />
                </td>
                <td>
                  <ModalityBadge modality={v.modality} />
                </td>
                <td className="num">{v.mentionIds.length}</td>
                <td>
                  {v.documents.map((d, j) => (
                    <span key={d.id}>
                      {j > 0 && ', '}
                      <Link to={`/reader/${encodeURIComponent(d.id)}`}>{d.title || d.id}</Link>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Attributes({ attrs }: { attrs: Record<string, unknown> }) {
  const entries = Object.entries(attrs ?? {});
  if (entries.length === 0) return null;
  return (
    <details className="attrs">
      <summary>Dataset fields ({entries.length})</summary>
      <dl className="kv">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function codes(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
}

function Curation({ event, onChange }: { event: EventDetail; onChange: () => void }) {
  const [error, setError] = useState<Error | null>(null);
  const [note, setNote] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  // One reason for whatever the editor does next; it goes into the audit log with the change.
  const [reason, setReason] = useState('');
  const why = reason.trim() || undefined;
  const act: Act = async (what, f, after) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const r = await f();
      setNote(after ? after(r) ?? what : what);
      setReason('');
      onChange();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="curation panel" aria-label="curation">
      <div className="curation-actions">
        <strong>Curate</strong>
        <label className="reason">
          reason <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why (kept in the audit log)" aria-label="reason" maxLength={1000} />
        </label>
        <button type="button" className="accept" disabled={busy || event.status === 'accepted'} onClick={() => void act('Accepted.', () => api.accept(event.id, why))}>
          Accept
        </button>
        <button type="button" className="reject danger" disabled={busy || event.status === 'rejected'} onClick={() => void act('Rejected: hidden from every list.', () => api.reject(event.id, why))}>
          Reject
        </button>
        {note && <span className="note">{note}</span>}
      </div>
      <ErrorLine error={error} />
      <CorrectForm key={JSON.stringify([event.id, event.type, event.sources, event.targets, event.date, event.modality])} event={event} busy={busy} onSubmit={(patch) => void act('Corrected: re-extraction will not overwrite it.', () => api.correct(event.id, { ...patch, ...(why ? { reason: why } : {}) }))} />
      <MergeSplit event={event} busy={busy} act={act} />
    </div>
  );
}

type Patch = { type?: PloverType; sources?: string[]; targets?: string[]; date?: { start: string; end: string; granularity: 'day' | 'month' | 'year' | 'decade' | 'range' } | null; modality?: Modality };

function CorrectForm({ event, busy, onSubmit }: { event: EventDetail; busy: boolean; onSubmit: (p: Patch) => void }) {
  const [type, setType] = useState<string>(event.type);
  const [sources, setSources] = useState(event.sources.join(', '));
  const [targets, setTargets] = useState(event.targets.join(', '));
  const [start, setStart] = useState(event.date?.start ?? '');
  const [end, setEnd] = useState(event.date?.end ?? '');
  const [modality, setModality] = useState<string>(event.modality);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch: Patch = {};
    if (type !== event.type) patch.type = type as PloverType;
    if (sources !== event.sources.join(', ')) patch.sources = codes(sources);
    if (targets !== event.targets.join(', ')) patch.targets = codes(targets);
    if (start !== (event.date?.start ?? '') || end !== (event.date?.end ?? '')) {
      const s = start.trim();
      const t = end.trim() || s;
      patch.date = s ? { start: s, end: t, granularity: granularity(s, t) } : null;
    }
    if (modality !== event.modality) patch.modality = modality as Modality;
    if (Object.keys(patch).length) onSubmit(patch);
  };
  return (
    <form className="correct inline" onSubmit={submit} aria-label="correct">
      <label>
        type{' '}
        <select value={type} onChange={(e) => setType(e.target.value)}>
          {PLOVER_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        sources <input value={sources} onChange={(e) => setSources(e.target.value)} className="actor-input" />
      </label>
      <label>
        targets <input value={targets} onChange={(e) => setTargets(e.target.value)} className="actor-input" />
      </label>
      <label>
        date <input value={start} onChange={(e) => setStart(e.target.value)} className="date-input" placeholder="start" aria-label="date start" /> –{' '}
        <input value={end} onChange={(e) => setEnd(e.target.value)} className="date-input" placeholder="end" aria-label="date end" />
      </label>
      <label>
        modality{' '}
        <select value={modality} onChange={(e) => setModality(e.target.value)}>
          {MODALITIES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Save correction
      </button>
    </form>
  );
}

function granularity(s: string, e: string): 'day' | 'month' | 'year' | 'decade' | 'range' {
  if (s !== e) return /^\d{3}0$/.test(s) && e === `${s.slice(0, 3)}9` ? 'decade' : 'range';
  return s.length === 10 ? 'day' : s.length === 7 ? 'month' : 'year';
}

type Act = (what: string, f: () => Promise<unknown>, after?: (r: unknown) => ReactNode | void) => Promise<void>;

function MergeSplit({ event, busy, act }: { event: EventDetail; busy: boolean; act: Act }) {
  const [others, setOthers] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const merge = (e: FormEvent) => {
    e.preventDefault();
    const ids = [event.id, ...others.split(/[\s,]+/).filter(Boolean)];
    if (ids.length < 2) return;
    void act(`Merged ${ids.length - 1} event${ids.length > 2 ? 's' : ''} into this one.`, () => api.mergeEvents(ids), (r) => {
      const id = (r as { id?: string } | null)?.id;
      if (id && id !== event.id) navigate(`/events/${encodeURIComponent(id)}`);
    });
  };
  return (
    <div className="merge-split">
      <form className="inline" onSubmit={merge}>
        <label>
          merge with event ids <input value={others} onChange={(e) => setOthers(e.target.value)} placeholder="id, id" aria-label="merge ids" />
        </label>
        <button type="submit" disabled={busy || !others.trim()}>
          Merge
        </button>
      </form>
      {event.mentions.length > 1 && (
        <div className="inline split">
          <span>split off:</span>
          {event.mentions.map((m, i) => (
            <label key={m.id} title={m.sentence}>
              <input type="checkbox" checked={picked.includes(m.id)} onChange={() => setPicked((p) => (p.includes(m.id) ? p.filter((x) => x !== m.id) : [...p, m.id]))} /> #{i + 1}
            </label>
          ))}
          <button
            type="button"
            disabled={busy || picked.length === 0 || picked.length === event.mentions.length}
            onClick={() =>
              void act('Split.', () => api.splitEvent(event.id, picked), (r) => {
                const created = (r as { created: { id: string } }).created;
                return (
                  <>
                    Split off into <Link to={`/events/${encodeURIComponent(created.id)}`}>a new event</Link>.
                  </>
                );
              })
            }
          >
            Split
          </button>
        </div>
      )}
    </div>
  );
}

/** The event's audit trail: who changed what, and when (editors only, like the endpoint). */
function History({ id, version }: { id: string; version: string }) {
  const audit = useApi(() => api.audit({ subject: id, limit: 50 }), [id, version]);
  const rows = audit.data?.rows ?? [];
  if (audit.error) return <ErrorLine error={audit.error} />;
  if (rows.length === 0) return null;
  return (
    <div className="history">
      <h2>History</h2>
      <table className="compact">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="muted small">{r.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{r.action}</td>
              <td className="muted small">
                {r.role}
                {r.tokenId ? ` (${r.tokenId})` : ''}
              </td>
              <td className="small">{changeSummary(r.before, r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

