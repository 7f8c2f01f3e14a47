// POST /api/ingest: one document in, its events out. Text as JSON, a URL to fetch (public
// addresses only unless allowPrivateFetch), or an uploaded .txt/.md/.html file, each up
// to maxUploadMb. Feeds and JSON-lines batches belong to `entente ingest`, not here.
// Extraction runs in the ingest worker (../ingest-jobs.ts): a document up to asyncIngestKb
// is answered when stored (201), a larger one at once (202) with a job to follow.
import { extname } from 'node:path';
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { IsoPrefix } from '../../domain/mention.js';
import { eventRecords } from '../../ingest/documents/ingest-text.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { guardedFetch } from '../url-guard.js';
import { EventSchema, pageOf, pageQuery } from '../schemas.js';
import type { IngestJob } from '../ingest-jobs.js';
import type { IngestOutcome, RawIngest } from '../ingest-work.js';
import type { Store } from '../../store/store.js';

/** Events listed in a background job's result (the rest are in the store, found by document). */
const JOB_EVENTS = 100;

const meta = {
  title: z.string().trim().max(1000).optional(),
  url: z.url({ protocol: /^https?$/ }).max(4000).optional(),
  published: IsoPrefix.optional().describe('publication date (ISO date or prefix); dates in the text resolve against it'),
};

const IngestBody = z.union([
  z.object({ text: z.string().min(1).describe('the document text'), ...meta }).strict(),
  z.object({ fetchUrl: z.string().min(1).max(4000).describe('a public http(s) page to fetch and extract'), title: meta.title, published: meta.published }).strict(),
]);

const IngestResponse = z.object({
  document: z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(), stored: z.boolean().describe('false when the same text was already stored'), mentions: z.number().int() }),
  events: z.array(EventSchema).describe(`the events the document gave (in a job's result, the first ${JOB_EVENTS})`),
  eventCount: z.number().int().describe('how many events the document gave'),
});

const IngestJobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  bytes: z.number().int().describe('size of the submitted document'),
  created: z.string(), started: z.string().nullable(), finished: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).describe('characters of the text extracted so far, of total'),
  result: IngestResponse.nullable().describe('when done: what a small document answers with'),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('when failed: the error a small document answers with'),
});

const TEXT_TYPES = new Set(['.txt', '.text', '.md', '.markdown']);
const HTML_TYPES = new Set(['.html', '.htm', '.xhtml']);

async function uploaded(req: import('fastify').FastifyRequest, where: string): Promise<RawIngest> {
  const fields: Record<string, string> = {};
  let file: { name: string; type: string; body: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (file) throw new EntenteError('BAD_INPUT', 'upload one file at a time');
      file = { name: part.filename, type: part.mimetype, body: await part.toBuffer() };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new EntenteError('BAD_INPUT', `${where}: no file in the upload (form field "file")`);
  const published = fields.published ? IsoPrefix.safeParse(fields.published) : null;
  if (published && !published.success) throw new EntenteError('BAD_INPUT', `published: ${published.error.issues[0].message}`);
  const ext = extname(file.name).toLowerCase();
  const isHtml = HTML_TYPES.has(ext) || file.type === 'text/html' || file.type === 'application/xhtml+xml';
  if (!isHtml && !TEXT_TYPES.has(ext) && !file.type.startsWith('text/')) {
    throw new EntenteError('UNSUPPORTED', `${file.name}: upload a .txt, .md or .html document; use \`entente ingest\` for feeds, JSON lines and folders`);
  }
  // Decoding (and reading an HTML page's article) happens in the worker, with extraction.
  return { bytes: file.body, name: file.name, html: isHtml, title: fields.title?.trim() || null, url: null, published: published?.data ?? null };
}

async function resultOf(store: Store, o: IngestOutcome, maxEvents: number) {
  return {
    document: { id: o.documentId, ...o.document, stored: o.stored, mentions: o.mentions },
    events: await eventRecords(store, o.eventIds.slice(0, maxEvents)),
    eventCount: o.eventIds.length,
  };
}

function jobJson(job: IngestJob, result: unknown) {
  const { outcome: _o, error, ...rest } = job;
  return { ...rest, result: job.status === 'done' ? result ?? null : null, error: error ? { code: error.code, message: error.message } : null };
}

export function ingestRoutes(r: RouteTable, ctx: ApiContext): void {
  const { store, settings, maxUploadBytes, ingestJobs } = ctx;
  const allowPrivate = settings.allowPrivateFetch === 'true';
  const asyncBytes = Number(settings.asyncIngestKb) * 1024;
  if (!Number.isFinite(asyncBytes) || asyncBytes < 0) throw new EntenteError('BAD_INPUT', `setting asyncIngestKb: expected a number of KB, got ${settings.asyncIngestKb}`);
  // The result of each background job, read once when it finishes (kept as long as the job).
  const results = new WeakMap<IngestJob, unknown>();
  r.add({
    method: 'POST', url: '/api/ingest', tag: 'ingest', access: 'editor', perMinute: ctx.ingestsPerMinute, multipart: true,
    // The JSON form carries the text itself: allow the upload size plus room for escaping.
    bodyLimit: Math.ceil(maxUploadBytes * 1.1) + 64 * 1024,
    summary: 'Extract and store one document (text, a URL to fetch, or an uploaded file); answers with its events, or with a job for a large one',
    description: `A document up to asyncIngestKb (default 1024 KB) is answered once stored: 201 (200 when the same text was already stored) with its events. A larger one is answered at once with 202, a Location header and the job; follow it at GET /api/ingest/jobs/{id}. Either way extraction runs off the thread that answers other requests.`,
    body: IngestBody,
    response: IngestResponse,
    handler: async ({ req, body, reply }) => {
      let raw: RawIngest;
      let bytes: number;
      if (req.isMultipart()) {
        raw = await uploaded(req, 'upload');
        bytes = raw.bytes!.byteLength;
      } else if ('fetchUrl' in body) {
        const page = await guardedFetch(body.fetchUrl, { allowPrivate, maxBytes: maxUploadBytes });
        const html = /html|xml/i.test(page.contentType) || /^\s*</.test(page.body);
        raw = { text: page.body, name: page.url, html, title: body.title ?? null, url: page.url, published: body.published ?? null };
        bytes = Buffer.byteLength(page.body, 'utf8');
      } else {
        bytes = Buffer.byteLength(body.text, 'utf8');
        if (bytes > maxUploadBytes) throw new EntenteError('TOO_LARGE', `text is larger than the ${settings.maxUploadMb} MB limit (the maxUploadMb setting)`);
        // The same rule as an uploaded file: no NUL bytes, no lone surrogates (not encodable as UTF-8).
        const nul = body.text.indexOf('\u0000');
        if (nul >= 0) throw new EntenteError('NOT_TEXT', `text: not text (a NUL character at offset ${nul})`, { offset: nul });
        if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(body.text)) throw new EntenteError('NOT_TEXT', 'text: not text (a lone UTF-16 surrogate, which UTF-8 cannot hold)');
        raw = { text: body.text, html: false, title: body.title ?? null, url: body.url ?? null, published: body.published ?? null };
      }
      const { job, done } = ingestJobs.submit(raw, bytes, async (o) => { results.set(job, await resultOf(store, o, JOB_EVENTS)); });
      void done.then(() => { if (job.outcome) void ctx.afterIngest(job.outcome.eventIds); });
      if (bytes > asyncBytes) {
        reply.status(202).header('location', `/api/ingest/jobs/${job.id}`);
        return { job: jobJson(job, null) };
      }
      await done;
      const o = ingestJobs.outcome(job);
      reply.status(o.stored ? 201 : 200);
      return resultOf(store, o, Infinity);
    },
  });
  r.add({
    method: 'GET', url: '/api/ingest/jobs', tag: 'ingest', access: 'editor',
    summary: 'Ingest jobs, newest first: those queued or running, and the latest 200 finished ones',
    query: z.object(pageQuery),
    response: pageOf(IngestJobSchema),
    handler: async ({ query }) => {
      const all = ingestJobs.list();
      const rows = all.slice(query.offset, query.offset + query.limit).map((j) => jobJson(j, results.get(j)));
      return { rows, total: all.length, limit: query.limit, offset: query.offset, truncated: query.offset + rows.length < all.length };
    },
  });
  r.add({
    method: 'GET', url: '/api/ingest/jobs/:id', tag: 'ingest', access: 'editor',
    summary: 'A background ingest job: queued, running (with progress), done (with the result) or failed (with the error)',
    params: z.object({ id: z.string().max(100) }),
    response: IngestJobSchema,
    handler: async ({ params }) => {
      const job = ingestJobs.get(params.id);
      if (!job) throw new EntenteError('NOT_FOUND', `no ingest job ${params.id} (jobs are kept in memory until the server restarts, the latest 200 finished ones)`);
      return jobJson(job, results.get(job));
    },
  });
}
