import type { WorklistTopicItem } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

/**
 * The live worklist: open complaints and PPID requests that are overdue or at risk, latest deadline first in urgency
 * order, capped (the console pages the rest from the API). No reporter data, no body text.
 */
export async function worklistItems(pool: Pool, limit = 200): Promise<WorklistTopicItem[]> {
  // The subject of a PPID request is not personal data, but the worklist carries no free text at all:
  // its number, OPD and deadline are what an officer needs to open it.
  const { rows } = await pool.query(
    `(SELECT 'complaint' AS kind, id::text, tracking_id, opd_id, regency_code, channel, topic, status, deadline_step, deadline_at,
             deadline_state, escalation_level
      FROM complaint
      WHERE deadline_state IN ('overdue', 'at_risk')
        AND status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'bukan_wewenang'))
     UNION ALL
     (SELECT 'ppid_request', id::text, reg_no, opd_id, NULL, channel, NULL, status, deadline_step, deadline_at,
             deadline_state, escalation_level
      FROM ppid_request WHERE deadline_state IN ('overdue', 'at_risk'))
     ORDER BY escalation_level DESC, deadline_at ASC NULLS LAST, kind, id
     LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    trackingId: r.tracking_id ?? null,
    opdId: r.opd_id ?? null,
    regencyCode: r.regency_code ?? null,
    channel: r.channel,
    topic: r.topic ?? null,
    status: r.status,
    deadlineStep: r.deadline_step ?? null,
    deadlineAt: r.deadline_at ? new Date(r.deadline_at).toISOString() : null,
    deadlineState: r.deadline_state,
    escalationLevel: Number(r.escalation_level ?? 0),
  }));
}
