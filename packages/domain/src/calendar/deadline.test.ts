import { describe, expect, it } from 'vitest';
import { addWorkingDaysWithPauses, formatRemaining, recomputeDeadline, remainingWorkingTime } from './deadline.ts';
import { at, HOLIDAYS_2025, wib, wita } from './fixtures.test-data.ts';
import { endOfLocalDay } from './local-date.ts';
import { createWorkingCalendar } from './working-calendar.ts';

// Hand-counted on the 2025 calendar: Mon 3 Mar 2025 + 5 HK is 4, 5, 6, 7, 10 → Mon 10 Mar (no holidays
// until Nyepi on 29 Mar). Each pause below removes whole local days from that count.
const from = at('2025-03-03T09:00:00', 'WITA');

describe('pauses (ditunda, waiting for the reporter)', () => {
  it('does not count the working days a case was postponed', () => {
    // paused Wed 5 Mar 10:00 – Fri 7 Mar 09:00: [5, 6, 7] → 4 (1), 10 (2), 11, 12, 13 (5)
    const pause = { start: at('2025-03-05T10:00:00', 'WITA'), end: at('2025-03-07T09:00:00', 'WITA') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-13');
    expect(addWorkingDaysWithPauses(wita, from, 5, []).dueDate).toBe('2025-03-10');
  });

  it('a pause ending at 23:59:59.999 on Thursday leaves Friday counting', () => {
    // [5, 6] → 4 (1), 7 (2), 10, 11, 12 (5)
    const pause = { start: at('2025-03-05T10:00:00', 'WITA'), end: endOfLocalDay('2025-03-06', 'Asia/Makassar') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-12');
  });

  it('a pause ending at 00:00 Friday touches Friday, so Friday does not count', () => {
    const pause = { start: at('2025-03-05T10:00:00', 'WITA'), end: at('2025-03-07T00:00:00', 'WITA') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-13');
  });

  it('reads a pause in the province’s zone: ending 00:30 WITA Friday is still Thursday 23:30 in WIB', () => {
    // WITA: [5, 6, 7] → 13 Mar. WIB: [5, 6] → 4 (1), 7 (2), 10, 11, 12 (5)
    const pause = { start: new Date('2025-03-05T03:00:00Z'), end: new Date('2025-03-06T16:30:00Z') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-13');
    expect(addWorkingDaysWithPauses(wib, at('2025-03-03T09:00:00', 'WIB'), 5, [pause]).dueDate).toBe('2025-03-12');
  });

  it('a pause that began before the anchor still removes the days after it', () => {
    // paused Fri 28 Feb – Tue 4 Mar 14:00: [4] → 5 (1), 6, 7, 10, 11 (5)
    const pause = { start: at('2025-02-28T10:00:00', 'WITA'), end: at('2025-03-04T14:00:00', 'WITA') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [pause]).dueDate).toBe('2025-03-11');
  });

  it('a pause over a weekend or one that ended before the anchor changes nothing', () => {
    const weekend = { start: at('2025-03-08T10:00:00', 'WITA'), end: at('2025-03-09T18:00:00', 'WITA') };
    const before = { start: at('2025-02-24T10:00:00', 'WITA'), end: at('2025-02-26T10:00:00', 'WITA') };
    expect(addWorkingDaysWithPauses(wita, from, 5, [weekend, before]).dueDate).toBe('2025-03-10');
  });

  it('stops the clock while a pause is open', () => {
    const r = addWorkingDaysWithPauses(wita, from, 5, [{ start: at('2025-03-04T09:00:00', 'WITA'), end: null }]);
    expect(r).toEqual({ deadline: null, dueDate: null, reason: 'paused', warnings: [] });
  });

  it('stops the clock for an open pause that began before the anchor, rather than counting forever', () => {
    const r = addWorkingDaysWithPauses(wita, from, 5, [{ start: at('2025-03-01T09:00:00', 'WITA'), end: null }]);
    expect(r).toMatchObject({ deadline: null, reason: 'paused' });
  });
});

describe('recomputing deadlines when an admin edits the calendar', () => {
  const without = createWorkingCalendar({
    timeZone: 'Asia/Makassar',
    holidays: HOLIDAYS_2025.filter((h) => h.date !== '2025-08-18'),
    loadedYears: [2025],
  });
  const withIt = createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: HOLIDAYS_2025, loadedYears: [2025] });
  const anchor = at('2025-08-14T09:00:00', 'WITA');

  it('moves a deadline spanning 18 Aug 2025 by one day when that cuti bersama is added', () => {
    expect(recomputeDeadline(without, anchor, 3, []).dueDate).toBe('2025-08-19'); // 15, 18, 19
    expect(recomputeDeadline(withIt, anchor, 3, []).dueDate).toBe('2025-08-20'); // 15, [18], 19, 20
  });

  it('moves a paused deadline spanning 18 Aug 2025 by one day as well', () => {
    // paused Tue 19 Aug: without → 15 (1), 18 (2), [19], 20 (3); with → 15 (1), [18, 19], 20 (2), 21 (3)
    const pause = { start: at('2025-08-19T08:00:00', 'WITA'), end: at('2025-08-19T16:00:00', 'WITA') };
    expect(recomputeDeadline(without, anchor, 3, [pause]).dueDate).toBe('2025-08-20');
    expect(recomputeDeadline(withIt, anchor, 3, [pause]).dueDate).toBe('2025-08-21');
  });
});

describe('remaining working time and its label', () => {
  const deadline = endOfLocalDay('2025-04-10', 'Asia/Makassar'); // Thu 10 Apr 2025, after Idul Fitri

  it('shows "sisa 2 HK" on Tuesday 8 Apr 2025 for a deadline on Thursday 10 Apr', () => {
    const rem = remainingWorkingTime(wita, at('2025-04-08T10:00:00', 'WITA'), deadline); // 9, 10
    expect(rem).toMatchObject({ overdue: false, workingDays: 2 });
    expect(formatRemaining(rem, 'id')).toBe('sisa 2 HK');
    expect(formatRemaining(rem, 'en')).toBe('2 working days left');
  });

  it('counts 2 HK left on Thursday 27 Mar 2025 for a deadline on Wednesday 9 Apr, the Idul Fitri break not counting', () => {
    const due9Apr = endOfLocalDay('2025-04-09', 'Asia/Makassar');
    const rem = remainingWorkingTime(wita, at('2025-03-27T10:00:00', 'WITA'), due9Apr);
    expect(rem).toMatchObject({ overdue: false, workingDays: 2 }); // [28 … 7], 8, 9
  });

  it('says "1 working day left" in the singular', () => {
    expect(formatRemaining({ overdue: false, workingDays: 1 }, 'en')).toBe('1 working day left');
    expect(formatRemaining({ overdue: true, workingDays: 1 }, 'en')).toBe('1 working day late');
  });

  it('says the deadline is today on its own day', () => {
    const rem = remainingWorkingTime(wita, at('2025-04-10T23:00:00', 'WITA'), deadline);
    expect(rem).toMatchObject({ overdue: false, workingDays: 0 });
    expect(formatRemaining(rem, 'id')).toBe('jatuh tempo hari ini');
    expect(formatRemaining(rem, 'en')).toBe('due today');
  });

  it('shows "terlambat 3 HK" on Tuesday 15 Apr for that deadline', () => {
    const rem = remainingWorkingTime(wita, at('2025-04-15T10:00:00', 'WITA'), deadline);
    expect(rem).toMatchObject({ overdue: true, workingDays: 3 }); // 11, 14, 15
    expect(formatRemaining(rem, 'id')).toBe('terlambat 3 HK');
    expect(formatRemaining(rem, 'en')).toBe('3 working days late');
  });

  it('counts Friday 11 Apr as 1 HK late from its first minute', () => {
    const rem = remainingWorkingTime(wita, at('2025-04-11T00:00:30', 'WITA'), deadline);
    expect(rem).toMatchObject({ overdue: true, workingDays: 1 });
  });

  it('is overdue but 0 HK late on the weekend after a Friday deadline, labelled "lewat tenggat"', () => {
    const friday = endOfLocalDay('2025-04-11', 'Asia/Makassar');
    const rem = remainingWorkingTime(wita, at('2025-04-12T10:00:00', 'WITA'), friday);
    expect(rem).toMatchObject({ overdue: true, workingDays: 0 });
    expect(formatRemaining(rem, 'id')).toBe('lewat tenggat');
    expect(formatRemaining(rem, 'en')).toBe('past due');
  });
});
