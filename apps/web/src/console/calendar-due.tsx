import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { apiGet } from '../api/client.ts';

/**
 * The yearly calendar task, shown to the console's admins — the people who can do it — from 1 October of
 * the year before (the server decides which years are due), with a link to the calendar page.
 */
export function CalendarDueBanner() {
  const t = useT();
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    void apiGet('GET /api/calendar/status')
      .then((s) => setYears(s?.warnings.map((w) => w.year) ?? []))
      .catch(() => setYears([]));
  }, []);
  if (years.length === 0) return null;
  return (
    <p className="cs-notice cal-due" role="status" data-testid="calendar-due">
      {t('console.calendar.due').replace('{years}', years.join(', '))}{' '}
      <a href={`/console/calendar?year=${years[0]}`}>{t('console.calendar.dueLink')}</a>
    </p>
  );
}
