import { firstIssue } from '@pantau/contracts';
import { sourceForKey, type Pool } from '@pantau/db';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';

// Shared HTTP helpers of the PPID and social routes. The ingest auth is the per-source API key of
// `routes/ingest.ts` (Authorization: Bearer <key>, looked up with `sourceForKey`); a shared auth module
// had not landed when these routes were written — switch to it when it does.

export type BadStatus = 400 | 401 | 403 | 413 | 415 | 422;

export const bad = (c: Context, status: BadStatus, field: string, message: string) =>
  c.json({ error: { field, message } }, status);

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

/** The ingest source an API key belongs to, or null. */
export async function authenticatedSource(c: Context, pool: Pool): Promise<string | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return m ? sourceForKey(pool, m[1]!) : null;
}

/** 16 MiB per ingest request, answered with a 413 naming the body. */
export const ingestBodyLimit = (): MiddlewareHandler =>
  bodyLimit({ maxSize: 16 * 1024 * 1024, onError: (c) => bad(c, 413, 'body', 'body larger than 16 MiB') });

/** Parses a query string with its contract; a period must run forward and span at most 5 years. */
export function parsePeriodQuery<S extends z.ZodType<{ from: string; to: string }>>(
  c: Context,
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    return { ok: false, response: bad(c, 400, issue.field, issue.message) };
  }
  const { from, to } = parsed.data;
  // Year 0 is a valid ISO date but not a PostgreSQL one (a 500 once).
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (Number(v.slice(0, 4)) < 1900)
      return { ok: false, response: bad(c, 400, field, 'year out of range (1900 or later)') };
  if (to < from) return { ok: false, response: bad(c, 400, 'to', 'must not be before from') };
  if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000)
    return { ok: false, response: bad(c, 400, 'to', 'a period spans at most 5 years') };
  return { ok: true, value: parsed.data };
}

/** Runs an authenticated batch ingest: 401/400/403 before any write, per-item results after commit. */
export async function handleBatchIngest(
  c: Context,
  pool: Pool,
  batchSchema: z.ZodType<{ source: string; items: unknown[] }>,
  ingest: (source: string, items: unknown[]) => Promise<Array<{ status: string }>>,
): Promise<Response> {
  const source = await authenticatedSource(c, pool);
  if (!source) return bad(c, 401, 'authorization', 'a valid source API key is required');
  const json = await readJson(c);
  if (!json.ok) return bad(c, 400, 'body', 'body is not valid JSON');
  const batch = batchSchema.safeParse(json.value);
  if (!batch.success) {
    const issue = firstIssue(batch.error);
    return bad(c, 400, issue.field, issue.message);
  }
  if (batch.data.source !== source) return bad(c, 403, 'source', `this key belongs to source "${source}"`);
  const results = await ingest(source, batch.data.items);
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return c.json({ accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results });
}
