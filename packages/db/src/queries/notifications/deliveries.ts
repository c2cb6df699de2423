import type { NotificationDeliveryView } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

export interface NotificationDeliveryFilter {
  status?: NotificationDeliveryView['status'];
  channel?: NotificationDeliveryView['channel'];
  /** A tracking id, a username or a source id. */
  q?: string;
  /** Keyset: messages older than this id. */
  beforeId?: number;
}

/** The delivery log, newest message first, each with every attempt. */
export async function listNotificationDeliveries(
  pool: Pool,
  f: NotificationDeliveryFilter,
  limit: number,
): Promise<NotificationDeliveryView[]> {
  const { rows } = await pool.query(
    `SELECT o.id, o.created_at, o.user_id, o.address, u.username, o.channel, o.event, o.entity, o.entity_id, o.opd_id,
            o.facts->>'trackingId' AS tracking_id, o.status, o.attempts, o.next_attempt_at, o.sent_at, o.last_error,
            o.digest_id,
            coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', d.attempt, 'at', d.at, 'ok', d.ok, 'detail', d.detail)
                                       ORDER BY d.id)
                      FROM notification_delivery d WHERE d.outbox_id = o.id), '[]') AS log
     FROM notification_outbox o LEFT JOIN app_user u ON u.id = o.user_id
     WHERE ($1::text IS NULL OR o.status = $1)
       AND ($2::text IS NULL OR o.channel = $2)
       AND ($3::text IS NULL OR o.facts->>'trackingId' = $3 OR u.username = $3 OR o.facts->>'sourceId' = $3
            OR o.entity_id = $3 OR o.address = $3)
       AND ($4::bigint IS NULL OR o.id < $4)
     ORDER BY o.id DESC LIMIT $5`,
    [f.status ?? null, f.channel ?? null, f.q ?? null, f.beforeId ?? null, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    createdAt: new Date(r.created_at).toISOString(),
    userId: r.user_id,
    address: r.address ?? null,
    username: r.username ?? null,
    channel: r.channel,
    event: r.event,
    entity: r.entity,
    entityId: r.entity_id,
    trackingId: r.tracking_id ?? null,
    opdId: r.opd_id ?? null,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    lastError: r.last_error ?? null,
    digestId: r.digest_id === null ? null : Number(r.digest_id),
    log: (r.log as Array<{ attempt: number; at: string; ok: boolean; detail: string | null }>).map((l) => ({
      ...l,
      at: new Date(l.at).toISOString(),
    })),
  }));
}

/** Sources past their freshness target that have reported at least once (a stale episode each). */
export async function staleSources(
  pool: Pool,
  now: Date,
): Promise<Array<{ id: string; label: string; lastDeliveryAt: Date; freshnessTargetSeconds: number }>> {
  const { rows } = await pool.query(
    `SELECT id, label, last_delivery_at, freshness_target_seconds FROM source
     WHERE last_delivery_at IS NOT NULL AND last_delivery_at + make_interval(secs => freshness_target_seconds) < $1
     ORDER BY id`,
    [now],
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    lastDeliveryAt: r.last_delivery_at,
    freshnessTargetSeconds: r.freshness_target_seconds,
  }));
}
