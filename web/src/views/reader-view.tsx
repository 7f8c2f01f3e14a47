// Reader view: a document's text with every event's sentence highlighted from the
// mention offsets. The text is untrusted and is rendered as React text nodes only,
// never as HTML. Clicking a highlight opens its event (or offers a choice when a
// sentence states several); `?mention=ID` marks and scrolls to one sentence.
import { useEffect, useRef, useState } from 'react';
import { api, type DocumentMentionSpan } from '../api.js';
import { segment, type Run } from '../highlight.js';
import { isCooperation, isUncertain } from '../format.js';
import { href, navigate } from '../router.js';
import { useApi } from '../use-api.js';
import { Link } from '../components/link.js';
import { ModalityBadge, TypeBadge } from '../components/badges.js';
import { ErrorLine, Loading } from '../components/status.js';
import { safeUrl } from '../safe-url.js';

export function ReaderView({ docId, mentionId }: { docId: string | null; mentionId: string | null }) {
  return (
    <section className="view reader-view">
      <div className="reader-layout">
        <DocumentList current={docId} />
        {docId ? <DocumentText id={docId} mentionId={mentionId} /> : <p className="muted">Pick a document.</p>}
      </div>
    </section>
  );
}

const DOC_PAGE = 200;

function DocumentList({ current }: { current: string | null }) {
  const [offset, setOffset] = useState(0);
  const docs = useApi(() => api.documents(DOC_PAGE, offset), [offset]);
  return (
    <aside className="doc-list">
      <h2>Documents {docs.data && <span className="muted small">({docs.data.total})</span>}</h2>
      <ErrorLine error={docs.error} />
      <ul>
        {docs.data?.rows.map((d) => (
          <li key={d.id} className={d.id === current ? 'current' : ''}>
            <Link to={`/reader/${encodeURIComponent(d.id)}`}>{d.title || d.url || d.id}</Link>
            <span className="muted small">{d.published ?? ''}</span>
          </li>
        ))}
      </ul>
      {docs.data?.rows.length === 0 && offset === 0 && <p className="muted">No documents yet: use Ingest.</p>}
      <div className="pager">
        {offset > 0 && (
          <button type="button" onClick={() => setOffset(Math.max(0, offset - DOC_PAGE))}>
            ← previous
          </button>
        )}
        {docs.data?.truncated && (
          <button type="button" onClick={() => setOffset(offset + DOC_PAGE)}>
            next →
          </button>
        )}
      </div>
    </aside>
  );
}

function DocumentText({ id, mentionId }: { id: string; mentionId: string | null }) {
  const doc = useApi(() => api.document(id), [id]);
  const [choice, setChoice] = useState<{ runStart: number; spans: DocumentMentionSpan[] } | null>(null);
  const target = useRef<HTMLElement | null>(null);

  useEffect(() => {
    setChoice(null);
    if (mentionId && target.current) target.current.scrollIntoView({ block: 'center' });
  }, [doc.data, mentionId]);

  if (doc.error) return <ErrorLine error={doc.error} />;
  if (!doc.data) return <Loading what="document" />;
  const d = doc.data;
  const runs = segment(d.text, d.mentions);
  const events = new Set(d.mentions.map((m) => m.eventId));

  const open = (run: Run<DocumentMentionSpan>) => {
    const distinct = [...new Map(run.spans.map((s) => [s.eventId, s])).values()];
    if (distinct.length === 1) navigate(`/events/${encodeURIComponent(distinct[0].eventId)}`);
    else setChoice({ runStart: run.start, spans: distinct });
  };

  return (
    <article className="document">
      <header>
        <h1>{d.title || 'Untitled document'}</h1>
        <p className="muted small">
          {d.published && <>published {d.published} · </>}
          {d.url && (
            <>
              <a href={safeUrl(d.url)} rel="noopener noreferrer nofollow" target="_blank">
                {d.url}
              </a>{' '}
              ·{' '}
            </>
          )}
          {d.mentions.length} mentions of {events.size} events · <Link to={href('/timeline')}>timeline</Link>
        </p>
      </header>
      <div className="doc-text" data-testid="doc-text">
        {runs.map((r) =>
          r.spans.length === 0 ? (
            <span key={r.start}>{r.text}</span>
          ) : (
            <span key={r.start} className="mention-run">
              <mark
                ref={r.spans.some((s) => s.id === mentionId) ? (el) => void (target.current = el) : undefined}
                className={markClass(r, mentionId)}
                data-event-ids={r.spans.map((s) => s.eventId).join(' ')}
                data-mention-ids={r.spans.map((s) => s.id).join(' ')}
                title={r.spans.map((s) => `${s.type} (${s.modality})${s.status === 'rejected' ? ', rejected' : s.status === 'corrected' ? ', corrected' : ''}`).join('; ')}
                data-status={r.spans.map((s) => s.status).join(' ')}
                role="link"
                tabIndex={0}
                onClick={() => open(r)}
                onKeyDown={(e) => e.key === 'Enter' && open(r)}
              >
                {r.text}
              </mark>
              {choice?.runStart === r.start && (
                <span className="choice" role="menu">
                  {choice.spans.map((s) => (
                    <Link key={s.id} to={`/events/${encodeURIComponent(s.eventId)}`}>
                      <TypeBadge type={s.type} /> <ModalityBadge modality={s.modality} />
                    </Link>
                  ))}
                  <button type="button" className="linklike" onClick={() => setChoice(null)}>
                    close
                  </button>
                </span>
              )}
            </span>
          ),
        )}
      </div>
    </article>
  );
}

function markClass(r: Run<DocumentMentionSpan>, mentionId: string | null): string {
  const main = r.spans[0];
  const parts = ['mention', isCooperation(main.type) ? 'coop' : 'conflict'];
  if (r.spans.length > 1) parts.push('multi');
  if (isUncertain(main.modality)) parts.push('uncertain');
  if (mentionId && r.spans.some((s) => s.id === mentionId)) parts.push('target');
  // Rejected by an editor: still findable, but struck through and greyed, never shown as a normal event.
  if (r.spans.every((s) => s.status === 'rejected')) parts.push('rejected');
  else if (r.spans.some((s) => s.status === 'corrected')) parts.push('corrected');
  return parts.join(' ');
}
