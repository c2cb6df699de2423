import { z } from 'zod';
import { opdId } from './common.ts';

/** Where a notification can go besides the console itself. */
export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'telegram'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * What Pantau tells people about: a case crossing at-risk, becoming overdue, escalated to a ladder level
 * or acknowledged; a source gone stale; a PPID request near its 10-HK decision.
 */
export const NOTIFICATION_EVENTS = [
  'at_risk',
  'overdue',
  'escalated',
  'acknowledged',
  'source_stale',
  'ppid_decision_near',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

/**
 * The facts of one notification, as stored in the outbox and sent in a webhook. Deliberately no title,
 * body or reporter field: a message carries the tracking id, the OPD, the deadline and a link to the
 * console, never a reporter's identity, contact or rahasia text.
 */
export const notificationFacts = z.strictObject({
  event: z.enum(NOTIFICATION_EVENTS),
  caseKind: z.enum(['complaint', 'ppid_request']).nullable(),
  caseId: z.number().int().positive().nullable(),
  trackingId: z.string().nullable(),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  /** ISO instant of the case's running deadline. */
  deadlineAt: z.string().nullable(),
  /** The ladder level raised or acknowledged. */
  level: z.number().int().positive().nullable(),
  levelLabel: z.object({ id: z.string(), en: z.string() }).nullable(),
  sourceId: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
  /** The console path of the item (the sender prefixes PANTAU_PUBLIC_URL). */
  path: z.string().startsWith('/'),
  occurredAt: z.string(),
});
export type NotificationFacts = z.infer<typeof notificationFacts>;

/** `PUT /api/notifications/subscription` (own) and `PUT /api/notifications/subscriptions/:userId` (admin). */
export const notificationSubscriptionBody = z
  .strictObject({
    enabled: z.boolean(),
    locale: z.enum(['id', 'en']),
    channels: z.array(z.enum(NOTIFICATION_CHANNELS)).max(3),
    email: z.email().max(254).nullable(),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    /** A numeric chat id (groups are negative) or a public @channel name. */
    telegramChatId: z
      .string()
      .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, 'expected a numeric chat id or @channelname')
      .nullable(),
    events: z.array(z.enum(NOTIFICATION_EVENTS)).max(NOTIFICATION_EVENTS.length),
    /** Empty: every OPD the user may see. */
    opdIds: z.array(opdId).max(200),
    /** Ladder levels whose escalations and acknowledgements reach this user; empty: every level. */
    levels: z.array(z.number().int().min(1).max(10)).max(10),
    /** Local times in the province's zone; an interval that wraps midnight (22:00–06:00) is allowed. */
    quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
    mode: z.enum(['immediate', 'digest']),
    /** Issue a new webhook signing secret (the old one stops verifying at once). */
    rotateWebhookSecret: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    const need = { email: s.email, webhook: s.webhookUrl, telegram: s.telegramChatId } as const;
    for (const ch of s.channels) {
      if (need[ch] === null)
        ctx.addIssue({
          code: 'custom',
          path: [ch === 'email' ? 'email' : ch === 'webhook' ? 'webhookUrl' : 'telegramChatId'],
          message: `channel ${ch} needs its address`,
        });
    }
    if (s.quietHours && s.quietHours.start === s.quietHours.end)
      ctx.addIssue({ code: 'custom', path: ['quietHours', 'end'], message: 'quiet hours must not be empty' });
  });
export type NotificationSubscriptionBody = z.infer<typeof notificationSubscriptionBody>;

export interface NotificationSubscriptionView extends Omit<NotificationSubscriptionBody, 'rotateWebhookSecret'> {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  /** The subscriber's own OPD (an OPD admin hears about nothing else). */
  userOpdId: string | null;
  /** HMAC-SHA256 key of this user's webhook; shown to the owner and admins only. */
  webhookSecret: string;
  updatedAt: string | null;
}

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'digested';

/** One message in the delivery log (`GET /api/notifications/deliveries`, admins). */
export interface NotificationDeliveryView {
  id: number;
  createdAt: string;
  /** Null for a scheduled report, sent to an e-mail {@link address} rather than a user. */
  userId: string | null;
  address: string | null;
  username: string | null;
  channel: NotificationChannel;
  event: NotificationEvent | 'digest' | 'report';
  entity: string;
  entityId: string;
  trackingId: string | null;
  opdId: string | null;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  /** The digest that carried a held message. */
  digestId: number | null;
  /** Every attempt: when, whether it went through, and what the channel answered. */
  log: Array<{ attempt: number; at: string; ok: boolean; detail: string | null }>;
}

/** The query of the delivery log. */
export const notificationDeliveryQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held', 'digested']).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The JSON body of a webhook delivery. Verify it with the `X-Pantau-Signature` header: hex
 * HMAC-SHA256 over `${X-Pantau-Timestamp}.${raw body}` with the subscription's secret (docs/notifications.md).
 */
export interface NotificationWebhookBody {
  /** Stable per message: a receiver that sees it twice can drop the second. */
  id: string;
  type: 'notification' | 'digest';
  locale: 'id' | 'en';
  subject: string;
  /** The message as plain text, ready for a chat (Slack/Mattermost `text`). */
  text: string;
  link: string | null;
  /** One item for a notification, every carried item for a digest. */
  items: NotificationFacts[];
}
