import {
  claimDueNotifications,
  holdNotifications,
  recordNotificationAttempt,
  type ClaimedNotification,
  type Pool,
} from '@pantau/db';
import { isQuietAt, renderDigest, renderNotification, retryDelayMs, type RenderedMessage } from '@pantau/domain';
import { notificationFacts, type NotificationFacts, type NotificationWebhookBody } from '@pantau/contracts';
import type { Logger } from '../logger.ts';
import type { Attachment, Channel, OutgoingMessage, SendResult } from './channels/channel.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

/** A scheduled report as an e-mail: subject, text and the PDF. */
export interface ReportMail {
  subject: string;
  text: string;
  attachments: Attachment[];
}

export interface SenderOptions {
  pool: Pool;
  timeZone: string;
  tzLabel: string;
  /** The console's public origin; links are `${baseUrl}${path}`. */
  baseUrl: string;
  /** Null when the channel is not configured: its messages fail with that reason, visibly. */
  email: Channel<string> | null;
  webhook: Channel<{ url: string; secret: string }>;
  telegram: Channel<string> | null;
  /**
   * Renders a scheduled report's e-mail (its PDF attached) from the row's facts; null when the schedule
   * was switched off or deleted since it was queued. Absent: reports fail visibly.
   */
  reports?: { render(facts: unknown): Promise<ReportMail | null> } | undefined;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Upper bound of one delivery; the lease on a claimed row is longer, so a slow send keeps its row. */
  timeoutMs: number;
  /** Messages claimed per pass. @default 50 */
  batch?: number;
  log?: Logger;
}

export interface SendPassResult {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

type Prepared = { row: ClaimedNotification; send: () => Promise<SendResult> };

const digestFacts = (f: unknown) => f as { date: string; items: NotificationFacts[] };

/** Renders a claimed message for its recipient (their language, the province's zone). */
function render(row: ClaimedNotification, o: SenderOptions): OutgoingMessage {
  const locale = row.subscription?.locale ?? 'id';
  const opts = { locale, timeZone: o.timeZone, tzLabel: o.tzLabel, baseUrl: o.baseUrl };
  let m: RenderedMessage;
  let items: NotificationFacts[];
  if (row.event === 'digest') {
    const d = digestFacts(row.facts);
    items = d.items.map((i) => notificationFacts.parse(i));
    m = renderDigest(items, { ...opts, date: d.date });
  } else {
    // Parsed through the contract on the way out: a facts row with any other field (a title, a
    // reporter) would fail here rather than reach a recipient.
    items = [notificationFacts.parse(row.facts)];
    m = renderNotification(items[0]!, opts);
  }
  const webhookBody: NotificationWebhookBody = {
    id: String(row.id),
    type: row.event === 'digest' ? 'digest' : 'notification',
    locale,
    subject: m.subject,
    text: m.text,
    link: m.link,
    items,
  };
  return { id: row.id, event: row.event, subject: m.subject, text: m.text, webhookBody };
}

/** Why a claimed message cannot go to its channel now, if so. */
function unsendable(row: ClaimedNotification, o: SenderOptions): string | null {
  if (row.event === 'report') {
    if (!o.email) return 'e-mail is not configured (PANTAU_SMTP_URL)';
    if (!o.reports) return 'scheduled reports are not rendered on this node';
    return row.address ? null : 'no e-mail address';
  }
  const s = row.subscription;
  if (!s || !s.enabled || s.disabled || !s.channels.includes(row.channel))
    return 'recipient unsubscribed from this channel';
  if (row.channel === 'email' && !o.email) return 'e-mail is not configured (PANTAU_SMTP_URL)';
  if (row.channel === 'telegram' && !o.telegram) return 'Telegram is not configured (PANTAU_TELEGRAM_BOT_TOKEN)';
  if (row.channel === 'email' && !s.email) return 'no e-mail address';
  if (row.channel === 'webhook' && !s.webhookUrl) return 'no webhook URL';
  if (row.channel === 'telegram' && !s.telegramChatId) return 'no Telegram chat id';
  return null;
}

/** A scheduled report: rendered when it is sent (once per pass for all its recipients), the PDF attached. */
function prepareReport(row: ClaimedNotification, o: SenderOptions): Prepared {
  const send = async (): Promise<SendResult> => {
    const mail = await o.reports!.render(row.facts);
    if (!mail) return { ok: false, detail: 'the schedule was switched off or deleted', retryable: false };
    const message: OutgoingMessage = {
      id: row.id,
      event: 'report',
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments,
      // Reports go by e-mail only (the outbox refuses another channel for an address); never a webhook.
      webhookBody: {
        id: String(row.id),
        type: 'notification',
        locale: 'id',
        subject: mail.subject,
        text: mail.text,
        link: '',
        items: [],
      },
    };
    return o.email!.send(row.address!, message);
  };
  return { row, send };
}

function prepare(row: ClaimedNotification, o: SenderOptions): Prepared {
  if (row.event === 'report') return prepareReport(row, o);
  const s = row.subscription!;
  const message = render(row, o);
  const send =
    row.channel === 'email'
      ? () => o.email!.send(s.email!, message)
      : row.channel === 'webhook'
        ? () => o.webhook.send({ url: s.webhookUrl!, secret: s.webhookSecret }, message)
        : () => o.telegram!.send(s.telegramChatId!, message);
  return { row, send };
}

/**
 * One pass of the notification sender (leader only): claims due messages, holds those whose recipient
 * is in quiet hours or takes a digest, and sends the rest — each channel's messages in turn, the
 * channels side by side, so one channel that is down delays only its own messages. A channel that
 * fails with a retryable error is not asked again in the same pass. Every attempt is logged; a final
 * outcome (sent, or failed for good) also goes to the audit trail.
 */
export async function sendDueNotifications(o: SenderOptions, now: Date): Promise<SendPassResult> {
  const result: SendPassResult = { sent: 0, retried: 0, failed: 0, held: 0 };
  const rows = await claimDueNotifications(o.pool, now, { limit: o.batch ?? 50, leaseMs: o.timeoutMs * 3 + 5000 });
  if (rows.length === 0) return result;
  const toHold: number[] = [];
  const byChannel = new Map<string, Prepared[]>();
  for (const row of rows) {
    const reason = unsendable(row, o);
    if (reason) {
      await record(o, row, { ok: false, detail: reason, retryable: false }, now, result);
      continue;
    }
    const s = row.subscription;
    // Reports are not held: they go to an address with no quiet hours, on their schedule.
    if (s && row.event !== 'digest' && (s.mode === 'digest' || isQuietAt(now, o.timeZone, s.quietHours))) {
      toHold.push(row.id);
      continue;
    }
    let prepared: Prepared;
    try {
      prepared = prepare(row, o);
    } catch (err) {
      await record(
        o,
        row,
        { ok: false, detail: `cannot render: ${String(err)}`.slice(0, 500), retryable: false },
        now,
        result,
      );
      continue;
    }
    byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), prepared]);
  }
  await holdNotifications(o.pool, toHold);
  result.held += toHold.length;
  await Promise.all(
    [...byChannel.values()].map(async (list) => {
      let down: string | null = null;
      for (const p of list) {
        const r: SendResult = down
          ? { ok: false, detail: `not tried: the channel failed earlier in this pass (${down})`, retryable: true }
          : await p.send().catch((err: unknown) => ({ ok: false as const, detail: String(err), retryable: true }));
        if (!r.ok && r.retryable && !down) down = r.detail.slice(0, 120);
        await record(o, p.row, r, new Date(), result);
      }
    }),
  );
  return result;
}

async function record(
  o: SenderOptions,
  row: ClaimedNotification,
  r: SendResult,
  now: Date,
  result: SendPassResult,
): Promise<void> {
  const final = r.ok || !r.retryable || row.attempts >= o.maxAttempts;
  const wait = r.ok
    ? 0
    : Math.max(r.retryAfterMs ?? 0, retryDelayMs(row.attempts, { baseMs: o.retryBaseMs, maxMs: o.retryMaxMs }));
  const audit = final
    ? {
        actor: 'system:notifications',
        action: r.ok ? ('notification.sent' as const) : ('notification.failed' as const),
        entity: row.entity,
        entityId: row.entityId,
        details: {
          outboxId: row.id,
          event: row.event,
          channel: row.channel,
          recipient: row.userId ?? row.address,
          attempt: row.attempts,
          detail: r.detail,
        },
      }
    : undefined;
  const recorded = await recordNotificationAttempt(
    o.pool,
    row.id,
    row.attempts,
    r.ok
      ? { ok: true, detail: r.detail }
      : { ok: false, detail: r.detail, retryAt: final ? null : new Date(now.getTime() + wait) },
    audit,
  );
  if (!recorded) return;
  metricsFor(o.pool).notificationDeliveries.inc({
    channel: row.channel,
    result: r.ok ? 'sent' : final ? 'failed' : 'retried',
  });
  if (r.ok) result.sent += 1;
  else if (final) {
    result.failed += 1;
    o.log?.warn({ outboxId: row.id, channel: row.channel, detail: r.detail }, 'notification failed for good');
  } else result.retried += 1;
}
