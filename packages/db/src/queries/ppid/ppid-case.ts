import type { Pool, PoolClient } from '../../connection.ts';

export interface PpidCaseRow {
  id: string;
  regNo: string;
  opdId: string | null;
  channel: string;
  status: string;
  deadlineStep: string | null;
  deadlineAt: string | null;
  deadlineState: string;
  escalationLevel: number;
  version: number;
}

export interface PpidTimelineEntry {
  at: string;
  kind: 'event' | 'escalation' | 'acknowledgement' | 'note';
  type: string;
  actor: string;
  details: Record<string, unknown>;
}

const COLUMNS = `id::text, reg_no, opd_id, channel, status, deadline_step, deadline_at, deadline_state, escalation_level, version`;
const toRow = (r: Record<string, unknown>): PpidCaseRow => ({
  id: r.id as string,
  regNo: r.reg_no as string,
  opdId: (r.opd_id as string | null) ?? null,
  channel: r.channel as string,
  status: r.status as string,
  deadlineStep: (r.deadline_step as string | null) ?? null,
  deadlineAt: r.deadline_at ? (r.deadline_at as Date).toISOString() : null,
  deadlineState: r.deadline_state as string,
  escalationLevel: Number(r.escalation_level),
  version: Number(r.version),
});

/** Locks a PPID request for an action (officers acting at once take turns). */
export async function lockPpidCase(client: PoolClient, id: number): Promise<PpidCaseRow | null> {
  const { rows } = await client.query(`SELECT ${COLUMNS} FROM ppid_request WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * A PPID request for the console: its state and whole history (lifecycle events with the decision
 * but never the requester, escalation levels with who raised them and why, acknowledgements, notes).
 */
export async function ppidCaseDetail(
  pool: Pool,
  id: number,
): Promise<{ row: PpidCaseRow; timeline: PpidTimelineEntry[] } | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM ppid_request WHERE id = $1`, [id]);
  if (!rows[0]) return null;
  const [events, escalations, audited] = await Promise.all([
    pool.query<{ type: string; actor: string; occurred_at: Date; payload: Record<string, unknown> }>(
      'SELECT type, actor, occurred_at, payload FROM ppid_event WHERE request_id = $1 ORDER BY occurred_at, id',
      [id],
    ),
    pool.query<{
      level: number;
      raised_at: Date;
      acknowledged_at: Date | null;
      acknowledged_by: string | null;
      reason: string | null;
    }>(
      `SELECT e.level, e.raised_at, e.acknowledged_at, coalesce(u.display_name, e.acknowledged_by) AS acknowledged_by, e.reason
       FROM ppid_escalation e LEFT JOIN app_user u ON e.acknowledged_by IN (u.id, 'user:' || u.id)
       WHERE e.request_id = $1 ORDER BY e.raised_at, e.level`,
      [id],
    ),
    pool.query<{
      at: Date;
      action: string;
      actor: string;
      details: { text?: string; level?: number; reason?: string };
    }>(
      `SELECT a.at, a.action, coalesce(u.display_name, a.actor) AS actor, a.details FROM audit_log a
       LEFT JOIN app_user u ON a.actor IN (u.id, 'user:' || u.id)
       WHERE a.entity = 'ppid_request' AND a.entity_id = $1 AND a.action IN ('ppid.note', 'ppid.escalate') ORDER BY a.seq`,
      [String(id)],
    ),
  ]);
  const manual = new Map(
    audited.rows.filter((a) => a.action === 'ppid.escalate').map((a) => [Number(a.details.level), a]),
  );
  const timeline: PpidTimelineEntry[] = [
    ...events.rows.map((e) => {
      // The requester is personal data; the console shows the lifecycle, not who asked.
      const { requester: _r, eventId: _e, occurredAt: _o, type: _t, ...details } = e.payload;
      return { at: e.occurred_at.toISOString(), kind: 'event' as const, type: e.type, actor: e.actor, details };
    }),
    ...escalations.rows.flatMap((e) => [
      {
        at: e.raised_at.toISOString(),
        kind: 'escalation' as const,
        type: `level_${e.level}`,
        actor: manual.get(e.level)?.actor ?? 'system:deadline-watcher',
        details: {
          level: e.level,
          ...(manual.get(e.level)?.details.reason ? { reason: manual.get(e.level)!.details.reason } : {}),
        },
      },
      ...(e.acknowledged_at
        ? [
            {
              at: e.acknowledged_at.toISOString(),
              kind: 'acknowledgement' as const,
              type: `level_${e.level}`,
              actor: e.acknowledged_by ?? '',
              details: { reason: e.reason },
            },
          ]
        : []),
    ]),
    ...audited.rows
      .filter((a) => a.action === 'ppid.note')
      .map((n) => ({
        at: n.at.toISOString(),
        kind: 'note' as const,
        type: 'note',
        actor: n.actor,
        details: { text: n.details.text ?? '' },
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { row: toRow(rows[0]), timeline };
}

export async function acknowledgePpidEscalations(
  client: PoolClient,
  id: number,
  by: string,
  reason: string,
): Promise<number[]> {
  const { rows } = await client.query<{ level: number }>(
    `UPDATE ppid_escalation SET acknowledged_at = now(), acknowledged_by = $2, reason = $3
     WHERE request_id = $1 AND acknowledged_at IS NULL RETURNING level`,
    [id, by, reason],
  );
  return rows.map((r) => r.level).sort();
}
