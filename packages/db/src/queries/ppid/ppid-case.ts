import type { Pool, PoolClient } from '../../connection.ts';
import { caseTimeline, type CaseTimelineEntry } from '../deadlines/case-timeline.ts';
import { acknowledgeCaseEscalations } from '../deadlines/escalation-writes.ts';

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

export type PpidTimelineEntry = CaseTimelineEntry;

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
  const timeline = await caseTimeline(pool, 'ppid_request', id);
  return { row: toRow(rows[0]), timeline };
}

/** Acknowledges a PPID request's open escalation levels (see acknowledgeCaseEscalations). */
export const acknowledgePpidEscalations = (
  client: PoolClient,
  id: number,
  by: string,
  reason: string,
): Promise<number[]> => acknowledgeCaseEscalations(client, 'ppid_request', id, by, reason);
