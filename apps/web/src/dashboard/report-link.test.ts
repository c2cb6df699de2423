import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from './dashboard-state.ts';
import { reportHref } from './report-link.ts';

describe('the dashboard’s report download', () => {
  it('asks for the report of the scope and period on screen', () => {
    expect(reportHref(INITIAL_STATE, '2026-12-03')).toBe('/api/reports/leadership.pdf?month=2026-12');
    expect(
      reportHref({ ...INITIAL_STATE, period: 'today', filter: { opd: 'kalsel.pupr', topic: 'Jalan' } }, '2026-12-03'),
    ).toBe('/api/reports/leadership.pdf?from=2026-12-03&to=2026-12-03&opd=kalsel.pupr');
    expect(reportHref({ ...INITIAL_STATE, filter: { regency: '63.72' } }, '2026-12-03')).toBe(
      '/api/reports/leadership.pdf?month=2026-12&regency=63.72',
    );
  });
});
