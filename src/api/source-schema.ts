// The wire shape of a followed source (GET /api/sources), shared with the web client.
import { z } from 'zod';
import { SOURCE_KINDS } from '../store/source-store.js';

export const SourceSchema = z.object({
  id: z.string(), kind: z.enum(SOURCE_KINDS), target: z.string(), everySeconds: z.number().int(), options: z.record(z.string(), z.unknown()),
  label: z.string().nullable(), createdAt: z.string(), paused: z.boolean(), lastFetchAt: z.string().nullable(), lastSuccessAt: z.string().nullable(),
  nextFetchAt: z.string().nullable(), itemsAdded: z.number().int(), failures: z.number().int(), lastError: z.string().nullable(), lastErrorAt: z.string().nullable(),
});
export type SourceWire = z.infer<typeof SourceSchema>;
