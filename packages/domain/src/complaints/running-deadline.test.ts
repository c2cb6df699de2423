import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.ts';
import { complaintDeadline, complaintFacts, completionDue } from './running-deadline.ts';
import { ev, followUp, reason, state, verifiedPupr } from './fixtures.test-data.ts';

// March 2025 before Nyepi: plain Monday–Friday. Times are WITA (+08:00).
const cal = createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: [], loadedYears: [2025] });
const at = (local: string) => new Date(`${local}+08:00`);

describe('a complaint’s running deadline', () => {
  it('gives a dispatched complaint 5 HK to follow up: on time, at risk on the last working day, then overdue', () => {
    const s = state(verifiedPupr()); // dispatched Tue 4 Mar 10:00
    const early = complaintDeadline(s, cal, at('2025-03-05T09:00:00'));
    expect(early.step).toBe('opd_follow_up');
    expect(early.at?.toISOString()).toBe(at('2025-03-11T23:59:59.999').toISOString());
    expect(early.state).toBe('on_time');
    expect(complaintDeadline(s, cal, at('2025-03-11T09:00:00')).state).toBe('at_risk');
    expect(complaintDeadline(s, cal, at('2025-03-12T09:00:00')).state).toBe('overdue');
  });

  it('stops while postponed: no due instant, state paused', () => {
    const s = state(verifiedPupr(), ev('postponed', '2025-03-05T10:00:00', reason));
    expect(complaintDeadline(s, cal, at('2025-03-20T09:00:00'))).toMatchObject({ at: null, state: 'paused' });
  });

  it('gives the auto-close wait a due instant but no standing: it never escalates', () => {
    const s = state(verifiedPupr(), followUp());
    const d = complaintDeadline(s, cal, at('2025-04-30T09:00:00'));
    expect(d.step).toBe('auto_close');
    expect(d.at).not.toBeNull();
    expect(d.state).toBe('none');
  });

  it('has a completion target while open and none once completed', () => {
    expect(completionDue(state(verifiedPupr()), cal)).toBeInstanceOf(Date);
    expect(completionDue(state(verifiedPupr(), followUp(), ev('completed', '2025-03-07T10:00:00')), cal)).toBeNull();
  });
});

describe('a complaint’s rollup facts', () => {
  it('counts a follow-up 2 HK after dispatch as on time, and one after 6 HK as late', () => {
    const onTime = complaintFacts(state(verifiedPupr(), followUp('2025-03-06T10:00:00')), cal, {
      deadlineState: 'none',
      escalationLevel: 0,
    });
    expect(onTime).toMatchObject({ followUpWorkingDays: 2, followUpOnTime: true, open: true, escalated: false });
    const late = complaintFacts(state(verifiedPupr(), followUp('2025-03-12T10:00:00')), cal, {
      deadlineState: 'overdue',
      escalationLevel: 2,
    });
    expect(late).toMatchObject({
      followUpWorkingDays: 6,
      followUpOnTime: false,
      deadlineState: 'overdue',
      escalated: true,
    });
  });

  it('dates completion only for a complaint completed, not one closed otherwise', () => {
    const done = complaintFacts(state(verifiedPupr(), followUp(), ev('completed', '2025-03-07T10:00:00')), cal, {
      deadlineState: 'none',
      escalationLevel: 0,
    });
    expect(done.completedAt?.toISOString()).toBe(at('2025-03-07T10:00:00').toISOString());
    expect(done.open).toBe(false);
  });
});
