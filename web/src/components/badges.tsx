// Small labels for an event's type, modality, origin and status. Uncertain modalities
// (speculative, conditional, question) get a dashed, italic badge everywhere.
import type { EventRecord } from '../api.js';
import { isUncertain, typeClass } from '../format.js';
import { useSession } from '../session.js';

export function TypeBadge({ type }: { type: string }) {
  return <span className={`badge type ${typeClass(type)}`}>{type}</span>;
}

export function ModalityBadge({ modality }: { modality: string }) {
  if (modality === 'asserted') return <span className="badge modality asserted">asserted</span>;
  return <span className={`badge modality ${modality}${isUncertain(modality) ? ' uncertain' : ''}`}>{modality}</span>;
}

export function EventFlags({ event }: { event: Pick<EventRecord, 'disputed' | 'status' | 'origin'> }) {
  return (
    <>
      {event.disputed && <span className="badge disputed" title="mentions disagree on date, actors or polarity">disputed</span>}
      {event.status !== 'extracted' && <span className={`badge status ${event.status}`}>{event.status}</span>}
      <span className={`badge origin origin-${event.origin}`}>{event.origin}</span>
    </>
  );
}

/** Actor codes with their names on hover; names are untrusted text and render as text. */
export function Actors({ codes }: { codes: string[] | null | undefined }) {
  const { actors } = useSession();
  if (!codes || codes.length === 0) return <span className="muted">—</span>;
  return (
    <span className="actors">
      {codes.map((c, i) => (
        <span key={c + i} className="actor" title={actors.get(c)?.name ?? c}>
          {i > 0 && ', '}
          {c}
        </span>
      ))}
    </span>
  );
}
