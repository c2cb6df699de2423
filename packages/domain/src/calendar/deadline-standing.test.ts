import { describe, expect, it } from 'vitest';
import { deadlineStanding, remainingWorkingTime } from './deadline.ts';
import { at, wita } from './fixtures.test-data.ts';

describe('the at-risk rule (complaints and PPID requests alike)', () => {
  it('is on time while more working days than the threshold remain', () => {
    expect(deadlineStanding({ overdue: false, workingDays: 3 }, 2)).toBe('on_time');
  });

  it('turns at risk when exactly the threshold of working days remains', () => {
    expect(deadlineStanding({ overdue: false, workingDays: 2 }, 2)).toBe('at_risk');
  });

  it('is at risk on the due date itself (0 working days left)', () => {
    expect(deadlineStanding({ overdue: false, workingDays: 0 }, 2)).toBe('at_risk');
  });

  it('is overdue once the deadline instant has passed, even before a working day has', () => {
    expect(deadlineStanding({ overdue: true, workingDays: 0 }, 2)).toBe('overdue');
  });

  it('with a threshold of 0, warns only on the due date', () => {
    expect(deadlineStanding({ overdue: false, workingDays: 1 }, 0)).toBe('on_time');
    expect(deadlineStanding({ overdue: false, workingDays: 0 }, 0)).toBe('at_risk');
  });

  it('counts working days, so a weekend does not bring a Monday deadline closer', () => {
    // Friday 7 Mar 2025, 10:00 WITA; the deadline is Monday 10 Mar: one working day after today.
    const rem = remainingWorkingTime(wita, at('2025-03-07T10:00:00', 'WITA'), at('2025-03-10T16:00:00', 'WITA'));
    expect(rem.workingDays).toBe(1);
    expect(deadlineStanding(rem, 1)).toBe('at_risk');
    expect(deadlineStanding(rem, 0)).toBe('on_time');
  });
});
