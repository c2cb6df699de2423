import type { NotificationChannel, NotificationEvent } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';
import { appendAudit, type AuditEntry } from '../audit/append-audit.ts';

/** A message claimed for sending, with its recipient's subscription as it is now. */
export interface ClaimedNotification {
  id: number;
  /** Null for a scheduled report, which goes to an e-mail address ({@link address}). */
  userId: string | null;
  address: string | null;
  channel: NotificationChannel;
  event: NotificationEvent | 'digest' | 'report';
  entity: string;
  entityId: string;
  facts: unknown;
  attempts: number;
  createdAt: Date;
  /** Null when the user has no subscription any more. */
  subscription: {
    enabled: boolean;
    disabled: boolean;
    locale: 'id' | 'en';
    channels: string[];
    email: string | null;
    webhookUrl: string | null;
    webhookSecret: string;
    telegramChatId: string | null;
    quietHours: { start: string; end: string } | null;
    mode: 'immediate' | 'digest';
  } | null;
}

/**
 * Takes up to `limit` due messages under a lease of `leaseMs`: pending ones whose retry time has come,
 * and ones whose sender's lease ran out (its node died mid-send). SKIP LOCKED and the lease keep two
 * senders (a leader change in the middle of a pass) from sending the same row at once.
 */
export async function claimDueNotifications(
  pool: Pool,
  now: Date,
  o: { limit: number; leaseMs: number },
): Promise<ClaimedNotification[]> {
  const { rows } = await pool.query(
    `WITH due AS (
       SELECT id FROM notification_outbox
       WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until < $1)
       ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
     )
     UPDATE notification_outbox o SET status = 'sending', claimed_until = $1::timestamptz + make_interval(secs => $3),
       attempts = o.attempts + 1
     FROM due WHERE o.id = due.id
     RETURNING o.id, o.user_id, o.address, o.channel, o.event, o.entity, o.entity_id, o.facts, o.attempts, o.created_at`,
    [now, o.limit, o.leaseMs / 1000],
  );
  if (rows.length === 0) return [];
  const subs = await pool.query(
    `SELECT s.*, u.disabled_at IS NOT NULL AS disabled FROM notification_subscription s
     JOIN app_user u ON u.id = s.user_id WHERE s.user_id = ANY ($1::text[])`,
    [[...new Set(rows.map((r) => r.user_id).filter((u) => u !== null))]],
  );
  const byUser = new Map(subs.rows.map((s) => [s.user_id as string, s]));
  return rows
    .map((r) => {
      const s = byUser.get(r.user_id);
      return {
        id: Number(r.id),
        userId: r.user_id,
        address: r.address,
        channel: r.channel,
        event: r.event,
        entity: r.entity,
        entityId: r.entity_id,
        facts: r.facts,
        attempts: r.attempts,
        createdAt: r.created_at,
        subscription: s
          ? {
              enabled: s.enabled,
              disabled: s.disabled,
              locale: s.locale,
              channels: s.channels,
              email: s.email,
              webhookUrl: s.webhook_url,
              webhookSecret: s.webhook_secret,
              telegramChatId: s.telegram_chat_id,
              quietHours: s.quiet_start ? { start: s.quiet_start.slice(0, 5), end: s.quiet_end.slice(0, 5) } : null,
              mode: s.mode,
            }
          : null,
      };
    })
    .sort((a, b) => a.id - b.id);
}

/**
 * Records one attempt and its outcome: `sent`, a retry at `retryAt`, or `failed` for good (retryAt
 * null), with its delivery-log row. Only while the row is still this sender's (status `sending`), so a late answer after the lease
 * ran out and another sender took over changes nothing. Returns whether it was recorded.
 */
export async function recordNotificationAttempt(
  pool: Pool,
  id: number,
  attempt: number,
  outcome: { ok: true; detail: string | null } | { ok: false; detail: string; retryAt: Date | null },
  /** Written with the outcome (a final one: sent, or failed for good), so the audit trail has it too. */
  audit?: AuditEntry,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      outcome.ok
        ? `UPDATE notification_outbox SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL
           WHERE id = $1 AND status = 'sending' AND attempts = $2`
        : `UPDATE notification_outbox SET status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
             next_attempt_at = coalesce($4, next_attempt_at), claimed_until = NULL, last_error = $3
           WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      outcome.ok ? [id, attempt] : [id, attempt, outcome.detail, outcome.retryAt],
    );
    if (rowCount) {
      await client.query('INSERT INTO notification_delivery (outbox_id, attempt, ok, detail) VALUES ($1, $2, $3, $4)', [
        id,
        attempt,
        outcome.ok,
        outcome.detail,
      ]);
      if (audit) await appendAudit(client, audit);
    }
    await client.query('COMMIT');
    return (rowCount ?? 0) > 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Holds claimed messages for the recipient's next daily digest (quiet hours, or a digest-only
 * subscription); the attempt did not happen, so it is given back.
 */
export async function holdNotifications(pool: Pool, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await pool.query(
    `UPDATE notification_outbox SET status = 'held', claimed_until = NULL, attempts = attempts - 1
     WHERE id = ANY ($1::bigint[]) AND status = 'sending'`,
    [ids],
  );
}

/** Recipients and channels with held messages waiting for a digest. */
export async function heldNotificationRecipients(
  pool: Pool,
): Promise<Array<{ userId: string; channel: NotificationChannel }>> {
  const { rows } = await pool.query(
    `SELECT DISTINCT user_id, channel FROM notification_outbox WHERE status = 'held' ORDER BY user_id, channel`,
  );
  return rows.map((r) => ({ userId: r.user_id, channel: r.channel }));
}

/**
 * Queues the digest of one recipient × channel × local day, carrying every message held for them before
 * the day's digest time (`heldBefore`), in one transaction: the digest's key is unique per day, so a second pass (or node) that day
 * queues nothing and the held messages wait for the next working day's digest. Returns the digest's id
 * and how many messages it carries, or null when there was nothing to queue.
 */
export async function queueNotificationDigest(
  pool: Pool,
  r: { userId: string; channel: NotificationChannel; date: string; heldBefore: Date },
): Promise<{ id: number; items: number } | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const held = await client.query<{ id: string; facts: unknown }>(
      `SELECT id, facts FROM notification_outbox WHERE user_id = $1 AND channel = $2 AND status = 'held'
         AND created_at <= $3
       ORDER BY id FOR UPDATE SKIP LOCKED`,
      [r.userId, r.channel, r.heldBefore],
    );
    if (held.rows.length === 0) {
      await client.query('ROLLBACK');
      return null;
    }
    const ins = await client.query<{ id: string }>(
      `INSERT INTO notification_outbox (dedupe_key, user_id, channel, event, entity, entity_id, facts)
       VALUES ($1, $2, $3, 'digest', 'digest', $4, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        `digest|${r.date}|${r.userId}|${r.channel}`,
        r.userId,
        r.channel,
        r.date,
        JSON.stringify({ date: r.date, items: held.rows.map((h) => h.facts) }),
      ],
    );
    const id = ins.rows[0]?.id;
    if (!id) {
      await client.query('ROLLBACK');
      return null;
    }
    await client.query(
      `UPDATE notification_outbox SET status = 'digested', digest_id = $1 WHERE id = ANY ($2::bigint[])`,
      [id, held.rows.map((h) => h.id)],
    );
    await client.query('COMMIT');
    return { id: Number(id), items: held.rows.length };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
