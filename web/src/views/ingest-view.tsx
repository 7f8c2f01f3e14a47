// Ingest view: paste text, choose a file or give a URL; POST /api/ingest and show the
// extracted events with the sentence each came from (read back from the stored document).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type DocumentDetail, type IngestResult, type EventRecord } from '../api.js';
import { formatDate, isUncertain } from '../format.js';
import { useSession } from '../session.js';
import { Link } from '../components/link.js';
import { Actors, ModalityBadge, TypeBadge } from '../components/badges.js';
import { ErrorLine } from '../components/status.js';

interface Row {
  event: EventRecord;
  sentence: string | null;
}

/** Each event with the first sentence that states it in this document. */
function toRows(result: IngestResult, doc: DocumentDetail | null): Row[] {
  const sentenceOf = new Map<string, string>();
  if (doc) for (const m of doc.mentions) if (!sentenceOf.has(m.eventId)) sentenceOf.set(m.eventId, doc.text.slice(m.start, m.end));
  return result.events.map((event) => ({ event, sentence: sentenceOf.get(event.id) ?? null }));
}

export function IngestView() {
  const { canEdit } = useSession();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<{ doc: IngestResult['document']; rows: Row[] } | null>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultBox.current?.scrollIntoView({ block: 'start' });
  }, [result]);

  const run = async (send: () => Promise<IngestResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await send();
      const doc = await api.document(r.document.id).catch(() => null);
      setResult({ doc: r.document, rows: toRows(r, doc) });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    if (file) return run(() => api.ingestFile(file, { title: title.trim() || undefined, published: published.trim() || undefined }));
    if (!text.trim()) return;
    return run(() => api.ingestText({ text, title: title.trim() || undefined, published: published.trim() || undefined }));
  };
  const submitUrl = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) return run(() => api.ingestUrl(url.trim()));
  };

  return (
    <section className="view ingest-view">
      <div className="toolbar">
        <h1>Ingest</h1>
        {!canEdit && <span className="muted small">Ingesting needs an editor token; the server will refuse this one.</span>}
      </div>
      <div className="ingest-layout">
        <form className="ingest-form" onSubmit={submitText}>
          <div className="inline">
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="title (optional)" aria-label="title" className="wide" />
            <input value={published} onChange={(e) => setPublished(e.target.value)} placeholder="published (2023-09-25)" aria-label="published" className="date-input" />
          </div>
          <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste an article…" aria-label="article text" rows={14} disabled={!!file} />
          <div className="inline">
            <label>
              or a file <input type="file" accept=".txt,.md,.html,.htm,.jsonl,.rss,.xml,text/*" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-label="file" />
            </label>
            <button type="submit" disabled={busy || (!text.trim() && !file)} className="primary">
              {busy ? 'Extracting…' : 'Extract events'}
            </button>
          </div>
        </form>
        <form className="inline url-form" onSubmit={submitUrl}>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://… (fetch an article)" aria-label="url" className="wide" />
          <button type="submit" disabled={busy || !url.trim()}>
            Fetch
          </button>
        </form>
      </div>
      <ErrorLine error={error} />
      {result && (
        <div className="ingest-result" ref={resultBox}>
          <h2>
            {result.rows.length} event{result.rows.length === 1 ? '' : 's'} from{' '}
            <Link to={`/reader/${encodeURIComponent(result.doc.id)}`}>{result.doc.title || 'the document'}</Link>
            {!result.doc.stored && <span className="muted small"> (already stored: nothing changed)</span>}
          </h2>
          <table className="events ingest-events">
            <thead>
              <tr>
                <th>type</th>
                <th>source → target</th>
                <th>date</th>
                <th>modality</th>
                <th>sentence</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map(({ event: e, sentence }, i) => (
                <tr key={e.id} className={`appear${isUncertain(e.modality) ? ' uncertain' : ''}`} style={{ animationDelay: `${Math.min(i, 20) * 25}ms` }} data-event-id={e.id}>
                  <td>
                    <Link to={`/events/${encodeURIComponent(e.id)}`}>
                      <TypeBadge type={e.type} />
                    </Link>
                  </td>
                  <td className="dyad">
                    <Actors codes={e.sources} /> → <Actors codes={e.targets} />
                  </td>
                  <td className="date">{formatDate(e.date)}</td>
                  <td>
                    <ModalityBadge modality={e.modality} />
                  </td>
                  <td className="sentence">{sentence ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
