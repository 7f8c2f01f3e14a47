// The audit log (editors): every curation change, newest first, with who made it and
// a link to what it changed.
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { changeSummary } from '../change-summary.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';

const PAGE = 100;

type Filters = { user: string; subject: string; from: string; to: string };
const NONE: Filters = { user: '', subject: '', from: '', to: '' };

export function AuditView() {
  const [offset, setOffset] = useState(0);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [draft, setDraft] = useState<Filters>(NONE);
  const q = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
  const audit = useApi(() => api.audit({ ...q, limit: PAGE, offset }), [offset, JSON.stringify(filters)]);
  const rows = audit.data?.rows ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilters(draft);
  };
  const field = (k: keyof Filters, label: string, placeholder: string) => (
    <input value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} aria-label={label} placeholder={placeholder} className="date-input" />
  );
  return (
    <section className="view audit-view">
      <div className="toolbar">
        <h1>Audit log</h1>
        {audit.data && <span className="muted small">{audit.data.total ?? 'many'} changes</span>}
        <form className="inline" onSubmit={apply} aria-label="audit filters">
          {field('user', 'user', 'user (token id)')} {field('subject', 'event or actor', 'event id / actor')} {field('from', 'from day', 'from (2026-01)')} {field('to', 'to day', 'to')}
          <button type="submit">Filter</button>
          {Object.keys(q).length > 0 && (
            <button type="button" className="linklike" onClick={() => { setDraft(NONE); setFilters(NONE); setOffset(0); }}>
              clear
            </button>
          )}
        </form>
      </div>
      <ErrorLine error={audit.error} />
      {audit.loading && !audit.data && <Loading />}
      {audit.data && rows.length === 0 && <p className="muted">No curation yet.</p>}
      {rows.length > 0 && (
        <table className="compact audit">
          <thead>
            <tr>
              <th>when</th>
              <th>action</th>
              <th>subject</th>
              <th>who</th>
              <th>change (before → after)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="muted">{r.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{r.action}</td>
                <td>{r.action === 'merge-actors' ? <Link to={href('/timeline', { actor: r.subject })}>{r.subject}</Link> : <Link to={`/events/${encodeURIComponent(r.subject)}`}>event {r.subject}</Link>}</td>
                <td className="muted">
                  {r.role}
                  {r.tokenId ? (
                    <>
                      {' '}
                      (
                      <button type="button" className="linklike" onClick={() => { setDraft({ ...NONE, user: r.tokenId! }); setFilters({ ...NONE, user: r.tokenId! }); setOffset(0); }}>
                        {r.tokenId}
                      </button>
                      )
                    </>
                  ) : ''}
                </td>
                <td className="small change">{changeSummary(r.before, r.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        {offset > 0 && (
          <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            ← newer
          </button>
        )}
        {audit.data?.truncated && (
          <button type="button" onClick={() => setOffset(offset + PAGE)}>
            older →
          </button>
        )}
      </div>
    </section>
  );
}
