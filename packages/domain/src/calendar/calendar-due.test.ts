import { describe, expect, it } from 'vitest';
import { calendarYearsDue, createWorkingCalendar } from './working-calendar.ts';

const loaded = (...years: number[]) =>
  createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: [], loadedYears: years });

describe('calendarYearsDue: when loading a year becomes an admin task', () => {
  it('asks for next year from 1 October of the year before, not earlier', () => {
    const cal = loaded(2026);
    expect(calendarYearsDue(cal, '2026-09-30')).toEqual([]);
    expect(calendarYearsDue(cal, '2026-10-01')).toEqual([2027]);
    expect(calendarYearsDue(cal, '2026-12-31')).toEqual([2027]);
  });

  it('asks for the current year whenever it is missing', () => {
    expect(calendarYearsDue(loaded(2026), '2027-01-01')).toEqual([2027]);
    expect(calendarYearsDue(loaded(), '2027-03-15')).toEqual([2027]);
  });

  it('asks for nothing when this year and next are loaded', () => {
    expect(calendarYearsDue(loaded(2026, 2027), '2026-12-02')).toEqual([]);
  });
});
