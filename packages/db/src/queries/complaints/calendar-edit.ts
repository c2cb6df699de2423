import type { CalendarDayKind } from '@pantau/contracts';
import type { Pool, PoolClient } from '../../connection.ts';

/** The channel every node listens on to re-read the working-day calendar after an edit. */
export const CALENDAR_CHANNEL_PREFIX = 'pantau_calendar:';

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** The decree (SKB, Keppres, Kepgub, SE) that sets the day. */
  legalBasis: string;
}

/** A calendar row as the console lists it, removed days included (with their reason). */
export interface CalendarDayRow extends CalendarDayInput {
  source: 'pack' | 'admin';
  active: boolean;
  reason: string | null;
  updatedAt: Date;
}

const notify = `pg_notify('${CALENDAR_CHANNEL_PREFIX}' || current_schema(), '')`;

/**
 * Adds (or renames, or restores) a day in the working-day calendar as an admin edit; returns whether it
 * was not an active day before. Notifies every node at commit (payload empty), so each re-reads its calendar.
 */
export async function addCalendarDay(
  db: Pool | PoolClient,
  provinceCode: string,
  day: CalendarDayInput & { reason?: string | null },
): Promise<boolean> {
  const { rows } = await db.query<{ added: boolean }>(
    `WITH before AS (
       SELECT active FROM calendar_day WHERE province_code = $1 AND day = $2 AND kind = $3),
     up AS (
       INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source, active, reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'admin', true, $6, now())
       ON CONFLICT (province_code, day, kind) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis,
         source = 'admin', active = true, reason = EXCLUDED.reason, updated_at = now()
       RETURNING 1)
     SELECT NOT COALESCE((SELECT active FROM before), false) AS added, (SELECT count(*) FROM up), ${notify}`,
    [provinceCode, day.date, day.kind, day.name, day.legalBasis, day.reason ?? null],
  );
  return rows[0]?.added ?? false;
}

/**
 * Removes an active day as an admin edit, keeping it as an inactive row with the reason and the decree
 * that removed it (so the pack cannot bring it back). Returns the removed day, or null when there was none.
 */
export async function removeCalendarDay(
  db: Pool | PoolClient,
  provinceCode: string,
  day: { date: string; kind: CalendarDayKind; legalBasis: string; reason: string },
): Promise<{ name: string } | null> {
  const { rows } = await db.query<{ name: string }>(
    `WITH gone AS (
       UPDATE calendar_day SET active = false, source = 'admin', reason = $4, legal_basis = $5, updated_at = now()
       WHERE province_code = $1 AND day = $2 AND kind = $3 AND active
       RETURNING name)
     SELECT name, ${notify} FROM gone`,
    [provinceCode, day.date, day.kind, day.reason, day.legalBasis],
  );
  return rows[0] ?? null;
}

/**
 * Loads a year from a decree's list: the year counts as loaded (source admin), every listed day is added
 * or restored, and the year's national days (libur nasional, cuti bersama) that the list leaves out are
 * removed with the decree as the reason. Regional days are the governor's and stay. Returns the counts.
 */
export async function loadCalendarYear(
  db: PoolClient,
  provinceCode: string,
  year: { year: number; legalBasis: string; days: Array<Omit<CalendarDayInput, 'legalBasis'>> },
): Promise<{ added: number; removed: number; kept: number }> {
  await db.query(
    `INSERT INTO calendar_year (province_code, year, legal_basis, source, loaded_at) VALUES ($1, $2, $3, 'admin', now())
     ON CONFLICT (province_code, year) DO UPDATE SET legal_basis = EXCLUDED.legal_basis, source = 'admin', loaded_at = now()`,
    [provinceCode, year.year, year.legalBasis],
  );
  const listed = JSON.stringify(year.days);
  const removed = await db.query(
    `UPDATE calendar_day d SET active = false, source = 'admin', reason = 'tidak tercantum dalam ' || $3,
       legal_basis = $3, updated_at = now()
     WHERE d.province_code = $1 AND d.active AND d.kind IN ('libur_nasional', 'cuti_bersama')
       AND d.day >= make_date($2, 1, 1) AND d.day <= make_date($2, 12, 31)
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS x(date date, kind text)
                       WHERE x.date = d.day AND x.kind = d.kind)`,
    [provinceCode, year.year, year.legalBasis, listed],
  );
  const upserted = await db.query<{ was_active: boolean | null }>(
    `WITH before AS (
       SELECT d.day, d.kind, d.active FROM calendar_day d WHERE d.province_code = $1
         AND d.day >= make_date($2, 1, 1) AND d.day <= make_date($2, 12, 31))
     INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source, active, reason, updated_at)
     SELECT $1, x.date, x.kind, x.name, $3, 'admin', true, NULL, now()
     FROM jsonb_to_recordset($4::jsonb) AS x(date date, kind text, name text)
     ON CONFLICT (province_code, day, kind) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis,
       source = 'admin', active = true, reason = NULL, updated_at = now()
     RETURNING (SELECT b.active FROM before b WHERE b.day = calendar_day.day AND b.kind = calendar_day.kind) AS was_active`,
    [provinceCode, year.year, year.legalBasis, listed],
  );
  await db.query(`SELECT ${notify}`);
  const added = upserted.rows.filter((r) => r.was_active !== true).length;
  return { added, removed: removed.rowCount ?? 0, kept: upserted.rows.length - added };
}

/** Every row of one year (removed days included), by date; and the year's decree when it is loaded. */
export async function listCalendarYear(
  db: Pool | PoolClient,
  provinceCode: string,
  year: number,
): Promise<{ loaded: { legalBasis: string; source: string; loadedAt: Date } | null; days: CalendarDayRow[] }> {
  const y = await db.query<{ legal_basis: string; source: string; loaded_at: Date }>(
    'SELECT legal_basis, source, loaded_at FROM calendar_year WHERE province_code = $1 AND year = $2',
    [provinceCode, year],
  );
  const d = await db.query<{
    day: string;
    kind: CalendarDayKind;
    name: string;
    legal_basis: string;
    source: 'pack' | 'admin';
    active: boolean;
    reason: string | null;
    updated_at: Date;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name, legal_basis, source, active, reason, updated_at
     FROM calendar_day WHERE province_code = $1 AND day >= make_date($2, 1, 1) AND day <= make_date($2, 12, 31)
     ORDER BY day, kind`,
    [provinceCode, year],
  );
  const row = y.rows[0];
  return {
    loaded: row ? { legalBasis: row.legal_basis, source: row.source, loadedAt: row.loaded_at } : null,
    days: d.rows.map((r) => ({
      date: r.day,
      kind: r.kind,
      name: r.name,
      legalBasis: r.legal_basis,
      source: r.source,
      active: r.active,
      reason: r.reason,
      updatedAt: r.updated_at,
    })),
  };
}

/** The calendar channel of the pool's schema (each schema — each test, each deployment — has its own). */
export async function calendarChannel(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
  return `${CALENDAR_CHANNEL_PREFIX}${rows[0]?.schema ?? 'public'}`;
}
