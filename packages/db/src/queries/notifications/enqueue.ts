import type { NotificationEvent, NotificationFacts } from '@pantau/contracts';
import type { PoolClient } from '../../connection.ts';

export interface NotificationToQueue {
  event: NotificationEvent;
  /**
   * What makes this message unique besides its recipient and channel: the case, the event and its step
   * (the ladder level, or the deadline that went at-risk or overdue). The same key is never queued twice.
   */
  key: string;
  entity: string;
  entityId: string;
  opdId: string | null;
  /** Ladder levels this message is about (escalations, acknowledgements); null: any subscriber. */
  levels: number[] | null;
  /** A user who caused the event and needs no message about it. */
  excludeUserId?: string | null;
  facts: NotificationFacts;
}

/**
 * Queues one message per subscribed recipient and channel, in the caller's transaction (the one that
 * records the event), so a committed event always has its messages and a rolled-back one has none.
 * Only an insert: sending is the leader's notification sender's job, so a channel that is down never
 * slows the transaction. Returns the number of messages queued (0 when all were queued before).
 */
export async function enqueueNotification(client: Pick<PoolClient, 'query'>, n: NotificationToQueue): Promise<number> {
  // The recipients are chosen by one SQL function (migration 041), shared with the trigger that queues
  // at-risk and overdue crossings.
  const { rows } = await client.query<{ n: number }>(
    'SELECT pantau_enqueue_notification($1, $2, $3, $4, $5, $6, $7, $8) AS n',
    [n.key, n.event, n.entity, n.entityId, n.opdId, n.levels, n.excludeUserId ?? null, JSON.stringify(n.facts)],
  );
  return rows[0]?.n ?? 0;
}
