import type { ReportMailFacts, ReportScheduleBody, ReportScheduleView } from '@pantau/contracts';
import { withTransaction, type Pool, type PoolClient } from '../../connection.ts';
import { appendAudit } from '../audit/append-audit.ts';

interface ScheduleRow {
  id: string;
  name: string;
  cadence: ReportScheduleView['cadence'];
  opd_id: string | null;
  recipients: string[];
  enabled: boolean;
  created_at: Date;
  created_by: string | null;
  last_period: string | null;
  last_queued_at: Date | null;
}

const view = (r: ScheduleRow): ReportScheduleView => ({
  id: Number(r.id),
  name: r.name,
  cadence: r.cadence,
  opdId: r.opd_id,
  recipients: r.recipients,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  lastPeriod: r.last_period,
  lastQueuedAt: r.last_queued_at ? r.last_queued_at.toISOString() : null,
});

const COLUMNS = 'id, name, cadence, opd_id, recipients, enabled, created_at, created_by, last_period, last_queued_at';

/** Every schedule not deleted, oldest first. */
export async function listReportSchedules(pool: Pool): Promise<ReportScheduleView[]> {
  const { rows } = await pool.query<ScheduleRow>(
    `SELECT ${COLUMNS} FROM report_schedule WHERE deleted_at IS NULL ORDER BY id`,
  );
  return rows.map(view);
}

/** Runs `work` in a transaction and appends its audit entry (who changed which schedule, and to what). */
async function audited<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<{ result: T; id: number | null; details: Record<string, unknown> }>,
  action: 'report_schedule.create' | 'report_schedule.update' | 'report_schedule.delete',
  actor: string,
): Promise<T> {
  return withTransaction(pool, async (client) => {
    const { result, id, details } = await work(client);
    if (id !== null)
      await appendAudit(client, { actor, action, entity: 'report_schedule', entityId: String(id), details });
    return result;
  });
}

export async function insertReportSchedule(pool: Pool, b: ReportScheduleBody, by: string): Promise<ReportScheduleView> {
  return audited(
    pool,
    async (client) => {
      const { rows } = await client.query<ScheduleRow>(
        `INSERT INTO report_schedule (name, cadence, opd_id, recipients, enabled, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [b.name, b.cadence, b.opdId, b.recipients, b.enabled, by],
      );
      const v = view(rows[0]!);
      return { result: v, id: v.id, details: { ...b } };
    },
    'report_schedule.create',
    by,
  );
}

/** Null when there is no such schedule (or it was deleted). */
export async function updateReportSchedule(
  pool: Pool,
  id: number,
  b: ReportScheduleBody,
  by: string,
): Promise<ReportScheduleView | null> {
  return audited(
    pool,
    async (client) => {
      const { rows } = await client.query<ScheduleRow>(
        `UPDATE report_schedule SET name = $2, cadence = $3, opd_id = $4, recipients = $5, enabled = $6, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        [id, b.name, b.cadence, b.opdId, b.recipients, b.enabled],
      );
      return { result: rows[0] ? view(rows[0]) : null, id: rows[0] ? id : null, details: { ...b } };
    },
    'report_schedule.update',
    by,
  );
}

/** Soft delete: messages already queued keep naming it. Whether there was one to delete. */
export async function deleteReportSchedule(pool: Pool, id: number, by: string): Promise<boolean> {
  return audited(
    pool,
    async (client) => {
      const { rowCount } = await client.query(
        `UPDATE report_schedule SET deleted_at = now(), enabled = false WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      const done = (rowCount ?? 0) > 0;
      return { result: done, id: done ? id : null, details: {} };
    },
    'report_schedule.delete',
    by,
  );
}

/** Whether a schedule still wants its reports sent (enabled, not deleted). */
export async function reportScheduleActive(pool: Pool, id: number): Promise<boolean> {
  const { rows } = await pool.query('SELECT 1 FROM report_schedule WHERE id = $1 AND enabled AND deleted_at IS NULL', [
    id,
  ]);
  return rows.length > 0;
}

/** Enabled schedules, with when each was made (a schedule sends periods that end after it was made). */
export async function activeReportSchedules(pool: Pool): Promise<Array<ReportScheduleView & { created: Date }>> {
  const { rows } = await pool.query<ScheduleRow>(
    `SELECT ${COLUMNS} FROM report_schedule WHERE enabled AND deleted_at IS NULL ORDER BY id`,
  );
  return rows.map((r) => ({ ...view(r), created: r.created_at }));
}

/**
 * Queues one e-mail per recipient of a schedule's report for a period, in one transaction. The key is
 * schedule × period × address, so any number of passes, restarts or nodes queue each one once. Returns
 * how many were new.
 */
export async function queueReportMails(
  pool: Pool,
  r: { facts: ReportMailFacts; recipients: string[] },
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      `INSERT INTO notification_outbox (dedupe_key, user_id, address, channel, event, entity, entity_id, opd_id, facts)
       SELECT 'report|' || $1 || '|' || $2 || '|' || lower(a), NULL, a, 'email', 'report', 'report_schedule', $1,
              $3, $4
       FROM unnest($5::text[]) AS a
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [String(r.facts.scheduleId), r.facts.period, r.facts.opdId, JSON.stringify(r.facts), r.recipients],
    );
    if (rowCount)
      await client.query(`UPDATE report_schedule SET last_period = $2, last_queued_at = now() WHERE id = $1`, [
        r.facts.scheduleId,
        r.facts.period,
      ]);
    await client.query('COMMIT');
    return rowCount ?? 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
