// The OpenAPI 3.1 document, generated from the route table's zod schemas (JSON Schema
// 2020-12 is OpenAPI 3.1's dialect), and a plain HTML page listing the operations.
// The page has no scripts at all, so it passes the CSP as it is.
import { z, type ZodType } from 'zod';
import type { RouteSpec } from './route.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** fastify's /api/events/:id → OpenAPI's /api/events/{id}. */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function parameters(schema: ZodType | undefined, where: 'query' | 'path'): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input');
  const props = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const ERROR_RESPONSE = {
  description: 'An error: { error: { code, message } }',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function operation(spec: RouteSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: `${spec.method.toLowerCase()}${openapiPath(spec.url).replace(/^\/api/, '').replace(/[{}]/g, '').split(/[/.-]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
    summary: spec.summary,
    tags: [spec.tag],
    'x-access': spec.access,
  };
  if (spec.description) op.description = spec.description;
  const params = [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')];
  if (params.length) op.parameters = params;
  if (spec.access !== 'public') op.security = [{ bearer: [] }, { queryToken: [] }];
  if (spec.body || spec.multipart) {
    const content: Record<string, unknown> = {};
    if (spec.body) content['application/json'] = { schema: jsonSchema(spec.body, 'input') };
    if (spec.multipart) content['multipart/form-data'] = { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } };
    op.requestBody = { required: true, content };
  }
  const ok = spec.produces
    ? { description: 'OK', content: { [spec.produces]: {} } }
    : { description: 'OK', content: { 'application/json': { schema: spec.response ? jsonSchema(spec.response, 'output') : {} } } };
  const responses: Record<string, unknown> = { [spec.method === 'POST' && /\/(tokens|watches)$/.test(spec.url) ? '201' : '200']: ok, 400: ERROR_RESPONSE };
  if (spec.access !== 'public') Object.assign(responses, { 401: ERROR_RESPONSE, 403: ERROR_RESPONSE });
  if (spec.url.includes(':')) responses[404] = ERROR_RESPONSE;
  if (spec.method !== 'GET') Object.assign(responses, { 413: ERROR_RESPONSE, 429: ERROR_RESPONSE });
  op.responses = responses;
  return op;
}

export function openapiDocument(specs: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) (paths[openapiPath(s.url)] ??= {})[s.method.toLowerCase()] = operation(s);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entente API',
      version,
      description: 'Geopolitical event intelligence: who did what to whom, when, and how sure the text is. Lists are capped and paginated as { rows, total, limit, offset, truncated }; errors are { error: { code, message } }.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (entente token create --role viewer|editor|admin)' },
        queryToken: { type: 'apiKey', in: 'query', name: 'token', description: 'The same token as a query parameter, for links and EventSource' },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
          required: ['error'],
        },
      },
    },
    paths,
  };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function docsPage(specs: RouteSpec[]): string {
  const tags = [...new Set(specs.map((s) => s.tag))];
  const sections = tags.map((tag) => {
    const rows = specs.filter((s) => s.tag === tag).map((s) => {
      const params = [...parameters(s.params, 'path'), ...parameters(s.query, 'query')] as Array<{ name: string }>;
      const names = params.map((p) => p.name).join(', ');
      return `<tr><td><code>${s.method}</code></td><td><code>${escapeHtml(openapiPath(s.url))}</code></td><td>${escapeHtml(s.access)}</td><td>${escapeHtml(s.summary)}${names ? `<br><small>parameters: ${escapeHtml(names)}</small>` : ''}</td></tr>`;
    });
    return `<h2>${escapeHtml(tag)}</h2>\n<table><thead><tr><th>method</th><th>path</th><th>access</th><th>what it does</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Entente API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}code{font-size:.9em}th{background:#f4f4f4}</style>
</head><body>
<h1>Entente API</h1>
<p>The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Send a token as <code>Authorization: Bearer TOKEN</code> (or <code>?token=TOKEN</code>). Access: <em>public</em> needs nothing;
<em>read</em> needs any token unless the server runs with <code>--open</code>; <em>editor</em> and <em>admin</em> need those roles.
Lists answer <code>{ rows, total, limit, offset, truncated }</code>; errors answer <code>{ "error": { "code", "message" } }</code>.</p>
${sections.join('\n')}
</body></html>
`;
}
