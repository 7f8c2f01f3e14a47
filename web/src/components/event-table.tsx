// A dense table of events (date, type, source → target, modality, mentions), each row
// linking to its event view. Used by Timeline, Dyad, Ingest and Search.
import type { EventRecord } from '../api.js';
import { formatDate, isUncertain } from '../format.js';
import { Link } from './link.js';
import { Actors, EventFlags, ModalityBadge, TypeBadge } from './badges.js';
import { SourceLine } from './source-line.js';

export function EventTable({ events, empty = 'No events.', sentence }: { events: EventRecord[]; empty?: string; sentence?: (e: EventRecord) => string | null }) {
  if (events.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="events">
      <thead>
        <tr>
          <th>date</th>
          <th>type</th>
          <th>source → target</th>
          <th>modality</th>
          <th className="num">mentions</th>
          <th>flags</th>
          <th>{sentence ? 'sentence' : 'what and source'}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className={`event-row${isUncertain(e.modality) ? ' uncertain' : ''}${e.modality === 'negated' ? ' negated' : ''}`} data-event-id={e.id}>
            <td className="date">
              <Link to={`/events/${encodeURIComponent(e.id)}`}>{formatDate(e.date)}</Link>
            </td>
            <td>
              <TypeBadge type={e.type} />
              {e.mode && <span className="mode"> {e.mode}</span>}
            </td>
            <td className="dyad">
              <Actors codes={e.sources} /> → <Actors codes={e.targets} />
            </td>
            <td>
              <ModalityBadge modality={e.modality} />
            </td>
            <td className="num">{e.mentionCount}</td>
            <td>
              <EventFlags event={e} />
            </td>
            <td className="sentence">{sentence ? sentence(e) : <SourceLine event={e} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
