import { describe, expect, it } from 'vitest';
import { addWorkingDaysWithPauses } from '../calendar/deadline.ts';
import { createWorkingCalendar } from '../calendar/working-calendar.ts';
import { completionClock, completionTierOf, DEFAULT_COMPLAINT_RULES, nextDeadlineStep } from './deadline-rules.ts';
import { ev, followUp, reason, state, stateAfter, submitted, verifiedPupr } from './fixtures.test-data.ts';

// No holiday in March 2025 before Nyepi (28–29 Mar), so these dates are plain Monday–Friday counts.
const cal = createWorkingCalendar({ timeZone: 'Asia/Makassar', holidays: [], loadedYears: [2025] });
const dueOf = (
  c: { anchor: Date; workingDays: number; pauses: Parameters<typeof addWorkingDaysWithPauses>[3] } | null,
) => (c ? addWorkingDaysWithPauses(cal, c.anchor, c.workingDays, c.pauses).dueDate : 'no clock');

describe('complaint deadline clocks', () => {
  it('runs the 3 HK verification clock from submission', () => {
    expect(nextDeadlineStep(state())).toEqual({
      step: 'verify_dispatch',
      anchor: new Date('2025-03-03T01:00:00Z'),
      workingDays: 3,
      pauses: [],
      escalates: true,
    });
    expect(dueOf(nextDeadlineStep(state()))).toBe('2025-03-06');
  });

  it('runs the 5 HK OPD follow-up clock from dispatch', () => {
    const clock = nextDeadlineStep(state(verifiedPupr()));
    expect(clock).toMatchObject({ step: 'opd_follow_up', anchor: new Date('2025-03-04T02:00:00Z'), workingDays: 5 });
    expect(dueOf(clock)).toBe('2025-03-11');
  });

  it('runs the 10 HK auto-close clock from the last follow-up, which does not escalate', () => {
    const clock = nextDeadlineStep(state(verifiedPupr(), followUp(), followUp('2025-03-07T10:00:00')));
    expect(clock).toMatchObject({ step: 'auto_close', anchor: new Date('2025-03-07T02:00:00Z'), workingDays: 10 });
    expect(clock?.escalates).toBe(false);
  });

  it('a reporter reply restarts the OPD clock from the reply; the recorded wait does not shorten it', () => {
    const clock = nextDeadlineStep(state(verifiedPupr(), followUp(), ev('reporter_replied', '2025-03-10T10:00:00')));
    expect(clock).toMatchObject({ step: 'opd_follow_up', anchor: new Date('2025-03-10T02:00:00Z') });
    expect(dueOf(clock)).toBe('2025-03-17');
  });

  it('stops the clock while postponed, and a 2-day postponement moves the OPD deadline by 2 HK', () => {
    const paused = state(verifiedPupr(), ev('postponed', '2025-03-05T10:00:00', reason));
    expect(nextDeadlineStep(paused)).toMatchObject({ step: 'opd_follow_up', pauses: [{ end: null }] });
    expect(
      addWorkingDaysWithPauses(cal, paused.submittedAt, 5, nextDeadlineStep(paused)?.pauses ?? []).deadline,
    ).toBeNull();
    const resumed = state(
      verifiedPupr(),
      ev('postponed', '2025-03-05T10:00:00', reason),
      ev('resumed', '2025-03-06T10:00:00'),
    );
    expect(dueOf(nextDeadlineStep(resumed))).toBe('2025-03-13'); // Wed 5 and Thu 6 do not count
  });

  it('runs no clock for a bukan-wewenang complaint or a closed one', () => {
    expect(
      nextDeadlineStep(state(ev('rejected_not_authority', '2025-03-04T10:00:00', { reason: 'Kewenangan kabupaten' }))),
    ).toBeNull();
    expect(nextDeadlineStep(state(ev('deleted', '2025-03-04T10:00:00', { reason: 'Duplikat laporan' })))).toBeNull();
    expect(nextDeadlineStep(state(verifiedPupr(), followUp(), ev('completed', '2025-03-07T10:00:00')))).toBeNull();
  });

  it('takes the province rules instead of the defaults', () => {
    const rules = { ...DEFAULT_COMPLAINT_RULES, verifyDispatchHK: 2 };
    expect(nextDeadlineStep(state(), rules)?.workingDays).toBe(2);
  });
});

describe('62/2018 completion target', () => {
  it.each([
    ['permintaan_informasi', 'ringan', 5],
    ['aspirasi', 'ringan', 5],
    ['pengaduan', 'sedang', 14],
    ['lainnya', 'sedang', 14],
    ['wbs', 'berat', 60],
  ] as const)('gives a %s the %s tier: %i HK from submission', (classification, tier, hk) => {
    expect(completionTierOf(classification)).toBe(tier);
    expect(completionClock(stateAfter({ ...submitted, classification } as typeof submitted))?.workingDays).toBe(hk);
  });

  it('takes a per-case tier override', () => {
    expect(completionClock(state(), DEFAULT_COMPLAINT_RULES, 'berat')?.workingDays).toBe(60);
  });

  it('is paused while the reporter has the turn, and skips that wait once they reply', () => {
    const waiting = state(verifiedPupr(), followUp());
    expect(dueOf(completionClock(waiting))).toBeNull();
    const replied = state(verifiedPupr(), followUp(), ev('reporter_replied', '2025-03-10T10:00:00'));
    // 14 HK from Mon 3 Mar is Fri 21 Mar; Thu 6, Fri 7 and Mon 10 were the reporter's: Wed 26 Mar.
    expect(dueOf(completionClock(state(verifiedPupr())))).toBe('2025-03-21');
    expect(dueOf(completionClock(replied))).toBe('2025-03-26');
  });

  it('is gone once the complaint is closed', () => {
    expect(completionClock(state(ev('archived', '2025-03-04T10:00:00', reason)))).toBeNull();
  });
});
