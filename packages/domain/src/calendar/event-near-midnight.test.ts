import { describe, expect, it } from 'vitest';
import { wib, wita } from './fixtures.test-data.ts';
import { addWorkingDays } from './working-calendar.ts';

const due = (cal: typeof wita, from: Date, n: number) => addWorkingDays(cal, from, n).dueDate;

// The day of an event is its local date in the province's zone: one instant can be Thursday in WIB
// (Kalteng, Kalbar) and Friday in WITA (Kalsel). Expected dates counted by hand on the 2025 calendar.
describe('the local day of an event near midnight', () => {
  it('23:59 WITA on Thursday 9 Jan 2025 is Thursday: 1 HK ends Friday', () => {
    expect(due(wita, new Date('2025-01-09T15:59:00Z'), 1)).toBe('2025-01-10');
  });

  it('00:01 WITA on Friday 10 Jan 2025 is Friday: 1 HK ends Monday', () => {
    expect(due(wita, new Date('2025-01-09T16:01:00Z'), 1)).toBe('2025-01-13');
  });

  it('the same instant, 16:01Z, is still Thursday 23:01 in WIB: 1 HK ends Friday', () => {
    expect(due(wib, new Date('2025-01-09T16:01:00Z'), 1)).toBe('2025-01-10');
  });

  it('23:59 WIB Thursday counts from Thursday, 00:00 WIB Friday from Friday', () => {
    expect(due(wib, new Date('2025-01-09T16:59:00Z'), 1)).toBe('2025-01-10');
    expect(due(wib, new Date('2025-01-09T17:00:00Z'), 1)).toBe('2025-01-13');
  });

  it('just before and after midnight WITA on 27/28 Mar 2025 give the same 3 HK, as Friday 28 is cuti bersama', () => {
    // 15:59Z = Thu 23:59 WITA; 16:01Z = Fri 28 00:01 WITA (not a working day, so day 1 is still Tue 8 Apr)
    expect(due(wita, new Date('2025-03-27T15:59:00Z'), 3)).toBe('2025-04-10');
    expect(due(wita, new Date('2025-03-27T16:01:00Z'), 3)).toBe('2025-04-10');
    // 16:01Z is Thu 27 23:01 WIB
    expect(addWorkingDays(wib, new Date('2025-03-27T16:01:00Z'), 3).deadline.toISOString()).toBe(
      '2025-04-10T16:59:59.999Z',
    );
  });

  it('00:01 WITA Tuesday 8 Apr 2025 counts from Tuesday, while in WIB it is still Monday 7 (cuti bersama)', () => {
    // WITA: day of t = Tue 8 → 9 (1). WIB: day of t = Mon 7 → 8 (1)
    expect(due(wita, new Date('2025-04-07T16:01:00Z'), 1)).toBe('2025-04-09');
    expect(due(wib, new Date('2025-04-07T16:01:00Z'), 1)).toBe('2025-04-08');
    expect(due(wita, new Date('2025-04-07T15:59:00Z'), 1)).toBe('2025-04-08'); // Mon 7 23:59 WITA
  });
});
