import type { BackgroundStarter } from '../service-context.ts';
import { startLeaderLoop } from '../leader-loop.ts';
import { createEmailChannel } from './channels/email.ts';
import { createTelegramChannel } from './channels/telegram.ts';
import { createWebhookChannel } from './channels/webhook.ts';
import { createReportRenderer, queueScheduledReports } from '../reports/scheduled.ts';
import { queueDigests } from './digest.ts';
import { annotateSourceOutages } from '../annotations/source-outages.ts';
import { notifyStaleSources } from './events.ts';
import { sendDueNotifications, type SenderOptions } from './sender.ts';

const BATCH = 50;
const MAX_BATCHES_PER_PASS = 20;

/**
 * The notification sender, on one node at a time (the leader), every PANTAU_NOTIFY_SECONDS: queues a
 * message for each newly stale source, queues today's digests once their time has come on a working
 * day, and sends what is due. It runs apart from ingest and the watchers, which only write outbox rows,
 * so a channel that is down never slows them.
 */
export const startNotificationSender: BackgroundStarter = async (ctx) => {
  const env = ctx.env;
  const baseUrl = env.PANTAU_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  const reports = createReportRenderer(ctx.pool, ctx.complaints, baseUrl);
  const options: SenderOptions = {
    pool: ctx.pool,
    timeZone: ctx.pack.timeZone,
    tzLabel: ctx.pack.timeZoneLabel,
    baseUrl,
    email: env.PANTAU_SMTP_URL
      ? createEmailChannel({
          url: env.PANTAU_SMTP_URL,
          from: env.PANTAU_SMTP_FROM,
          timeoutMs: env.PANTAU_NOTIFY_TIMEOUT_MS,
        })
      : null,
    webhook: createWebhookChannel({ timeoutMs: env.PANTAU_NOTIFY_TIMEOUT_MS }),
    telegram: env.PANTAU_TELEGRAM_BOT_TOKEN
      ? createTelegramChannel({
          base: env.PANTAU_TELEGRAM_API_BASE,
          token: env.PANTAU_TELEGRAM_BOT_TOKEN,
          timeoutMs: env.PANTAU_NOTIFY_TIMEOUT_MS,
        })
      : null,
    reports,
    maxAttempts: env.PANTAU_NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: env.PANTAU_NOTIFY_RETRY_BASE_SECONDS * 1000,
    retryMaxMs: 3_600_000,
    timeoutMs: env.PANTAU_NOTIFY_TIMEOUT_MS,
  };
  const loop = startLeaderLoop(ctx, {
    name: 'notification-sender',
    intervalMs: env.PANTAU_NOTIFY_SECONDS * 1000,
    runOnElection: true,
    pass: async (log) => {
      const now = new Date();
      const stale = await notifyStaleSources(ctx.pool, now);
      // The same silence, marked on the trends so the gap in the figures explains itself.
      const outages = await annotateSourceOutages(ctx.pool, ctx.pack, now);
      const digests = await queueDigests(ctx.pool, ctx.complaints.calendar(), now, env.PANTAU_NOTIFY_DIGEST_TIME);
      // Scheduled leadership reports go out at the digest time too: Mondays and the 1st of the month.
      const scheduled = await queueScheduledReports(ctx.pool, now, {
        timeZone: ctx.pack.timeZone,
        time: env.PANTAU_NOTIFY_DIGEST_TIME,
      });
      reports.clear();
      // A burst (34 items late at midnight × recipients × channels) drains in one pass, batch after
      // batch, up to a bound so a pass still ends and the leader loop stays responsive.
      const r = { sent: 0, failed: 0, retried: 0, held: 0 };
      for (let i = 0; i < MAX_BATCHES_PER_PASS; i++) {
        const b = await sendDueNotifications({ ...options, batch: BATCH, log }, i === 0 ? now : new Date());
        for (const k of ['sent', 'failed', 'retried', 'held'] as const) r[k] += b[k];
        if (b.sent + b.failed + b.retried + b.held < BATCH) break;
      }
      if (stale + digests + scheduled + r.sent + r.failed + r.retried + r.held + outages.opened + outages.closed > 0)
        log.info(
          { staleSources: stale, outageAnnotations: outages, digests, scheduledReports: scheduled, ...r },
          'notifications',
        );
    },
  });
  return {
    name: loop.name,
    stop: async () => {
      await loop.stop();
      options.email?.close?.();
    },
  };
};
