import { createWorkingCalendar, type WorkingCalendar } from '@pantau/domain';
import type { Pool, PoolClient } from '../../connection.ts';

/** The province's working-day calendar as stored (pack days plus admin edits, less the days admins removed). */
export async function loadWorkingCalendar(
  pool: Pool | PoolClient,
  provinceCode: string,
  timeZone: string,
): Promise<WorkingCalendar> {
  const days = await pool.query<{
    day: string;
    kind: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
    name: string;
  }>('SELECT day, kind, name FROM calendar_day WHERE province_code = $1 AND active', [provinceCode]);
  const years = await pool.query<{ year: number }>('SELECT year FROM calendar_year WHERE province_code = $1', [
    provinceCode,
  ]);
  return createWorkingCalendar({
    timeZone,
    holidays: days.rows.map((d) => ({ date: d.day, kind: d.kind, name: d.name })),
    loadedYears: years.rows.map((y) => y.year),
  });
}
