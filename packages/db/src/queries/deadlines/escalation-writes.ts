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
 * (case, level, deadline) key means two watchers can never raise the same step twice. The case's level
 * is set to `toLevel` even when every step already existed — recorded for this same deadline before a
 * rule or calendar change moved the deadline away and back — so the level always matches the ladder of
 * the current deadline. Returns the levels newly recorded (the ones to audit).
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
  if (toLevel > fromLevel) {
    await client.query(
      `UPDATE ${t.cases} SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1 AND deadline_at = $3`,
      [id, toLevel, deadlineAt],
    );
  }
  return raised;
}

/**
 * The highest ladder step already recorded for each case on the given deadline (0 when none): the level a
 * case takes when its deadline moves, so a deadline that comes back (rule A → B → A) finds its ladder
 * where it left it instead of starting again at 0 under steps that can never be raised twice.
 */
export async function ladderLevels(
  client: PoolClient,
  kind: CaseKind,
  cases: Array<{ id: number; deadlineAt: Date | null }>,
): Promise<Map<number, number>> {
  const t = TABLES[kind];
  const wanted = cases.filter((c) => c.deadlineAt !== null);
  if (wanted.length === 0) return new Map();
  const { rows } = await client.query<{ id: number; level: number }>(
    `SELECT x.id, max(e.level)::int AS level
     FROM unnest($1::bigint[], $2::timestamptz[]) AS x(id, deadline_at)
     JOIN ${t.escalations} e ON e.${t.fk} = x.id AND e.deadline_at = x.deadline_at
     GROUP BY x.id`,
    [wanted.map((c) => c.id), wanted.map((c) => c.deadlineAt)],
  );
  return new Map(rows.map((r) => [Number(r.id), r.level]));
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
