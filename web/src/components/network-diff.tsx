// What changed between two windows of the network: ties that appeared, vanished or
// changed sign (GET /api/network/diff), each linking to its dyad.
import { useState, type FormEvent } from 'react';
import { api, type NetworkDiffResult } from '../api.js';
import { href } from '../router.js';
import { Link } from './link.js';
import { ErrorLine } from './status.js';

function sign(s: number | undefined): string {
  return s === undefined ? '' : s > 0 ? 'cooperative' : s < 0 ? 'conflictual' : 'mixed';
}

export function NetworkDiff() {
  const [w, setW] = useState({ from1: '2014', to1: '2021', from2: '2022', to2: '2025' });
  const [result, setResult] = useState<NetworkDiffResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setResult(await api.networkDiff(w));
    } catch (err) {
      setResult(null);
      setError(err as Error);
    }
  };
  const field = (k: keyof typeof w, label: string) => <input value={w[k]} onChange={(e) => setW({ ...w, [k]: e.target.value })} aria-label={label} className="date-input" />;
  return (
    <div className="network-diff panel">
      <h2>What changed</h2>
      <form className="inline" onSubmit={run}>
        compare {field('from1', 'before from')} – {field('to1', 'before to')} with {field('from2', 'after from')} – {field('to2', 'after to')}
        <button type="submit">Compare</button>
      </form>
      <ErrorLine error={error} />
      {result && (
        <>
          <p className="small muted">
            Before: {result.before.events} events, {result.before.edges} ties. After: {result.after.events} events, {result.after.edges} ties. {result.counts.appeared} appeared, {result.counts.vanished} vanished, {result.counts.changedSign} changed sign.
          </p>
          {result.changes.length > 0 && (
            <table className="compact diff">
              <thead>
                <tr>
                  <th>dyad</th>
                  <th>change</th>
                  <th>before</th>
                  <th>after</th>
                </tr>
              </thead>
              <tbody>
                {result.changes.map((c) => (
                  <tr key={`${c.source}|${c.target}`} className={`change-${c.change}`}>
                    <td>
                      <Link to={href('/dyad', { a: c.source, b: c.target })}>
                        {c.source} – {c.target}
                      </Link>
                    </td>
                    <td>{c.change.replace('-', ' ')}</td>
                    <td>{c.before ? `${sign(c.before.sign)}, ${c.before.events} events` : '—'}</td>
                    <td>{c.after ? `${sign(c.after.sign)}, ${c.after.events} events` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
