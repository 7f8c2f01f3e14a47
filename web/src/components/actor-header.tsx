// The head of an actor's timeline: name, event count, where to look next, and for
// editors the actor merge (two clicks, since it rewrites every event naming the actor).
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { Link } from './link.js';
import { ErrorLine } from './status.js';

export function ActorHeader({ code, other }: { code: string; other: string }) {
  const { actors, canEdit, refresh } = useSession();
  const actor = actors.get(code);
  const [into, setInto] = useState('');
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target = into.trim().toUpperCase();
    if (!target || target === code) return;
    if (!armed) {
      setArmed(true);
      return;
    }
    setError(null);
    try {
      const r = await api.mergeActors(code, target);
      setNote(`Merged: ${r.events} events and ${r.mentions} mentions now name ${target}.`);
      refresh();
      navigate(href('/timeline', { actor: target, with: other }), true);
    } catch (err) {
      setError(err as Error);
    } finally {
      setArmed(false);
    }
  };
  return (
    <div className="actor-header panel">
      <strong>{code}</strong> {actor?.name && <span>{actor.name}</span>}
      {actor && <span className="muted small"> · {actor.events} events</span>}
      {other && (
        <>
          {' · '}
          <Link to={href('/dyad', { a: code, b: other })}>
            dyad {code} – {other}
          </Link>
        </>
      )}
      {canEdit && (
        <form className="inline merge-actor" onSubmit={submit}>
          <label>
            merge {code} into{' '}
            <input value={into} onChange={(e) => (setInto(e.target.value), setArmed(false))} aria-label="merge actor into" className="actor-input" placeholder="code" />
          </label>
          <button type="submit" className={armed ? 'danger' : ''} disabled={!into.trim()}>
            {armed ? `Confirm: rename ${code} to ${into.trim().toUpperCase()} everywhere` : 'Merge'}
          </button>
        </form>
      )}
      {note && <span className="note small">{note}</span>}
      <ErrorLine error={error} />
    </div>
  );
}
