import { socialInteractionFacts, socialOpenIssues, socialPeriodTotals, type Pool } from '@pantau/db';
import { flaggedCounts, summarizeSocial, type ReportPeriod, type SocialReportFigures } from '@pantau/domain';

/**
 * A period's social figures for the province or one OPD, from the same queries and formulas as
 * `GET /api/social/kpis` and the wall's social panels (socialPeriodTotals, the period's interactions,
 * summarizeSocial), so a report's figures equal the dashboard's for the same days.
 */
export async function socialReportFigures(
  pool: Pool,
  timeZone: string,
  period: ReportPeriod,
  opdId: string | undefined,
): Promise<SocialReportFigures> {
  const scope = { from: period.from, to: period.to, timeZone, opdId };
  const [totals, interactions] = await Promise.all([
    socialPeriodTotals(pool, scope),
    socialInteractionFacts(pool, scope),
  ]);
  const k = summarizeSocial(totals, interactions, { basis: 'reach' });
  const flags = flaggedCounts(interactions);
  return {
    reach: totals.reach,
    needing: k.interactionsNeedingReply,
    replied: k.replied,
    replyRatePct: k.replyRatePct,
    medianReplyMinutes: k.medianReplyMinutes,
    sentiment: k.sentiment,
    ...flags,
    stillOpen: k.openIssues,
    medianMinutesToClarify: k.medianMinutesToClarify,
  };
}

/** Issues and hoax suspects open now, whenever they came in (the wall's social panel). */
export async function socialOpenNow(
  pool: Pool,
  opdId: string | undefined,
): Promise<{ issues: number; hoaxSuspects: number }> {
  const r = await socialOpenIssues(pool, opdId);
  return { issues: r.openIssues, hoaxSuspects: r.openHoaxSuspects };
}
