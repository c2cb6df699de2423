import type { NotificationSubscriptionBody, NotificationSubscriptionView } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

interface SubscriptionRow {
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  user_opd_id: string | null;
  enabled: boolean;
  locale: 'id' | 'en';
  channels: NotificationSubscriptionView['channels'];
  email: string | null;
  webhook_url: string | null;
  webhook_secret: string;
  telegram_chat_id: string | null;
  events: NotificationSubscriptionView['events'];
  opd_ids: string[];
  levels: number[];
  quiet_start: string | null;
  quiet_end: string | null;
  mode: 'immediate' | 'digest';
  updated_at: Date | null;
}

function view(r: SubscriptionRow): NotificationSubscriptionView {
  return {
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    userOpdId: r.user_opd_id ?? null,
    enabled: r.enabled,
    locale: r.locale,
    channels: r.channels,
    email: r.email,
    webhookUrl: r.webhook_url,
    webhookSecret: r.webhook_secret,
    telegramChatId: r.telegram_chat_id,
    events: r.events,
    opdIds: r.opd_ids,
    levels: r.levels,
    quietHours: r.quiet_start ? { start: hhmm(r.quiet_start)!, end: hhmm(r.quiet_end)! } : null,
    mode: r.mode,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
  };
}

const SELECT = `SELECT s.*, u.username, u.display_name, u.role, u.opd_id AS user_opd_id
  FROM notification_subscription s JOIN app_user u ON u.id = s.user_id`;

/** A user's subscription, or null when the user has never set one. */
export async function notificationSubscription(
  pool: Pool,
  userId: string,
): Promise<NotificationSubscriptionView | null> {
  const { rows } = await pool.query<SubscriptionRow>(`${SELECT} WHERE s.user_id = $1`, [userId]);
  return rows[0] ? view(rows[0]) : null;
}

/** Every subscription, by username (the admins' overview). */
export async function listNotificationSubscriptions(pool: Pool): Promise<NotificationSubscriptionView[]> {
  const { rows } = await pool.query<SubscriptionRow>(`${SELECT} ORDER BY u.username`);
  return rows.map(view);
}

/**
 * Creates or replaces a user's subscription. `newSecret` is the webhook key for a new row, or for a
 * rotation; an existing row otherwise keeps its key.
 */
export async function saveNotificationSubscription(
  pool: Pool,
  userId: string,
  s: NotificationSubscriptionBody,
  o: { by: string; newSecret: string; rotate: boolean },
): Promise<NotificationSubscriptionView> {
  await pool.query(
    `INSERT INTO notification_subscription (user_id, enabled, locale, channels, email, webhook_url, webhook_secret,
       telegram_chat_id, events, opd_ids, levels, quiet_start, quiet_end, mode, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (user_id) DO UPDATE SET enabled = $2, locale = $3, channels = $4, email = $5, webhook_url = $6,
       webhook_secret = CASE WHEN $16 THEN $7 ELSE notification_subscription.webhook_secret END,
       telegram_chat_id = $8, events = $9, opd_ids = $10, levels = $11, quiet_start = $12, quiet_end = $13,
       mode = $14, updated_by = $15, updated_at = now()`,
    [
      userId,
      s.enabled,
      s.locale,
      [...new Set(s.channels)],
      s.email,
      s.webhookUrl,
      o.newSecret,
      s.telegramChatId,
      [...new Set(s.events)],
      [...new Set(s.opdIds)],
      [...new Set(s.levels)].sort((a, b) => a - b),
      s.quietHours?.start ?? null,
      s.quietHours?.end ?? null,
      s.mode,
      o.by,
      o.rotate,
    ],
  );
  return (await notificationSubscription(pool, userId))!;
}
