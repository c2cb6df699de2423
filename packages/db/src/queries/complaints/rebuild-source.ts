import type { Pool, PoolClient } from '../../connection.ts';

export interface ComplaintWithEvents {
  id: number;
  deadlineState: string;
  escalationLevel: number;
  events: Array<Record<string, unknown>>;
}

/** A page of complaints (by id) with their events in order, for rebuilding rollups from the log. */
export async function complaintsWithEvents(
  pool: Pool | PoolClient,
  afterId: number,
  limit: number,
): Promise<ComplaintWithEvents[]> {
  const { rows } = await pool.query<{
    id: number;
    deadline_state: string;
    escalation_level: number;
    events: Array<Record<string, unknown>>;
  }>(
    `SELECT c.id, c.deadline_state, c.escalation_level,
            (SELECT json_agg(e.payload || jsonb_build_object('type', e.type, 'eventId', e.event_id) ORDER BY e.id) FROM complaint_event e WHERE e.complaint_id = c.id) AS events
     FROM complaint c WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    deadlineState: r.deadline_state,
    escalationLevel: r.escalation_level,
    events: r.events ?? [],
  }));
}

/** Empties the complaint rollups before a rebuild (in the caller's transaction). */
export async function clearComplaintRollups(client: PoolClient): Promise<void> {
  await client.query('DELETE FROM complaint_rollup_day');
  await client.query('DELETE FROM complaint_stock');
  await client.query('DELETE FROM complaint_rollup_hour');
  await client.query('DELETE FROM complaint_rollup_minute');
}
