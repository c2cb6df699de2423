import { complaintIngestBatch, firstIssue, ingestHeartbeat, smsMessage } from '@pantau/contracts';
import { recordHeartbeat, sourceForKey, type Pool } from '@pantau/db';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { parseSmsComplaint, smsFormatHelp, smsToIngestItem } from '../ingest/sms.ts';
import { isTransientDbError, storeUnavailableResponse } from '../ingest/transient.ts';

const bad = (
  c: Context,
  status: 400 | 401 | 403 | 413 | 415 | 422,
  field: string,
  message: string,
  extra: object = {},
) => c.json({ error: { field, message, ...extra } }, status);

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

/**
 * An SMS gateway posts either JSON or a form (`application/x-www-form-urlencoded` or multipart): both
 * become the same plain object, parsed by the same schema. File parts of a form are ignored.
 */
async function readSmsBody(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return readJson(c);
  try {
    const form = await c.req.parseBody();
    return {
      ok: true,
      value: Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')),
    };
  } catch {
    return { ok: false };
  }
}

async function authenticatedSource(c: Context, pool: Pool): Promise<string | null> {
  const header = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? sourceForKey(pool, m[1]!) : null;
}

/**
 * Ingest routes. Each source authenticates with its own API key (`Authorization: Bearer <key>`);
 * a request is answered only after its transaction committed.
 */
export function ingestRoutes(pool: Pool, ctx: ComplaintContext): Hono {
  const app = new Hono();
  // A store that is down or kept refusing for a passing reason is no verdict on the request: 503 with
  // Retry-After, for every ingest route (PPID and social included), and the source sends it again.
  app.onError((err) => {
    if (isTransientDbError(err)) return storeUnavailableResponse(err);
    throw err;
  });
  app.use('/api/ingest/*', async (c, next) => {
    await next();
    if (c.error && isTransientDbError(c.error)) c.res = storeUnavailableResponse(c.error);
  });
  app.use(
    '/api/ingest/*',
    bodyLimit({ maxSize: 16 * 1024 * 1024, onError: (c) => bad(c, 413, 'body', 'body larger than 16 MiB') }),
  );

  app.post('/api/ingest/complaints', async (c) => {
    const source = await authenticatedSource(c, pool);
    if (!source) return bad(c, 401, 'authorization', 'a valid source API key is required');
    const json = await readJson(c);
    if (!json.ok) return bad(c, 400, 'body', 'body is not valid JSON');
    const batch = complaintIngestBatch.safeParse(json.value);
    if (!batch.success) {
      const issue = firstIssue(batch.error);
      return bad(c, 400, issue.field, issue.message);
    }
    if (batch.data.source !== source) return bad(c, 403, 'source', `this key belongs to source "${source}"`);
    const results = await ingestComplaintBatch(pool, ctx, source, batch.data.items);
    const count = (s: string) => results.filter((r) => r.status === s).length;
    return c.json({ accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results });
  });

  // A push source with nothing to send says it is alive: the documented heartbeat (docs/api/ingest.md).
  // Only the source's own key can mark it fresh.
  app.post('/api/ingest/heartbeat', async (c) => {
    const source = await authenticatedSource(c, pool);
    if (!source) return bad(c, 401, 'authorization', 'a valid source API key is required');
    const json = await readJson(c);
    if (!json.ok) return bad(c, 400, 'body', 'body is not valid JSON');
    const body = ingestHeartbeat.safeParse(json.value);
    if (!body.success) {
      const issue = firstIssue(body.error);
      return bad(c, 400, issue.field, issue.message);
    }
    if (body.data.source !== source) return bad(c, 403, 'source', `this key belongs to source "${source}"`);
    const at = await recordHeartbeat(pool, { id: source, stream: body.data.stream, label: source });
    return c.json({ source, lastDeliveryAt: at.toISOString() });
  });

  app.post('/api/ingest/sms', async (c) => {
    const source = await authenticatedSource(c, pool);
    if (!source) return bad(c, 401, 'authorization', 'a valid source API key is required');
    const json = await readSmsBody(c);
    if (!json.ok) return bad(c, 400, 'body', 'body is neither JSON nor a form');
    const msg = smsMessage.safeParse(json.value);
    if (!msg.success) {
      const issue = firstIssue(msg.error);
      return bad(c, 400, issue.field, issue.message);
    }
    const { keyword, number } = ctx.pack.sms;
    const text = parseSmsComplaint(keyword, msg.data.text);
    if (!text)
      return bad(c, 422, 'text', 'not a complaint in the keyword format', { reply: smsFormatHelp(keyword, number) });
    const item = smsToIngestItem({ ...msg.data, receivedAt: msg.data.receivedAt ?? new Date().toISOString() }, text);
    const [result] = await ingestComplaintBatch(pool, ctx, source, [item]);
    if (result?.status === 'rejected')
      return bad(c, 422, result.error?.field ?? 'text', result.error?.message ?? 'rejected');
    return c.json({
      status: result?.status,
      trackingId: item.event.type === 'submitted' ? item.event.trackingId : null,
      reply: `Terima kasih, aduan Anda diterima dengan nomor ${item.event.type === 'submitted' ? item.event.trackingId : ''}.`,
    });
  });
  return app;
}
