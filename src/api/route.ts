// One way to declare an endpoint: its method, path, access level and zod schemas. The
// declaration registers the fastify route, validates the request and feeds the OpenAPI
// document, so the docs cannot drift from what the server checks.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import { RequestValidationError } from './errors.js';
import { requireAccess, type Access } from './auth.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<Q extends ZodType = ZodType, P extends ZodType = ZodType, B extends ZodType = ZodType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  description?: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Documented response shape (not enforced at run time). */
  response?: ZodType;
  /** Content type of a non-JSON answer (Atom feed, event stream, HTML). */
  produces?: string;
  /** Also accepts a multipart/form-data file upload (documented as such). */
  multipart?: boolean;
  /** Largest accepted body in bytes; write endpoints default to 1 MB. */
  bodyLimit?: number;
  /** Requests per minute per token (or address); every write endpoint has one. */
  perMinute?: number;
  handler: (ctx: RouteContext<z.output<Q>, z.output<P>, z.output<B>>) => Promise<unknown>;
}

export interface RouteTable {
  readonly specs: RouteSpec[];
  add<Q extends ZodType = ZodType, P extends ZodType = ZodType, B extends ZodType = ZodType>(spec: RouteSpec<Q, P, B>): void;
}

export interface RouteDefaults { writesPerMinute: number; readsPerMinute: number; jsonBodyLimit: number }

function parse<S extends ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new RequestValidationError(where, r.error);
  return r.data;
}

export function routeTable(app: FastifyInstance, defaults: RouteDefaults): RouteTable {
  const specs: RouteSpec[] = [];
  return {
    specs,
    add(spec) {
      specs.push(spec as unknown as RouteSpec);
      const write = spec.method !== 'GET';
      const perMinute = spec.perMinute ?? (write ? defaults.writesPerMinute : defaults.readsPerMinute);
      app.route({
        method: spec.method,
        url: spec.url,
        bodyLimit: spec.bodyLimit ?? (write ? defaults.jsonBodyLimit : undefined),
        config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
        // Checked before the body is read, so a refused upload costs nothing.
        onRequest: requireAccess(spec.access),
        handler: async (req, reply) => {
          const query = parse(spec.query, req.query, 'query');
          const params = parse(spec.params, req.params, 'params');
          const body = req.isMultipart() ? undefined : parse(spec.body, req.body, 'body');
          const out = await spec.handler({ query, params, body, req, reply } as never);
          if (reply.sent) return reply;
          if (out === undefined) return reply.status(204).send();
          return out;
        },
      });
    },
  };
}
