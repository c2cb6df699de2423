import {
  laporConnectorState,
  markSourceDelivered,
  markSourceError,
  saveLaporConnectorState,
  type Pool,
} from '@pantau/db';
import type { BackgroundStarter } from '../../service-context.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../../ingest/complaint-ingest.ts';
import { startLeaderLoop } from '../../leader-loop.ts';
import type { Logger } from '../../logger.ts';
import { nextAttempt, type ConnectorSettings } from '../social/connector.ts';
import { apiUrl, getJson, type Failure, type PlatformErrorReader } from '../social/http.ts';

/**
 * Pulls complaint events from a LAPOR-like HTTP API. No public documentation of LAPOR! v4's API was
 * found (DOMAIN.md §1.7), so the connector speaks one documented feed shape and a deployment maps its
 * real source onto it (or swaps `fetchPage`):
 *
 *   GET {base}/events?cursor=<opaque>&limit=<n>   Authorization: Bearer <token>
 *   200 { "items": [{ "externalId": "...", "event": { ...complaint event... } }], "nextCursor": "..." | null }
 *   429 with Retry-After (seconds) when throttled; { "error": { "message": "..." } } on errors.
 */
export interface LaporConnectorOptions {
  baseUrl: string;
  token: string;
  source: string;
  pageSize?: number;
  timeoutMs?: number;
  settings: ConnectorSettings;
}

const laporErrors: PlatformErrorReader = {
  message: (json) => {
    const m = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return typeof m === 'string' ? m : null;
  },
  isRateLimit: (status) => status === 429,
  resetAt: (headers) => {
    const after = Number(headers.get('retry-after'));
    return Number.isFinite(after) && after > 0 ? new Date(Date.now() + after * 1000) : null;
  },
};

export interface PullReport {
  pages: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  failure: Failure | null;
}

const sourceRow = (source: string) => ({
  id: source,
  stream: 'complaints' as const,
  label: `LAPOR (${source})`,
  freshnessTargetSeconds: 900,
});

/**
 * One pull: from the stored cursor, page by page until the feed is drained, each page ingested exactly
 * once and the cursor saved after its commit. A failure (garbage, 429, timeout, error body) stops the
 * pull, backs off, and marks the source late; it never throws for the feed's faults. When Pantau's own
 * database is unavailable it throws `StoreUnavailableError` without saving the cursor (the feed is not to
 * blame, so the source is not marked late) and the next poll fetches the same page again.
 */
export async function pullLaporOnce(
  pool: Pool,
  ctx: ComplaintContext,
  o: LaporConnectorOptions,
  log: Logger,
  now = new Date(),
): Promise<PullReport> {
  const report: PullReport = { pages: 0, accepted: 0, duplicate: 0, rejected: 0, failure: null };
  const state = await laporConnectorState(pool, o.source);
  if (state.nextAttemptAt && state.nextAttemptAt > now) return report;
  let cursor = state.cursor;
  for (let page = 0; page < 100; page++) {
    const query: Record<string, string> = { limit: String(o.pageSize ?? 500) };
    if (cursor) query.cursor = cursor;
    const res = await getJson(
      apiUrl(o.baseUrl, '/events', query),
      { headers: { authorization: `Bearer ${o.token}` }, timeoutMs: o.timeoutMs ?? 10_000 },
      laporErrors,
    );
    let failure: Failure | null = res.ok ? null : res.failure;
    const body = res.ok ? (res.json as { items?: unknown; nextCursor?: unknown }) : null;
    if (
      body &&
      (!Array.isArray(body.items) ||
        (body.nextCursor !== null && body.nextCursor !== undefined && typeof body.nextCursor !== 'string'))
    ) {
      failure = { kind: 'garbage', message: 'response is not { items: [...], nextCursor }' };
    }
    if (failure || !body) {
      const f = failure ?? { kind: 'garbage' as const, message: 'no body' };
      report.failure = f;
      const failures = state.failures + 1;
      await saveLaporConnectorState(pool, o.source, {
        cursor,
        failures,
        nextAttemptAt: nextAttempt(now, failures, f, o.settings),
      });
      await markSourceError(pool, sourceRow(o.source), `${f.kind}: ${f.message}`);
      log.warn({ source: o.source, failure: f.kind, message: f.message, failures }, 'LAPOR pull failed; backing off');
      return report;
    }
    const items = body.items as unknown[];
    if (items.length > 0) {
      const results = await ingestComplaintBatch(pool, ctx, o.source, items);
      for (const r of results) report[r.status] += 1;
      if (report.rejected > 0)
        log.warn(
          { source: o.source, rejected: results.filter((r) => r.status === 'rejected').slice(0, 3) },
          'LAPOR items rejected',
        );
    }
    report.pages += 1;
    const next = typeof body.nextCursor === 'string' ? body.nextCursor : cursor;
    await saveLaporConnectorState(pool, o.source, { cursor: next, failures: 0, nextAttemptAt: null });
    // A successful poll is a report from the source, new items or not: a quiet hour is not staleness.
    await markSourceDelivered(pool, sourceRow(o.source));
    state.failures = 0;
    if (!body.nextCursor || body.nextCursor === cursor || items.length === 0) break;
    cursor = next;
  }
  return report;
}

/** Polls the configured LAPOR feed on one node at a time; off unless PANTAU_LAPOR_URL and _TOKEN are set. */
export const startLaporConnector: BackgroundStarter = async (ctx) => {
  const { PANTAU_LAPOR_URL: baseUrl, PANTAU_LAPOR_TOKEN: token } = ctx.env;
  if (!baseUrl || !token) return null;
  const options: LaporConnectorOptions = {
    baseUrl,
    token,
    source: ctx.env.PANTAU_LAPOR_SOURCE,
    settings: { intervalMs: ctx.env.PANTAU_LAPOR_POLL_SECONDS * 1000 },
  };
  return startLeaderLoop(ctx, {
    name: 'lapor-connector',
    intervalMs: options.settings.intervalMs,
    runOnElection: true,
    pass: async (log) => {
      await pullLaporOnce(ctx.pool, ctx.complaints, options, log);
    },
  });
};
