import type { ProvincePack } from '@pantau/provinces';

const DAY = 86_400_000;

/**
 * The complaint history backfilled on a first start: 13 months, so the wall's year to date and its last
 * 12 months are filled from the first minute.
 */
export const DEMO_HISTORY_DAYS = 400;
/**
 * PPID and social backfill 90 days: their scenes show the month and 30 days, and PPID's weekly DIP
 * download counts per OPD make a year of history take minutes.
 */
export const SIDE_HISTORY_DAYS = 90;
/** Demo feeds first started before the 13-month history had 90 days; they keep them (see historyUntil). */
const LEGACY_HISTORY_DAYS = 90;
/** The social history is lighter than the live feed (a third of the posts and comments): seconds to backfill. */
const SOCIAL_HISTORY_ACTIVITY = 0.3;

export interface DemoFeedRates {
  complaints: { perDay: number; historyPerDay: number };
  ppid: { perDay: number; historyPerDay: number };
  social: { activity: number; historyActivity: number };
}

/**
 * What the demo feed simulates: the province pack's real volumes (DOMAIN.md §2) unless a busy demo asks
 * for more complaints with PANTAU_DEMO_PER_DAY (the history keeps the real rate unless
 * PANTAU_DEMO_HISTORY_PER_DAY says otherwise). PPID and social always run at the pack's rates: a busy
 * complaint demo does not need a thousand information requests a day.
 */
export function demoFeedRates(
  pack: ProvincePack,
  env: { PANTAU_DEMO_PER_DAY?: number | undefined; PANTAU_DEMO_HISTORY_PER_DAY?: number | undefined },
): DemoFeedRates {
  const real = pack.demoRates;
  return {
    complaints: {
      perDay: env.PANTAU_DEMO_PER_DAY ?? real.complaintsPerDay,
      historyPerDay: env.PANTAU_DEMO_HISTORY_PER_DAY ?? real.complaintsPerDay,
    },
    ppid: { perDay: real.ppidRequestsPerDay, historyPerDay: real.ppidRequestsPerDay },
    social: { activity: real.socialActivity, historyActivity: real.socialActivity * SOCIAL_HISTORY_ACTIVITY },
  };
}

/**
 * Where a demo feed's history (at the history rate) ends and its live rate begins: at its first start,
 * `DEMO_HISTORY_DAYS` after the horizon it stored. A feed stored before the history grew to 13 months
 * began 90 days before its first start; it is recognised by a cursor (which never goes back before the
 * first start) that is still short of `start + DEMO_HISTORY_DAYS`, and keeps its 90 days, so a restart
 * replays exactly what it ingested (one that has since run for ten months is taken for a long one: start
 * such an old demo database afresh).
 */
export function historyUntil(position: { startedAt: Date; cursorAt: Date }, days = DEMO_HISTORY_DAYS): Date {
  const start = position.startedAt.getTime();
  const fresh = position.cursorAt.getTime() === start;
  const long = start + days * DAY;
  if (fresh || position.cursorAt.getTime() >= long) return new Date(long);
  return new Date(start + LEGACY_HISTORY_DAYS * DAY);
}

/** The horizon a new demo feed starts at: `days` before now. */
export const historyHorizon = (now: Date, days = DEMO_HISTORY_DAYS): Date => new Date(now.getTime() - days * DAY);
