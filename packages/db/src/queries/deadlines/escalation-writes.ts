import type { PoolClient } from '../../connection.ts';

/** The two kinds of case that run on deadlines and climb the escalation ladder. */
export type CaseKind = 'complaint' | 'ppid_request';

// Identifiers come from this fixed map only, never from input.
const TABLES: Record<CaseKind, { cases: string; escalations: string; fk: string }> = {
  complaint: { cases: 'complaint', escalations: 'escalation', fk: 'complaint_id' },
  ppid_request: { cases: 'ppid_request', escalations: 'ppid_escalation', fk: 'request_id' },
};

/** Sets a case's deadline state, only if its deadline is still the one the watcher saw. */
export async function setDeadlineState(
  client: PoolClient,
  kind: CaseKind,
  id: number,
  deadlineAt: Date,
  state: string,
): Promise<boolean> {
  const t = TABLES[kind];
  const { rowCount } = await client.query(
    `UPDATE ${t.cases} SET deadline_state = $3, updated_at = now() WHERE id = $1 AND deadline_at = $2 AND deadline_state <> $3`,
    [id, deadlineAt, state],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Raises a case to `toLevel` for its current deadline, recording each new step once: the unique
 * (case, level, deadline) key means two watchers can never raise the same step twice. Returns the
 * levels actually raised.
 */
export async function raiseEscalation(
  client: PoolClient,
  kind: CaseKind,
  id: number,
  deadlineAt: Date,
  fromLevel: number,
  toLevel: number,
): Promise<number[]> {
  const t = TABLES[kind];
  const raised: number[] = [];
  for (let level = fromLevel + 1; level <= toLevel; level++) {
    const { rowCount } = await client.query(
      `INSERT INTO ${t.escalations} (${t.fk}, level, deadline_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [id, level, deadlineAt],
    );
    if (rowCount) raised.push(level);
  }
  if (raised.length > 0) {
    await client.query(
      `UPDATE ${t.cases} SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1 AND deadline_at = $3`,
      [id, toLevel, deadlineAt],
    );
  }
  return raised;
}

/** Marks every open escalation level of a case acknowledged, with who and why; returns those levels. */
export async function acknowledgeCaseEscalations(
  client: PoolClient,
  kind: CaseKind,
  id: number,
  by: string,
  reason: string,
): Promise<number[]> {
  const t = TABLES[kind];
  const { rows } = await client.query<{ level: number }>(
    `UPDATE ${t.escalations} SET acknowledged_at = now(), acknowledged_by = $2, reason = $3
     WHERE ${t.fk} = $1 AND acknowledged_at IS NULL RETURNING level`,
    [id, by, reason],
  );
  return rows.map((r) => r.level).sort((a, b) => a - b);
}
