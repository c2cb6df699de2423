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

/** The complaint rollups as stored, keyed the way `RollupBatch` keys its deltas (for the invariant check). */
export interface StoredComplaintRollups {
  /** `day|scope|dim|key` → counters. */
  days: Map<string, Record<string, number>>;
  /** `scope|dim|key|status|deadline_state|escalated` → n. */
  stock: Map<string, number>;
  /** `scope|bucket` (ISO) → counters. */
  hours: Map<string, Record<string, number>>;
  /** `scope|bucket` (ISO) → received; only buckets at or after `minuteSince` (older ones are pruned). */
  minutes: Map<string, number>;
  /** The database's clock when read: minute buckets older than two days before it are not compared. */
  minuteSince: Date;
}

/** Reads every complaint rollup table in the caller's (repeatable-read) transaction. */
export async function storedComplaintRollups(client: PoolClient): Promise<StoredComplaintRollups> {
  const since = await client.query<{ since: Date }>(`SELECT now() - interval '2 days' AS since`);
  const minuteSince = since.rows[0]!.since;
  const days = new Map<string, Record<string, number>>();
  const d = await client.query(
    `SELECT day, scope, dim, key, received, verified, followed_up, completed, deleted, followed_up_on_time,
            follow_up_hk_sum, verify_seconds_sum FROM complaint_rollup_day`,
  );
  for (const { day, scope, dim, key, ...c } of d.rows) days.set(`${day}|${scope}|${dim}|${key}`, c);
  const stock = new Map<string, number>();
  const s = await client.query(`SELECT scope, dim, key, status, deadline_state, escalated, n FROM complaint_stock`);
  for (const r of s.rows) stock.set(`${r.scope}|${r.dim}|${r.key}|${r.status}|${r.deadline_state}|${r.escalated}`, r.n);
  const hours = new Map<string, Record<string, number>>();
  const h = await client.query(
    `SELECT scope, bucket, received, verified, followed_up, completed, deleted FROM complaint_rollup_hour`,
  );
  for (const { scope, bucket, ...c } of h.rows) hours.set(`${scope}|${(bucket as Date).toISOString()}`, c);
  const minutes = new Map<string, number>();
  const m = await client.query(`SELECT scope, bucket, received FROM complaint_rollup_minute WHERE bucket >= $1`, [
    minuteSince,
  ]);
  for (const r of m.rows) minutes.set(`${r.scope}|${(r.bucket as Date).toISOString()}`, r.received);
  return { days, stock, hours, minutes, minuteSince };
}

/** An escalation row that breaks a ladder invariant, with the reason. */
export interface EscalationAnomaly {
  complaintId: number;
  level: number;
  deadlineAt: Date | null;
  problem: string;
}

/**
 * Escalation rows and levels that no correct history can produce:
 * - a step raised after the complaint was closed (completed, archived or deleted) — raised on a deadline
 *   it no longer had;
 * - a complaint whose `escalation_level` is not the highest ladder step recorded for its current deadline;
 * - a step with no audit entry (`escalation.raised` for that level and deadline, or a console
 *   `complaint.escalate` for that level), or an `escalation.raised` entry with no step.
 */
export async function escalationAnomalies(client: PoolClient | Pool, limit = 100): Promise<EscalationAnomaly[]> {
  const { rows } = await client.query<{
    complaint_id: number;
    level: number;
    deadline_at: Date | null;
    problem: string;
  }>(
    `(SELECT e.complaint_id, e.level, e.deadline_at, 'raised after the complaint was closed by event ' || ev.event_id AS problem
      FROM escalation e
      JOIN LATERAL (SELECT event_id FROM complaint_event x
                    WHERE x.complaint_id = e.complaint_id AND x.type IN ('completed', 'archived', 'deleted')
                      AND x.recorded_at < e.raised_at ORDER BY x.id LIMIT 1) ev ON true
      LIMIT $1)
     UNION ALL
     (SELECT c.id, c.escalation_level, c.deadline_at,
             'escalation_level ' || c.escalation_level || ' but the ladder for its deadline reached ' || coalesce(max(e.level), 0)
      FROM complaint c LEFT JOIN escalation e ON e.complaint_id = c.id AND e.deadline_at = c.deadline_at
      GROUP BY c.id HAVING c.escalation_level <> coalesce(max(e.level), 0)
      LIMIT $1)
     UNION ALL
     (SELECT e.complaint_id, e.level, e.deadline_at, 'escalation without an audit entry'
      FROM escalation e
      WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                        WHERE a.entity = 'complaint' AND a.entity_id = e.complaint_id::text AND (a.details->>'level')::int = e.level
                          AND ((a.action = 'escalation.raised' AND (a.details->>'deadlineAt')::timestamptz = e.deadline_at)
                               OR a.action = 'complaint.escalate'))
      LIMIT $1)
     UNION ALL
     (SELECT a.entity_id::bigint, (a.details->>'level')::int, (a.details->>'deadlineAt')::timestamptz,
             'audit entry without an escalation'
      FROM audit_log a
      WHERE a.action = 'escalation.raised' AND a.entity = 'complaint'
        AND NOT EXISTS (SELECT 1 FROM escalation e WHERE e.complaint_id = a.entity_id::bigint
                          AND e.level = (a.details->>'level')::int AND e.deadline_at = (a.details->>'deadlineAt')::timestamptz)
      LIMIT $1)`,
    [limit],
  );
  return rows.map((r) => ({
    complaintId: Number(r.complaint_id),
    level: r.level,
    deadlineAt: r.deadline_at,
    problem: r.problem,
  }));
}

/**
 * Takes the rebuild's lock for the rest of the transaction (per schema), so two rebuilds never clear
 * and refill the rollups over each other.
 */
export async function lockRollupRebuild(client: PoolClient): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('pantau:rebuild:' || current_schema()))`);
}
