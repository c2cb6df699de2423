import { loadedCalendarYears } from '@pantau/db';
import type { SectionBuilder } from '../topic-scope.ts';

/**
 * The province topic says when this year's or next year's official working-day calendar is missing, so
 * the wall can show that deadlines reaching into it are counted Monday–Friday only.
 */
export const calendarSection: SectionBuilder<'calendar'> = async (pool, scope, pack) => {
  if (scope.kind !== 'province') return null;
  const loaded = new Set(await loadedCalendarYears(pool, pack.code));
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: pack.timeZone, year: 'numeric' }).format(new Date()));
  const missing = [year, year + 1].filter((y) => !loaded.has(y));
  return { missingYears: missing };
};
