import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDaysWithPauses, formatRemaining, recomputeDeadline, remainingWorkingTime } from './deadline.ts';
import { at, HOLIDAYS_2025, wib, wita } from './fixtures.test-data.ts';
import { endOfLocalDay, localDateOf } from './local-date.ts';
import {
  addWorkingDays,
  createWorkingCalendar,
  isWorkingDay,
  workingDaysBetween,
  yearsMissing,
} from './working-calendar.ts';

const due = (cal: typeof wita, from: Date, n: number) => addWorkingDays(cal, from, n).dueDate;

// Each expected date below was counted by hand on the official calendar (see the comments).
describe('hari kerja: hand-computed cases', () => {
  it('counts 3 HK from Thursday 27 Mar 2025 past Nyepi, Idul Fitri and its cuti bersama to Thursday 10 Apr', () => {
    // 28 cuti, 29 Nyepi (Sat), 31 & 1 Idul Fitri, 2-4 & 7 cuti → 8 (1), 9 (2), 10 (3)
    const r = addWorkingDays(wita, at('2025-03-27T10:00:00', 'WITA'), 3);
    expect(r.dueDate).toBe('2025-04-10');
    expect(r.deadline.toISOString()).toBe('2025-04-10T15:59:59.999Z'); // 23:59:59.999 WITA
    expect(r.warnings).toEqual([]);
  });

  it('ends the same deadline at 23:59:59.999 WIB in a WIB province', () => {
    expect(addWorkingDays(wib, at('2025-03-27T10:00:00', 'WIB'), 3).deadline.toISOString()).toBe(
      '2025-04-10T16:59:59.999Z',
    );
  });

  it('an event at 23:59 WITA on Thursday is Thursday: 1 HK ends Friday', () => {
    expect(due(wita, new Date('2025-01-09T15:59:00Z'), 1)).toBe('2025-01-10');
  });

  it('an event at 00:01 WITA on Friday is Friday: 1 HK ends Monday', () => {
    expect(due(wita, new Date('2025-01-09T16:01:00Z'), 1)).toBe('2025-01-13');
  });

  it('the same instant (16:01Z) is still Thursday 23:01 in WIB: 1 HK ends Friday', () => {
    expect(due(wib, new Date('2025-01-09T16:01:00Z'), 1)).toBe('2025-01-10');
  });

  it('23:59 WIB Thursday counts from Thursday, 00:00 WIB Friday from Friday', () => {
    expect(due(wib, new Date('2025-01-09T16:59:00Z'), 1)).toBe('2025-01-10');
    expect(due(wib, new Date('2025-01-09T17:00:00Z'), 1)).toBe('2025-01-13');
  });

  it('skips the 18 Aug 2025 cuti bersama: 1 HK from Friday 15 Aug ends Tuesday 19 Aug', () => {
    expect(due(wita, at('2025-08-15T09:00:00', 'WITA'), 1)).toBe('2025-08-19');
  });

  it('5 HK from Friday 15 Aug 2025 ends Monday 25 Aug', () => {
    // 19 (1), 20 (2), 21 (3), 22 (4), 25 (5)
    expect(due(wita, at('2025-08-15T09:00:00', 'WITA'), 5)).toBe('2025-08-25');
  });

  it('crosses the 2025 year end past Natal and its cuti bersama', () => {
    // from Wed 24 Dec: 25 Natal, 26 cuti → 29 (1), 30 (2), 31 (3); 1 Jan libur → 2 Jan (4), 5 Jan (5)
    expect(due(wib, at('2025-12-24T08:00:00', 'WIB'), 3)).toBe('2025-12-31');
    const r = addWorkingDays(wib, at('2025-12-24T08:00:00', 'WIB'), 5);
    expect(r.dueDate).toBe('2026-01-05');
    expect(r.warnings).toEqual([]);
  });

  it('skips Nyepi and Idul Fitri 2026 with their cuti bersama: 1 HK from Tuesday 17 Mar ends Wednesday 25 Mar', () => {
    // 18 cuti, 19 Nyepi, 20 cuti, 21-22 Idul Fitri (weekend), 23-24 cuti → 25
    expect(due(wib, at('2026-03-17T09:00:00', 'WIB'), 1)).toBe('2026-03-25');
    expect(due(wib, at('2026-03-17T09:00:00', 'WIB'), 3)).toBe('2026-03-27');
  });

  it('2 HK from Monday 16 Mar 2026 ends Wednesday 25 Mar', () => {
    expect(due(wita, at('2026-03-16T09:00:00', 'WITA'), 2)).toBe('2026-03-25');
  });

  it('an event on a Saturday starts counting on Monday', () => {
    expect(due(wib, at('2025-01-11T10:00:00', 'WIB'), 1)).toBe('2025-01-13');
  });

  it('an event on New Year’s Day starts counting on the next working day', () => {
    expect(due(wib, at('2025-01-01T10:00:00', 'WIB'), 1)).toBe('2025-01-02');
  });

  it('0 HK ends at the end of the event’s own local day', () => {
    expect(addWorkingDays(wita, at('2025-01-09T10:00:00', 'WITA'), 0).deadline.toISOString()).toBe(
      '2025-01-09T15:59:59.999Z',
    );
  });

  it('reaching into 2027, which has no calendar loaded, counts weekdays only and says so', () => {
    // from Thu 24 Dec 2026 (cuti): 25 Natal → 28 (1), 29 (2), 30 (3), 31 (4), Fri 1 Jan 2027 (5, unchecked)
    expect(addWorkingDays(wib, at('2026-12-24T09:00:00', 'WIB'), 3)).toMatchObject({
      dueDate: '2026-12-30',
      warnings: [],
    });
    const r = addWorkingDays(wib, at('2026-12-24T09:00:00', 'WIB'), 5);
    expect(r.dueDate).toBe('2027-01-01');
    expect(r.warnings).toEqual([{ kind: 'calendar_year_missing', year: 2027 }]);
  });

  it('skips Isra Mikraj, cuti Imlek and Imlek 2025: 1 HK from Friday 24 Jan ends Thursday 30 Jan', () => {
    expect(due(wita, at('2025-01-24T14:00:00', 'WITA'), 1)).toBe('2025-01-30');
  });

  it('skips Idul Adha 2025 and its cuti bersama: 1 HK from Thursday 5 Jun ends Tuesday 10 Jun', () => {
    expect(due(wita, at('2025-06-05T14:00:00', 'WITA'), 1)).toBe('2025-06-10');
  });

  it('skips Waisak 2025 and its cuti bersama: 2 HK from Friday 9 May ends Thursday 15 May', () => {
    expect(due(wib, at('2025-05-09T14:00:00', 'WIB'), 2)).toBe('2025-05-15');
  });

  it('skips Kenaikan 2025, its cuti bersama and the weekend: 1 HK from Wednesday 28 May ends Monday 2 Jun', () => {
    expect(due(wib, at('2025-05-28T14:00:00', 'WIB'), 1)).toBe('2025-06-02');
  });

  it('10 HK from Monday 3 Mar 2025 ends Monday 17 Mar', () => {
    expect(due(wita, at('2025-03-03T09:00:00', 'WITA'), 10)).toBe('2025-03-17');
  });

  it('counts 3 working days between Thursday 27 Mar and Thursday 10 Apr 2025, and −3 backwards', () => {
    const a = at('2025-03-27T10:00:00', 'WITA');
    const b = at('2025-04-10T12:00:00', 'WITA');
    expect(workingDaysBetween(wita, a, b).days).toBe(3);
    expect(workingDaysBetween(wita, b, a).days).toBe(-3);
  });

  it('shows "sisa 2 HK" on Tuesday 8 Apr for a deadline on Thursday 10 Apr 2025', () => {
    const rem = remainingWorkingTime(
      wita,
      at('2025-04-08T10:00:00', 'WITA'),
      endOfLocalDay('2025-04-10', 'Asia/Makassar'),
    );
    expect(rem).toMatchObject({ overdue: false, workingDays: 2 });
    expect(formatRemaining(rem, 'id')).toBe('sisa 2 HK');
    expect(formatRemaining(rem, 'en')).toBe('2 working days left');
  });

  it('shows "terlambat 3 HK" on Tuesday 15 Apr for that deadline', () => {
    const rem = remainingWorkingTime(
      wita,
      at('2025-04-15T10:00:00', 'WITA'),
      endOfLocalDay('2025-04-10', 'Asia/Makassar'),
    );
    expect(rem).toMatchObject({ overdue: true, workingDays: 3 }); // 11, 14, 15
    expect(formatRemaining(rem, 'id')).toBe('terlambat 3 HK');
  });

  it('does not count the days a case was postponed (ditunda)', () => {
    const from = at('2025-03-03T09:00:00', 'WITA');
    // paused Wed 5 Mar 10:00 – Fri 7 Mar 09:00: 5, 6, 7 do not count → 4 (1), 10 (2), 11, 12, 13 (5)
    const pause = { start: at('2025-03-05T10:00:00', 'WITA'), end: at('2025-03-07T09:00:00', 'WITA') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-13');
    expect(addWorkingDaysWithPauses(wita, from, 5, []).dueDate).toBe('2025-03-10');
  });

  it('stops the clock while a pause is open', () => {
    const r = addWorkingDaysWithPauses(wita, at('2025-03-03T09:00:00', 'WITA'), 5, [
      { start: at('2025-03-04T09:00:00', 'WITA'), end: null },
    ]);
    expect(r).toMatchObject({ deadline: null, reason: 'paused' });
  });

  it('moves a deadline spanning 18 Aug 2025 by one day when an admin adds that cuti bersama', () => {
    const without = createWorkingCalendar({
      timeZone: 'Asia/Makassar',
      holidays: HOLIDAYS_2025.filter((h) => h.date !== '2025-08-18'),
      loadedYears: [2025],
    });
    const withIt = createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: HOLIDAYS_2025, loadedYears: [2025] });
    const from = at('2025-08-14T09:00:00', 'WITA');
    expect(recomputeDeadline(without, from, 3, []).dueDate).toBe('2025-08-19'); // 15, 18, 19
    expect(recomputeDeadline(withIt, from, 3, []).dueDate).toBe('2025-08-20'); // 15, 19, 20
  });

  it('reports the years with no calendar loaded', () => {
    expect(yearsMissing(wita, 2024, 2027)).toEqual([2024, 2027]);
  });
});

describe('hari kerja: properties', () => {
  const zone = fc.constantFrom('Asia/Makassar', 'Asia/Pontianak');
  const instant = fc.date({
    min: new Date('2024-06-01T00:00:00Z'),
    max: new Date('2027-06-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const holidays = fc.uniqueArray(
    fc
      .date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { maxLength: 40 },
  );
  const calendar = fc.tuple(zone, holidays).map(([tz, days]) =>
    createWorkingCalendar({
      timeZone: tz,
      holidays: days.map((date) => ({ date, kind: 'libur_nasional' as const, name: 'x' })),
      loadedYears: [2024, 2025, 2026, 2027],
    }),
  );
  const n = fc.integer({ min: 1, max: 80 });

  it('the result of adding N working days is a working day', () => {
    fc.assert(fc.property(calendar, instant, n, (cal, t, k) => isWorkingDay(cal, addWorkingDays(cal, t, k).dueDate)));
  });

  it('counting back from the deadline gives N', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        n,
        (cal, t, k) => workingDaysBetween(cal, t, addWorkingDays(cal, t, k).deadline).days === k,
      ),
    );
  });

  it('is monotonic in N', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        n,
        (cal, t, k) => addWorkingDays(cal, t, k + 1).deadline > addWorkingDays(cal, t, k).deadline,
      ),
    );
  });

  it('the deadline falls at 23:59:59.999 local on its due date', () => {
    fc.assert(
      fc.property(calendar, instant, n, (cal, t, k) => {
        const r = addWorkingDays(cal, t, k);
        return (
          localDateOf(r.deadline, cal.timeZone) === r.dueDate &&
          localDateOf(new Date(r.deadline.getTime() + 1), cal.timeZone) !== r.dueDate
        );
      }),
    );
  });

  it('pauses only ever push a deadline later', () => {
    const pause = fc
      .tuple(instant, fc.integer({ min: 1, max: 30 * 24 }))
      .map(([s, hours]) => ({ start: s, end: new Date(s.getTime() + hours * 3_600_000) }));
    fc.assert(
      fc.property(calendar, instant, n, fc.array(pause, { maxLength: 3 }), (cal, t, k, pauses) => {
        const plain = addWorkingDays(cal, t, k).deadline;
        const paused = addWorkingDaysWithPauses(cal, t, k, pauses).deadline;
        return paused !== null && paused >= plain;
      }),
    );
  });
});
