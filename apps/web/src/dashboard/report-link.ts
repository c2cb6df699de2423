import type { DashboardState } from './dashboard-state.ts';

/**
 * The leadership report of what the dashboard shows: its scope (the province, an OPD or a
 * kabupaten/kota) and its period (today, or this month — the whole month, whose days to come are
 * empty), as the URL of the PDF. The breakdowns (topic, channel, status) are not a report's scope.
 */
export function reportHref(s: DashboardState, today: string): string {
  const q = new URLSearchParams(s.period === 'today' ? { from: today, to: today } : { month: today.slice(0, 7) });
  if (s.filter.opd) q.set('opd', s.filter.opd);
  else if (s.filter.regency) q.set('regency', s.filter.regency);
  return `/api/reports/leadership.pdf?${q.toString()}`;
}
