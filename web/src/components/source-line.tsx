// One line per event that says what it is and where it comes from: the summary (title,
// sentence, or actors and type) and, when the record cites a page, a link to it. Only
// http(s) links are clickable; the text is untrusted and stays a text node.
import type { EventRecord } from '../api.js';
import { safeUrl } from '../safe-url.js';

export function SourceLine({ event }: { event: Pick<EventRecord, 'summary' | 'sourceUrl' | 'origin'> }) {
  const url = event.sourceUrl ? safeUrl(event.sourceUrl) : undefined;
  let host = '';
  if (url) {
    try {
      host = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      host = 'source';
    }
  }
  return (
    <span className="source-line">
      <span className="summary">{event.summary}</span>
      {url && (
        <>
          {' '}
          <a className="source-link" href={url} rel="noopener noreferrer nofollow" target="_blank" title={event.sourceUrl ?? undefined}>
            {host || 'source'} ↗
          </a>
        </>
      )}
    </span>
  );
}
