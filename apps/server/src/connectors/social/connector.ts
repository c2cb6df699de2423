import type { SocialIngestItem } from '@pantau/contracts';
import {
  markSourceDelivered,
  loadConnectorCursors,
  markSourceError,
  pollableSocialAccounts,
  saveConnectorCursor,
  type Pool,
} from '@pantau/db';
import { ingestSocialBatch } from '../../ingest/social-ingest.ts';
import type { Logger } from '../../logger.ts';
import type { Failure } from './http.ts';
import type { PlatformClient, PolledAccount } from './platform.ts';

export interface ConnectorSettings {
  /** How often each account is polled when all is well. */
  intervalMs: number;
  /** First back-off after a failure; doubles with each consecutive failure. @default 60000 */
  backoffBaseMs?: number;
  /** Longest back-off. @default 6 h */
  backoffMaxMs?: number;
}

export interface PollReport {
  polled: number;
  succeeded: number;
  failed: Array<{ accountId: string; kind: Failure['kind']; message: string }>;
}

/** The source row a platform connector delivers as (freshness is shown per source). */
export const connectorSource = (platform: string) => ({
  id: `connector-${platform}`,
  stream: 'social' as const,
  label: `Connector ${platform}`,
  freshnessTargetSeconds: 2 * 86_400,
});

/**
 * When to poll again after a failure: the platform's reset time when it gave one (X's
 * x-rate-limit-reset), else exponential back-off from `backoffBaseMs`, capped at `backoffMaxMs`.
 */
export function nextAttempt(now: Date, failures: number, failure: Failure, s: ConnectorSettings): Date {
  const base = s.backoffBaseMs ?? 60_000;
  const max = s.backoffMaxMs ?? 6 * 3600_000;
  const backoff = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  if (failure.kind === 'rate_limited' && failure.retryAt && failure.retryAt.getTime() > now.getTime())
    return new Date(Math.min(failure.retryAt.getTime() + 1000, now.getTime() + max));
  return new Date(now.getTime() + backoff);
}

/**
 * One pass over a platform's pollable accounts: each account whose `next_poll_at` has come is polled;
 * its figures go through the same ingest as every other source, and its cursor is saved, so a restarted
 * node resumes where this one stopped. A failure (garbage, 429, timeout, platform error) is logged,
 * backs the account off, and marks the connector's source late — it never throws.
 */
export async function pollPlatformOnce(
  pool: Pool,
  client: PlatformClient,
  settings: ConnectorSettings,
  logger: Logger,
  now: Date = new Date(),
): Promise<PollReport> {
  const report: PollReport = { polled: 0, succeeded: 0, failed: [] };
  const source = connectorSource(client.platform);
  let accounts;
  let cursors;
  try {
    accounts = await pollableSocialAccounts(pool, client.platform);
    cursors = await loadConnectorCursors(pool, client.platform);
  } catch (err) {
    logger.warn({ err, platform: client.platform }, 'social connector could not read its accounts');
    return report;
  }
  for (const a of accounts) {
    const saved = cursors.get(a.id);
    if (saved && saved.nextPollAt.getTime() > now.getTime()) continue;
    report.polled += 1;
    const account: PolledAccount = {
      id: a.id,
      platform: client.platform,
      handle: a.handle,
      platformAccountId: a.platformAccountId!,
    };
    const cursor = saved?.cursor ?? {};
    try {
      const outcome = await client.poll(account, cursor, now);
      if (outcome.ok) {
        const items: SocialIngestItem[] = outcome.days.map((d) => ({
          externalId: `${a.id}:${d.date}`,
          event: {
            type: 'account_metrics',
            eventId: `poll:${now.toISOString()}`,
            occurredAt: now.toISOString(),
            account: { platform: client.platform, handle: a.handle },
            date: d.date,
            figures: d.figures,
          },
        }));
        const results = items.length > 0 ? await ingestSocialBatch(pool, source.id, items) : [];
        // The platform answered: the source is alive even with nothing new (a batch marks it fresh itself).
        if (items.length === 0) await markSourceDelivered(pool, source);
        const rejected = results.filter((r) => r.status === 'rejected');
        if (rejected.length > 0)
          logger.warn({ platform: client.platform, account: a.id, rejected }, 'figures rejected');
        const next = Math.max(now.getTime() + settings.intervalMs, outcome.notBefore?.getTime() ?? 0);
        await saveConnectorCursor(pool, {
          accountId: a.id,
          platform: client.platform,
          cursor: outcome.cursor,
          nextPollAt: new Date(next),
          failures: 0,
          success: true,
          error: null,
        });
        report.succeeded += 1;
        continue;
      }
      await recordFailure(pool, client, a.id, cursor, saved?.failures ?? 0, outcome.failure, settings, logger, now);
      report.failed.push({ accountId: a.id, kind: outcome.failure.kind, message: outcome.failure.message });
    } catch (err) {
      // A bug or a database hiccup: treat like any failure so the loop goes on.
      const failure: Failure = { kind: 'network', message: (err as Error).message };
      await recordFailure(pool, client, a.id, cursor, saved?.failures ?? 0, failure, settings, logger, now).catch(
        () => undefined,
      );
      report.failed.push({ accountId: a.id, kind: failure.kind, message: failure.message });
    }
  }
  return report;
}

async function recordFailure(
  pool: Pool,
  client: PlatformClient,
  accountId: string,
  cursor: Record<string, unknown>,
  priorFailures: number,
  failure: Failure,
  settings: ConnectorSettings,
  logger: Logger,
  now: Date,
): Promise<void> {
  const failures = priorFailures + 1;
  const retryAt = nextAttempt(now, failures, failure, settings);
  logger.warn(
    { platform: client.platform, account: accountId, kind: failure.kind, failures, retryAt: retryAt.toISOString() },
    `social connector poll failed: ${failure.message}`,
  );
  const message = `${failure.kind}: ${failure.message}`;
  await saveConnectorCursor(pool, {
    accountId,
    platform: client.platform,
    cursor,
    nextPollAt: retryAt,
    failures,
    success: false,
    error: message,
  });
  await markSourceError(pool, connectorSource(client.platform), `${accountId}: ${message}`);
}
