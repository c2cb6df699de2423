import { z } from 'zod';

/**
 * The public statistics API (`/api/public/v1/...`) and the embeddable widgets (`/embed/<kind>`): their
 * query parameters and the shapes they answer with. Aggregates only: no item, no text, no reporter;
 * a count below the province's threshold is the string "<5" (for the default threshold 5), a count
 * hidden to protect such a one is "withheld", and a share computed from either is null.
 */

/** `province`, an OPD id (`kalteng.pupr`) or a kabupaten/kota code (`62.71`). */
export const publicScope = z
  .string()
  .max(60)
  .regex(/^(province|[a-z]+\.[a-z0-9-]+|\d{2}\.\d{2})$/, 'expected province, an OPD id or a regency code');
export type PublicScope = z.infer<typeof publicScope>;

/** `month`: this month so far; `today`: today so far (local days in the province's zone). */
export const publicPeriod = z.enum(['month', 'today']);
export type PublicPeriod = z.infer<typeof publicPeriod>;

/** The query of a public endpoint that takes no parameter: any given one is refused by name. */
export const publicNoQuery = z.strictObject({});

export const publicQuery = z.strictObject({
  scope: publicScope.default('province'),
  period: publicPeriod.default('month'),
});
export type PublicQuery = z.infer<typeof publicQuery>;

/**
 * A count as published: the number; "<N" when it is below the threshold N (re-identification risk);
 * or "withheld" — a count of at least N hidden so that a "<N" elsewhere cannot be worked out by
 * subtraction (a total minus its other parts, the province minus its other OPDs).
 */
export const publicCount = z.union([z.number().int().nonnegative(), z.string().regex(/^<\d+$/), z.literal('withheld')]);
export type PublicCount = z.infer<typeof publicCount>;

const share = z.number().min(0).max(1).nullable();

export const publicComplaints = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  received: publicCount,
  resolved: publicCount,
  followedUp: publicCount,
  /** Followed up within the deadline, among those followed up in the period. */
  onTimeShare: share,
  /** Mean working days (hari kerja) from dispatch to the first follow-up. */
  avgFollowUpHK: z.number().nullable(),
  open: publicCount,
  overdue: publicCount,
  /** This month by channel and by topic (the ten largest): the province only, empty for other scopes. */
  byChannel: z.record(z.string(), publicCount),
  byTopic: z.array(z.object({ topic: z.string(), received: publicCount })),
  /**
   * The province: its last 30 local days. An OPD or a kabupaten/kota: its last 4 weeks of 7 days ending
   * today (`day` the first, `to` the last) — a day of one OPD is almost always a handful of reports,
   * and publishing it would mostly show "<5" while forcing larger counts elsewhere to be withheld.
   */
  trendUnit: z.enum(['day', 'week']),
  trend: z.array(
    z.object({ day: z.string(), to: z.string().optional(), received: publicCount, resolved: publicCount }),
  ),
});
export type PublicComplaints = z.infer<typeof publicComplaints>;

export const publicPpid = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  requests: publicCount,
  decided: publicCount,
  decisions: z.record(z.string(), publicCount),
  onTimeShare: share,
  avgWorkingDaysToDecide: z.number().nullable(),
  objections: publicCount,
  disputes: publicCount,
  /** The latest Komisi Informasi monitoring result (band: informatif, menuju informatif, …). */
  ki: z.object({ year: z.number().int(), score: z.number(), band: z.string() }).nullable(),
});
export type PublicPpid = z.infer<typeof publicPpid>;

export const publicSocial = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  followers: z.number().int().nonnegative().nullable(),
  followerGrowth: z.number().int().nullable(),
  engagementRatePct: z.number().nullable(),
  replyRatePct: z.number().nullable(),
  medianReplyMinutes: z.number().nullable(),
  replyTargetMinutes: z.number().int(),
});
export type PublicSocial = z.infer<typeof publicSocial>;

export const publicRankingRow = z.object({
  id: z.string(),
  name: z.string(),
  received: publicCount,
  onTimeShare: share,
  overdue: publicCount,
});
export type PublicRankingRow = z.infer<typeof publicRankingRow>;

export const publicSummary = z.object({
  scope: z.object({ id: z.string(), kind: z.enum(['province', 'opd', 'regency']), name: z.string() }),
  period: publicPeriod,
  generatedAt: z.string(),
  complaints: publicComplaints,
  /** PPID requests and social accounts belong to OPDs, not to a kabupaten/kota: null for a regency. */
  ppid: publicPpid.nullable(),
  social: publicSocial.nullable(),
});
export type PublicSummary = z.infer<typeof publicSummary>;

export const publicRankings = z.object({
  /** Rankings rate a month: a day has too few follow-ups per OPD to compare. */
  period: z.literal('month'),
  generatedAt: z.string(),
  /** Best first: on-time share, then fewer overdue. Rows with too few follow-ups to rate come last. */
  opds: z.array(publicRankingRow),
  regencies: z.array(publicRankingRow),
});
export type PublicRankings = z.infer<typeof publicRankings>;

export const publicScopes = z.object({
  province: z.object({ code: z.string(), name: z.string(), timeZone: z.string(), timeZoneLabel: z.string() }),
  opds: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  regencies: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PublicScopes = z.infer<typeof publicScopes>;

/** The answer of one stream's endpoint (`/complaints`, `/ppid`, `/social`): the summary's frame and that stream. */
export const publicStreamAnswer = <S extends 'complaints' | 'ppid' | 'social'>(stream: S, schema: z.ZodType) =>
  z.object({ scope: z.string(), period: publicPeriod, generatedAt: z.string(), [stream]: schema });
