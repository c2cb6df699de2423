import type { NotificationFacts } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.ts';
import { renderDigest, renderNotification } from './messages.ts';
import { digestAt, digestDateDue, isQuietAt, retryDelayMs } from './schedule.ts';

const tz = 'Asia/Makassar';
const wita = (s: string) => new Date(`${s}+08:00`);
const cal = createWorkingCalendar({
  timeZone: tz,
  holidays: [{ date: '2026-12-25', kind: 'libur_nasional', name: 'Natal' }],
  loadedYears: [2026],
});

const overdue: NotificationFacts = {
  event: 'overdue',
  caseKind: 'complaint',
  caseId: 42,
  trackingId: 'LPR-2500001',
  opdId: 'kalsel.pupr',
  opdName: 'Dinas PUPR',
  deadlineAt: '2026-11-05T15:59:59.999Z',
  level: null,
  levelLabel: null,
  sourceId: null,
  sourceLabel: null,
  lastDeliveryAt: null,
  path: '/console?q=LPR-2500001',
  occurredAt: '2026-11-06T02:00:00.000Z',
};
const opts = { timeZone: tz, tzLabel: 'WITA', baseUrl: 'https://pantau.example.go.id' };

describe('quiet hours in the province zone', () => {
  it('holds 22:00–06:00 WITA across midnight and lets 06:00 through', () => {
    const q = { start: '22:00', end: '06:00' };
    expect(isQuietAt(wita('2026-11-06T23:30:00'), tz, q)).toBe(true);
    expect(isQuietAt(wita('2026-11-06T05:59:00'), tz, q)).toBe(true);
    expect(isQuietAt(wita('2026-11-06T06:00:00'), tz, q)).toBe(false);
    expect(isQuietAt(wita('2026-11-06T21:59:00'), tz, q)).toBe(false);
  });
  it('holds a daytime interval and nothing when there are no quiet hours', () => {
    expect(isQuietAt(wita('2026-11-06T12:30:00'), tz, { start: '12:00', end: '13:00' })).toBe(true);
    expect(isQuietAt(wita('2026-11-06T13:00:00'), tz, { start: '12:00', end: '13:00' })).toBe(false);
    expect(isQuietAt(wita('2026-11-06T03:00:00'), tz, null)).toBe(false);
  });
});

describe('the daily digest', () => {
  it('is due on a working day from its set time, in the province zone', () => {
    expect(digestDateDue(cal, wita('2026-11-06T07:29:00'), '07:30')).toBeNull();
    expect(digestDateDue(cal, wita('2026-11-06T07:30:00'), '07:30')).toBe('2026-11-06');
    expect(digestDateDue(cal, wita('2026-11-06T18:00:00'), '07:30')).toBe('2026-11-06');
  });
  it('carries what was held before its set time (the cut-off instant)', () => {
    expect(digestAt('2026-11-06', '07:30', tz).toISOString()).toBe('2026-11-05T23:30:00.000Z');
  });
  it('is never due on a weekend or a national holiday', () => {
    expect(digestDateDue(cal, wita('2026-11-07T09:00:00'), '07:30')).toBeNull(); // Saturday
    expect(digestDateDue(cal, wita('2026-12-25T09:00:00'), '07:30')).toBeNull(); // Natal
  });
});

describe('retry back-off', () => {
  it('doubles from the base up to the cap', () => {
    const o = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, o))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, o)).toBe(60_000);
  });
});

describe('notification messages', () => {
  it('says in Bahasa Indonesia which case, which OPD, when it was due, and links to the console item', () => {
    const m = renderNotification(overdue, { ...opts, locale: 'id' });
    expect(m.subject).toBe('[Pantau] Terlambat: aduan LPR-2500001 (Dinas PUPR)');
    expect(m.text).toContain('LPR-2500001');
    expect(m.text).toContain('Dinas PUPR');
    expect(m.text).toContain('5 November 2026 23.59 WITA');
    expect(m.link).toBe('https://pantau.example.go.id/console?q=LPR-2500001');
    expect(m.text).toContain(m.link);
  });
  it('speaks English to a user who chose it', () => {
    const m = renderNotification(
      { ...overdue, event: 'escalated', level: 2, levelLabel: { id: 'Kepala OPD', en: 'Head of OPD' } },
      { ...opts, locale: 'en' },
    );
    expect(m.subject).toBe('[Pantau] Escalated to level 2 (Head of OPD): complaint LPR-2500001 (Dinas PUPR)');
    expect(m.text).toContain('5 November 2026');
  });
  it('names a stale source and when it last reported', () => {
    const m = renderNotification(
      {
        ...overdue,
        event: 'source_stale',
        caseKind: null,
        caseId: null,
        trackingId: null,
        opdId: null,
        opdName: null,
        deadlineAt: null,
        sourceId: 'lapor',
        sourceLabel: 'SP4N-LAPOR!',
        lastDeliveryAt: '2026-11-06T01:00:00.000Z',
        path: '/console/sources',
      },
      { ...opts, locale: 'id' },
    );
    expect(m.subject).toBe('[Pantau] Sumber data tidak melapor: SP4N-LAPOR!');
    expect(m.text).toContain('6 November 2026 09.00 WITA');
  });
  it('a digest lists every carried item, one line each', () => {
    const d = renderDigest([overdue, { ...overdue, trackingId: 'LPR-2500002', event: 'at_risk' }], {
      ...opts,
      locale: 'id',
      date: '2026-11-09',
    });
    expect(d.subject).toBe('[Pantau] Ringkasan harian 9 November 2026: 2 pemberitahuan');
    expect(d.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);
    expect(d.link).toBe('https://pantau.example.go.id/console');
  });
});
