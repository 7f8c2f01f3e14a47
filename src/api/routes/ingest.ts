// POST /api/ingest: one document in, its events out. Text as JSON, a URL to fetch (public
// addresses only unless allowPrivateFetch), or an uploaded .txt/.md/.html file, each up
// to maxUploadMb. Feeds and JSON-lines batches belong to `entente ingest`, not here.
import { extname } from 'node:path';
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { IsoPrefix } from '../../domain/mention.js';
import { ingestText, decodeText, htmlDocument, type TextInput } from '../../ingest/documents/index.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { guardedFetch } from '../url-guard.js';
import { EventSchema } from '../schemas.js';

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
  events: z.array(EventSchema),
});

const TEXT_TYPES = new Set(['.txt', '.text', '.md', '.markdown']);
const HTML_TYPES = new Set(['.html', '.htm', '.xhtml']);

function fromHtml(html: string, given: { title?: string; published?: string }, url: string | null): TextInput {
  const doc = htmlDocument(html);
  return { text: doc.text, title: given.title ?? doc.title, url, published: given.published ?? doc.published };
}

async function uploaded(req: import('fastify').FastifyRequest, where: string): Promise<TextInput> {
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
  const given = { title: fields.title?.trim() || undefined, published: published?.data };
  const ext = extname(file.name).toLowerCase();
  const isHtml = HTML_TYPES.has(ext) || file.type === 'text/html' || file.type === 'application/xhtml+xml';
  if (!isHtml && !TEXT_TYPES.has(ext) && !file.type.startsWith('text/')) {
    throw new EntenteError('UNSUPPORTED', `${file.name}: upload a .txt, .md or .html document; use \`entente ingest\` for feeds, JSON lines and folders`);
  }
  const text = decodeText(file.body, file.name);
  if (isHtml) return fromHtml(text, given, null);
  return { text, title: given.title ?? file.name, published: given.published ?? null };
}

export function ingestRoutes(r: RouteTable, ctx: ApiContext): void {
  const { store, settings, maxUploadBytes } = ctx;
  const allowPrivate = settings.allowPrivateFetch === 'true';
  r.add({
    method: 'POST', url: '/api/ingest', tag: 'ingest', access: 'editor', perMinute: ctx.ingestsPerMinute, multipart: true,
    // The JSON form carries the text itself: allow the upload size plus room for escaping.
    bodyLimit: Math.ceil(maxUploadBytes * 1.1) + 64 * 1024,
    summary: 'Extract and store one document (text, a URL to fetch, or an uploaded file); answers with its events',
    body: IngestBody,
    response: IngestResponse,
    handler: async ({ req, body, reply }) => {
      let input: TextInput;
      if (req.isMultipart()) input = await uploaded(req, 'upload');
      else if ('fetchUrl' in body) {
        const page = await guardedFetch(body.fetchUrl, { allowPrivate, maxBytes: maxUploadBytes });
        const given = { title: body.title, published: body.published };
        input = /html|xml/i.test(page.contentType) || /^\s*</.test(page.body)
          ? fromHtml(page.body, given, page.url)
          : { text: page.body, title: given.title ?? page.url, url: page.url, published: given.published ?? null };
      } else {
        if (Buffer.byteLength(body.text, 'utf8') > maxUploadBytes) throw new EntenteError('TOO_LARGE', `text is larger than the ${settings.maxUploadMb} MB limit (the maxUploadMb setting)`);
        // The same rule as an uploaded file: no NUL bytes, no lone surrogates (not encodable as UTF-8).
        const nul = body.text.indexOf('\u0000');
        if (nul >= 0) throw new EntenteError('NOT_TEXT', `text: not text (a NUL character at offset ${nul})`, { offset: nul });
        if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(body.text)) throw new EntenteError('NOT_TEXT', 'text: not text (a lone UTF-16 surrogate, which UTF-8 cannot hold)');
        input = { text: body.text, title: body.title ?? null, url: body.url ?? null, published: body.published ?? null };
      }
      const result = await ingestText(store, input);
      void ctx.afterIngest(result.eventIds);
      const doc = await store.getDocument(result.documentId);
      reply.status(result.stored ? 201 : 200);
      return {
        document: { id: result.documentId, title: doc?.title ?? input.title ?? null, url: doc?.url ?? null, published: doc?.published ?? null, stored: result.stored, mentions: result.mentions },
        events: result.events,
      };
    },
  });
}
