import type { Pool, PoolClient } from '../../connection.ts';

/** The channel every node listens on to re-read the working-day calendar after an edit. */
export const CALENDAR_CHANNEL_PREFIX = 'pantau_calendar:';

/**
 * Adds (or renames) a day in the working-day calendar as an admin edit; returns whether it is new.
 * Notifies every node at commit (payload empty), so each re-reads its calendar.
 */
export async function addCalendarDay(
  db: Pool | PoolClient,
  provinceCode: string,
  day: { date: string; kind: string; name: string; legalBasis: string },
): Promise<boolean> {
  const { rows } = await db.query<{ inserted: boolean }>(
    `WITH up AS (
       INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source) VALUES ($1, $2, $3, $4, $5, 'admin')
       ON CONFLICT (province_code, day, kind) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis
       RETURNING (xmax = 0) AS inserted)
     SELECT (SELECT inserted FROM up) AS inserted, pg_notify('${CALENDAR_CHANNEL_PREFIX}' || current_schema(), '')`,
    [provinceCode, day.date, day.kind, day.name, day.legalBasis],
  );
  return rows[0]?.inserted ?? false;
}

/** The calendar channel of the pool's schema (each schema — each test, each deployment — has its own). */
export async function calendarChannel(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
  return `${CALENDAR_CHANNEL_PREFIX}${rows[0]?.schema ?? 'public'}`;
}
