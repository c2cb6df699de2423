import type { ComplaintState } from '@pantau/domain';
import type { Pool, PoolClient } from '../../connection.ts';
import { reviveComplaintState } from './complaint-writes.ts';

export interface OpenComplaintState {
  id: number;
  state: ComplaintState;
  deadlineAt: Date | null;
  deadlineStep: string | null;
  deadlineState: string;
  escalationLevel: number;
  status: string;
  opdId: string | null;
  regencyCode: string | null;
}

/** A page of open complaints (by id) with their folded state and current deadline. */
export async function openComplaintStates(pool: Pool, afterId: number, limit: number): Promise<OpenComplaintState[]> {
  const { rows } = await pool.query(
    `SELECT id, state, deadline_at, deadline_step, deadline_state, escalation_level, status, opd_id, regency_code FROM complaint
     WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi', 'ditindaklanjuti', 'ditunda', 'bukan_wewenang') AND id > $1
     ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    state: reviveComplaintState(r.state),
    deadlineAt: r.deadline_at,
    deadlineStep: r.deadline_step,
    deadlineState: r.deadline_state,
    escalationLevel: r.escalation_level,
    status: r.status,
    opdId: r.opd_id,
    regencyCode: r.regency_code,
  }));
}

/** Writes a recomputed deadline; a new deadline starts a new ladder (escalation level 0). */
export async function updateComplaintDeadline(
  client: PoolClient,
  id: number,
  step: string | null,
  at: Date | null,
  state: string,
): Promise<void> {
  await client.query(
    `UPDATE complaint SET deadline_step = $2, deadline_at = $3, deadline_state = $4,
       escalation_level = CASE WHEN deadline_at IS DISTINCT FROM $3 THEN 0 ELSE escalation_level END, updated_at = now()
     WHERE id = $1`,
    [id, step, at, state],
  );
}

/** Adds (or renames) a day in the working-day calendar as an admin edit; returns whether it is new. */
export async function addCalendarDay(
  pool: Pool,
  provinceCode: string,
  day: { date: string; kind: string; name: string; legalBasis: string },
): Promise<boolean> {
  const { rows } = await pool.query<{ inserted: boolean }>(
    `INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source) VALUES ($1, $2, $3, $4, $5, 'admin')
     ON CONFLICT (province_code, day, kind) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis
     RETURNING (xmax = 0) AS inserted`,
    [provinceCode, day.date, day.kind, day.name, day.legalBasis],
  );
  return rows[0]?.inserted ?? false;
}
