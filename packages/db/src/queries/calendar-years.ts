import type { Pool } from '../connection.ts';

/** The years whose official working-day calendar is loaded for a province. */
export async function loadedCalendarYears(pool: Pool, provinceCode: string): Promise<number[]> {
  const { rows } = await pool.query<{ year: number }>(
    'SELECT year FROM calendar_year WHERE province_code = $1 ORDER BY year',
    [provinceCode],
  );
  return rows.map((r) => r.year);
}
