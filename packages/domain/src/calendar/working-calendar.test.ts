import { describe, expect, it } from 'vitest';
import { at, HOLIDAYS_2025, wib, wita } from './fixtures.test-data.ts';
import {
  addWorkingDays,
  createWorkingCalendar,
  isWorkingDay,
  workingDaysBetween,
  yearsMissing,
} from './working-calendar.ts';

const due = (cal: typeof wita, from: Date, n: number) => addWorkingDays(cal, from, n).dueDate;

// Every expected date below was counted by hand on the official 2025/2026 calendars (the comments show the
// count: "(k)" marks working day k; bracketed days are skipped). Weekdays: 1 Jan 2025 is a Wednesday,
// 1 Mar 2025 a Saturday, 1 Jan 2026 a Thursday, 1 Mar 2026 a Sunday, 1 Dec 2026 a Tuesday.
describe('addWorkingDays on the official calendar', () => {
  it('counts 3 HK from Thursday 27 Mar 2025 past Nyepi, Idul Fitri and cuti bersama to Thursday 10 Apr', () => {
    // [28 cuti, 29 Nyepi, 30 Sun, 31 & 1 Idul Fitri, 2-4 cuti, 5-6 weekend, 7 cuti] 8 (1), 9 (2), 10 (3)
    const r = addWorkingDays(wita, at('2025-03-27T10:00:00', 'WITA'), 3);
    expect(r.dueDate).toBe('2025-04-10');
    expect(r.deadline.toISOString()).toBe('2025-04-10T15:59:59.999Z'); // 23:59:59.999 WITA
    expect(r.warnings).toEqual([]);
  });

  it('ends the same count at 23:59:59.999 WIB in a WIB province', () => {
    expect(addWorkingDays(wib, at('2025-03-27T10:00:00', 'WIB'), 3).deadline.toISOString()).toBe(
      '2025-04-10T16:59:59.999Z',
    );
  });

  it('counts 14 HK from Monday 24 Mar 2025 across Idul Fitri and Good Friday to Wednesday 23 Apr', () => {
    // 25 (1), 26 (2), 27 (3), [28 … 7 Apr], 8-11 (4-7), 14-17 (8-11), [18 Wafat Yesus], 21 (12), 22 (13), 23 (14)
    expect(due(wita, at('2025-03-24T09:00:00', 'WITA'), 14)).toBe('2025-04-23');
  });

  it('counts 10 HK from Monday 3 Mar 2025 over two weekends to Monday 17 Mar', () => {
    // 4-7 (1-4), 10-14 (5-9), 17 (10)
    expect(due(wita, at('2025-03-03T09:00:00', 'WITA'), 10)).toBe('2025-03-17');
  });

  it('skips Isra Mikraj, cuti Imlek and Imlek 2025: 1 HK from Friday 24 Jan ends Thursday 30 Jan', () => {
    // [25-26 weekend, 27 Isra Mikraj, 28 cuti, 29 Imlek] 30 (1)
    expect(due(wita, at('2025-01-24T14:00:00', 'WITA'), 1)).toBe('2025-01-30');
  });

  it('skips Waisak 2025 and its cuti bersama: 2 HK from Friday 9 May ends Thursday 15 May', () => {
    // [10-11 weekend, 12 Waisak, 13 cuti] 14 (1), 15 (2)
    expect(due(wib, at('2025-05-09T14:00:00', 'WIB'), 2)).toBe('2025-05-15');
  });

  it('skips Kenaikan 2025, its cuti bersama and the weekend: 1 HK from Wednesday 28 May ends Monday 2 Jun', () => {
    // [29 Kenaikan, 30 cuti, 31 Sat, 1 Jun Sun + Pancasila] 2 (1)
    expect(due(wib, at('2025-05-28T14:00:00', 'WIB'), 1)).toBe('2025-06-02');
  });

  it('skips Idul Adha 2025 and its cuti bersama: 1 HK from Thursday 5 Jun ends Tuesday 10 Jun', () => {
    // [6 Idul Adha, 7-8 weekend, 9 cuti] 10 (1)
    expect(due(wita, at('2025-06-05T14:00:00', 'WITA'), 1)).toBe('2025-06-10');
  });

  it('skips Good Friday 2025: 1 HK from Thursday 17 Apr ends Monday 21 Apr', () => {
    expect(due(wib, at('2025-04-17T09:00:00', 'WIB'), 1)).toBe('2025-04-21'); // [18 Wafat Yesus, 19, 20 Paskah]
  });

  it('skips the 18 Aug 2025 cuti bersama: 1 HK from Friday 15 Aug ends Tuesday 19 Aug', () => {
    expect(due(wita, at('2025-08-15T09:00:00', 'WITA'), 1)).toBe('2025-08-19'); // [16-17 weekend, 18 cuti]
  });

  it('counts 5 HK from Friday 15 Aug 2025 past 17 and 18 Aug to Monday 25 Aug', () => {
    // [16, 17 Sun + HUT RI, 18 cuti] 19 (1), 20 (2), 21 (3), 22 (4), 25 (5)
    expect(due(wita, at('2025-08-15T09:00:00', 'WITA'), 5)).toBe('2025-08-25');
  });

  it('skips Maulid 2025: 4 HK from Monday 1 Sep ends Monday 8 Sep', () => {
    expect(due(wib, at('2025-09-01T09:00:00', 'WIB'), 4)).toBe('2025-09-08'); // 2, 3, 4 (1-3), [5 Maulid], 8 (4)
  });

  it('crosses the 2025 year end past Natal, its cuti bersama and New Year', () => {
    // from Wed 24 Dec: [25 Natal, 26 cuti] 29 (1), 30 (2), 31 (3), [1 Jan libur] 2 Jan (4), 5 Jan (5)
    expect(due(wib, at('2025-12-24T08:00:00', 'WIB'), 3)).toBe('2025-12-31');
    const r = addWorkingDays(wib, at('2025-12-24T08:00:00', 'WIB'), 5);
    expect(r.dueDate).toBe('2026-01-05');
    expect(r.warnings).toEqual([]);
  });

  it('skips cuti Imlek and Imlek 2026: 1 HK from Friday 13 Feb ends Wednesday 18 Feb', () => {
    expect(due(wita, at('2026-02-13T09:00:00', 'WITA'), 1)).toBe('2026-02-18'); // [14-15, 16 cuti, 17 Imlek]
  });

  it('skips Nyepi and Idul Fitri 2026 with their cuti bersama: 1 HK from Tuesday 17 Mar ends Wednesday 25 Mar', () => {
    // [18 cuti, 19 Nyepi, 20 cuti, 21-22 Idul Fitri (weekend), 23-24 cuti] 25 (1), 26 (2), 27 (3)
    expect(due(wib, at('2026-03-17T09:00:00', 'WIB'), 1)).toBe('2026-03-25');
    // docs/domain/working-days.md, example 2: dispatched 21:30 WIB, due Fri 27 Mar 23:59:59.999 WIB
    expect(addWorkingDays(wib, at('2026-03-17T21:30:00', 'WIB'), 3).deadline.toISOString()).toBe(
      '2026-03-27T16:59:59.999Z',
    );
  });

  it('counts 2 HK from Monday 16 Mar 2026 to Wednesday 25 Mar', () => {
    expect(due(wita, at('2026-03-16T09:00:00', 'WITA'), 2)).toBe('2026-03-25'); // 17 (1), [18-24], 25 (2)
  });

  it('counts a PPID 10 HK from Friday 13 Mar 2026 across Idul Fitri and Good Friday to Monday 6 Apr', () => {
    // 16 (1), 17 (2), [18-24], 25 (3), 26 (4), 27 (5), 30 (6), 31 (7), 1 Apr (8), 2 Apr (9), [3 Wafat Yesus, 4, 5 Paskah], 6 (10)
    expect(due(wib, at('2026-03-13T15:00:00', 'WIB'), 10)).toBe('2026-04-06');
  });

  it('skips Kenaikan 2026 and its cuti bersama: 1 HK from Wednesday 13 May ends Monday 18 May', () => {
    expect(due(wita, at('2026-05-13T09:00:00', 'WITA'), 1)).toBe('2026-05-18'); // [14 Kenaikan, 15 cuti, 16-17]
  });

  it('skips Idul Adha 2026, its cuti bersama and Pancasila day: 3 HK from Tuesday 26 May ends Wednesday 3 Jun', () => {
    // [27 Idul Adha, 28 cuti] 29 (1), [30-31 weekend + Waisak, 1 Jun Pancasila] 2 (2), 3 (3)
    expect(due(wita, at('2026-05-26T09:00:00', 'WITA'), 3)).toBe('2026-06-03');
  });

  it('skips HUT RI and Maulid 2026: 7 HK from Friday 14 Aug ends Thursday 27 Aug', () => {
    // [15-16, 17 HUT RI] 18-21 (1-4), 24 (5), [25 Maulid], 26 (6), 27 (7)
    expect(due(wib, at('2026-08-14T09:00:00', 'WIB'), 7)).toBe('2026-08-27');
  });

  it('reaches into 2027, which has no calendar loaded, counting weekdays only and saying so', () => {
    // from Thu 24 Dec 2026 (cuti): [25 Natal, 26-27] 28 (1), 29 (2), 30 (3), 31 (4), Fri 1 Jan 2027 (5, unchecked)
    expect(addWorkingDays(wib, at('2026-12-24T09:00:00', 'WIB'), 3)).toMatchObject({
      dueDate: '2026-12-30',
      warnings: [],
    });
    const r = addWorkingDays(wib, at('2026-12-24T09:00:00', 'WIB'), 5);
    expect(r.dueDate).toBe('2027-01-01');
    expect(r.warnings).toEqual([{ kind: 'calendar_year_missing', year: 2027 }]);
  });

  it('does not warn about the year of the event itself, since that day never counts', () => {
    // Tue 31 Dec 2024 (not loaded) + 1 HK: [1 Jan 2025 libur] 2 Jan (1)
    expect(addWorkingDays(wita, at('2024-12-31T10:00:00', 'WITA'), 1)).toMatchObject({
      dueDate: '2025-01-02',
      warnings: [],
    });
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

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays(wita, at('2025-01-09T10:00:00', 'WITA'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(wita, at('2025-01-09T10:00:00', 'WITA'), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and the calendar', () => {
  it('counts 3 working days between Thursday 27 Mar and Thursday 10 Apr 2025, and −3 backwards', () => {
    const a = at('2025-03-27T10:00:00', 'WITA');
    const b = at('2025-04-10T12:00:00', 'WITA');
    expect(workingDaysBetween(wita, a, b).days).toBe(3);
    expect(workingDaysBetween(wita, b, a).days).toBe(-3);
  });

  it('counts 4 working days from 30 Dec 2026 to 5 Jan 2027 and warns that 2027 is not loaded', () => {
    // 31 (1), Fri 1 Jan 2027 (2, unchecked), 4 (3), 5 (4)
    expect(workingDaysBetween(wib, at('2026-12-30T09:00:00', 'WIB'), at('2027-01-05T09:00:00', 'WIB'))).toEqual({
      days: 4,
      warnings: [{ kind: 'calendar_year_missing', year: 2027 }],
    });
  });

  it('treats weekends, libur nasional and cuti bersama as non-working days', () => {
    expect(isWorkingDay(wita, '2025-08-15')).toBe(true);
    expect(isWorkingDay(wita, '2025-08-16')).toBe(false); // Saturday
    expect(isWorkingDay(wita, '2025-08-18')).toBe(false); // cuti bersama
    expect(isWorkingDay(wita, '2026-03-19')).toBe(false); // Nyepi
  });

  it('reports the years with no calendar loaded', () => {
    expect(yearsMissing(wita, 2024, 2027)).toEqual([2024, 2027]);
  });

  it('refuses an unknown time zone or a malformed holiday date', () => {
    expect(() => createWorkingCalendar({ timeZone: 'Asia/Banjarmasin', holidays: [], loadedYears: [] })).toThrow(
      RangeError,
    );
    const bad = [...HOLIDAYS_2025, { date: '2025-8-18', kind: 'cuti_bersama' as const, name: 'typo' }];
    expect(() => createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: bad, loadedYears: [2025] })).toThrow(
      RangeError,
    );
  });
});
