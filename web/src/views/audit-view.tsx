// The audit log (editors): every curation change, newest first, with who made it and
// a link to what it changed.
import { useState } from 'react';
import { api } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ErrorLine, Loading } from '../components/status.js';

const PAGE = 100;

export function AuditView() {
  const [offset, setOffset] = useState(0);
  const audit = useApi(() => api.audit({ limit: PAGE, offset }), [offset]);
  const rows = audit.data?.rows ?? [];
  return (
    <section className="view audit-view">
      <div className="toolbar">
        <h1>Audit log</h1>
        {audit.data && <span className="muted small">{audit.data.total ?? 'many'} changes</span>}
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
                  {r.tokenId ? ` (${r.tokenId})` : ''}
                </td>
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
