import type { SceneIdWire } from './constants.ts';
import type { IssuesTopicState } from './live.ts';
import type { PublicSummary } from './public.ts';
import type { WorklistTopicItem } from './views.ts';
import type { PlaylistEntry, WallPlaylists } from './wall.ts';

/**
 * The content of a scoped live topic (`province`, `opd:<id>`, `regency:<code>`): one section per stream,
 * built on the server from rollups and read by the wall's scenes and the dashboard. Declared once here;
 * the server's section builders return these types and the web reads them, so neither side restates
 * the other. Type aliases (not interfaces) so they stay assignable to JSON.
 */

/** One month's flows (`YYYY-MM`, local). */
export type MonthFlows = { month: string; received: number; followedUp: number; completed: number };

/** A ranked OPD's or kabupaten/kota's flows over the last 12 months, and what is overdue now. */
export type RankedFlows = { received: number; followedUp: number; onTime: number; overdue: number };

/** Every complaint figure a screen shows for the province, one OPD or one regency. */
export type ComplaintFigures = {
  today: { received: number; verified: number; followedUp: number; completed: number };
  /** Today by local hour (00–23), for the intraday curve. */
  todayByHour: Array<{ hour: string; received: number; completed: number }>;
  /** Complaints received in the last 60 minutes (the live rate). */
  lastHourReceived: number;
  month: {
    received: number;
    followedUp: number;
    completed: number;
    onTimeShare: number | null;
    avgFollowUpHK: number | null;
    avgVerifyHours: number | null;
  };
  /** The year to date: flows, and the shares followed up and completed (domain flowShare). */
  year: {
    received: number;
    followedUp: number;
    completed: number;
    onTimeShare: number | null;
    followUpRate: number | null;
    completionRate: number | null;
  };
  /** The last 12 months, this one included, oldest first; a quiet month is zeros. */
  months: MonthFlows[];
  byChannel: Record<string, number>;
  byClassification: Record<string, number>;
  byTopic: Array<{ topic: string; received: number }>;
  trend: Array<{ day: string; received: number; completed: number }>;
  open: { total: number; overdue: number; atRisk: number; byStatus: Record<string, number>; escalated: number };
  /** Worst first; flows over the last 12 months (a month of a real province is too thin to rank). */
  opdRanking: Array<{ opdId: string } & RankedFlows>;
  regencyRanking: Array<{ regencyCode: string } & RankedFlows>;
};

/** The Komisi Informasi's latest monev: one OPD's result, or the province's mean and each OPD's band. */
export type KiFigures = {
  year: number;
  band: string;
  /** One OPD's score. */
  score?: number;
  /** The province: how many OPDs were assessed, their mean score, bands and each OPD's result. */
  assessed?: number;
  meanScore?: number | null;
  byBand?: Record<string, number>;
  byOpd?: Array<{ opdId: string; score: number; band: string }>;
};

/** The PPID part of a province or OPD topic (requests have no regency). */
export type PpidFigures = {
  period: { from: string; to: string };
  month: {
    requests: number;
    decided: number;
    decisions: Record<string, { count: number; share: number | null }>;
    onTimeShare: number | null;
    avgWorkingDaysToDecide: number | null;
    extensionsUsed: number;
  };
  now: {
    open: number;
    atRisk: number;
    overdue: number;
    objectionsOpen: number;
    disputesOpen: number;
    objectionsFiledThisMonth: number;
    disputesFiledThisMonth: number;
  };
  ki: KiFigures | null;
  dip: { entries: number; downloads: number; downloadsByCategory: Record<string, number> };
};

/** The social part of a province or OPD topic over the last 30 days (accounts have no regency). */
export type SocialFigures = {
  period: { from: string; to: string };
  followers: number | null;
  followerGrowth: number | null;
  followerGrowthPct: number | null;
  postsPublished: number;
  engagementRatePct: number | null;
  engagementBasis: 'reach';
  replies: {
    needing: number;
    replied: number;
    replyRatePct: number | null;
    medianReplyMinutes: number | null;
    withinTargetPct: number | null;
    targetMinutes: number;
  };
  sentiment: {
    positive: number;
    neutral: number;
    negative: number;
    pct: { positive: number | null; neutral: number | null; negative: number | null };
  };
  openIssues: number;
  openHoaxSuspects: number;
};

/** A newest complaint for the ticker: when, what kind, which OPD, where, which channel (no text). */
export type RecentComplaint = {
  submittedAt: string;
  classification: string;
  topic: string | null;
  opdId: string | null;
  regencyCode: string | null;
  channel: string;
};

/** An annotation as the trends show it. */
export type AnnotationItem = { id: number; scope: string; startsAt: string; endsAt: string | null; text: string };

/** Each section of a scoped topic; a section a scope does not have is absent. */
export type ScopeSections = {
  complaints: ComplaintFigures;
  recent: { items: RecentComplaint[] };
  calendar: { missingYears: number[] };
  ppid: PpidFigures;
  social: SocialFigures;
  annotations: { items: AnnotationItem[] };
};

/** A scoped topic's whole content. */
export type ScopeTopicState = { scope?: string } & Partial<ScopeSections>;

/** What an operator sent to a wall screen, until released (`until` null) or until `until`. */
export type WallOverrideView = {
  scene: SceneIdWire;
  opdId?: string;
  regencyCode?: string;
  /** Who sent it (display name): a screen never changes anonymously. */
  sentBy?: string;
  until: string | null;
};

/** The `wall` topic: what operators sent to each screen, and every screen's rotation. */
export type WallTopicState = {
  screens: Record<string, WallOverrideView>;
  /** Every screen's entries, for walls loaded before per-screen playlists existed. */
  playlist: PlaylistEntry[] | null;
  playlists: WallPlaylists;
};

/** The `worklist` topic: what is overdue or at risk now, across the province. */
export type WorklistTopicState = { items: WorklistTopicItem[] };

/** The content of each live topic, by name; scoped topics (`province`, `opd:…`, `regency:…`) by pattern. */
export type LiveTopicStates = { wall: WallTopicState; worklist: WorklistTopicState; issues: IssuesTopicState };
export type TopicStateOf<T extends string> = T extends keyof LiveTopicStates
  ? LiveTopicStates[T]
  : T extends `public:${string}`
    ? PublicSummary
    : ScopeTopicState;
