import type { HeartbeatMessage, WorklistTopicItem } from '@pantau/contracts';
import type { IssuesTopicState } from '@pantau/contracts/live';
import type { DrillTarget } from '../dashboard/dashboard-state.ts';
import type { ProvinceInfo } from '../province.ts';

/** The complaint part of a scoped topic (apps/server complaintOverview). */
export interface ComplaintFigures {
  today: { received: number; verified: number; followedUp: number; completed: number };
  lastHourReceived: number;
  month: {
    received: number;
    followedUp: number;
    completed: number;
    onTimeShare: number | null;
    avgFollowUpHK: number | null;
  };
  /** The year to date; the rates are flows capped at 100 % (domain flowShare). */
  year?: {
    received: number;
    followedUp: number;
    completed: number;
    onTimeShare: number | null;
    followUpRate: number | null;
    completionRate: number | null;
  };
  /** The last 12 months, oldest first (`YYYY-MM`). */
  months?: Array<{ month: string; received: number; followedUp: number; completed: number }>;
  byChannel: Record<string, number>;
  byTopic: Array<{ topic: string; received: number }>;
  trend: Array<{ day: string; received: number; completed: number }>;
  open: { total: number; overdue: number; atRisk: number; byStatus: Record<string, number>; escalated: number };
  opdRanking: Array<{ opdId: string; received: number; followedUp: number; onTime: number; overdue: number }>;
  regencyRanking: Array<{ regencyCode: string; received: number; followedUp: number; onTime: number; overdue: number }>;
}

export interface PpidFigures {
  month: {
    requests: number;
    decided: number;
    decisions: Record<string, { count: number; share: number | null }>;
    onTimeShare: number | null;
    avgWorkingDaysToDecide: number | null;
  };
  now: { open: number; atRisk: number; overdue: number; objectionsOpen: number; disputesOpen: number };
  ki: {
    year: number;
    band: string;
    score?: number;
    meanScore?: number;
    byBand?: Record<string, number>;
    byOpd?: Array<{ opdId: string; score: number; band: string }>;
  } | null;
  dip?: { entries: number; downloads: number; downloadsByCategory: Record<string, number> };
}

export interface SocialFigures {
  followers: number | null;
  followerGrowth: number | null;
  followerGrowthPct: number | null;
  engagementRatePct: number | null;
  replies: {
    needing: number;
    replied: number;
    replyRatePct: number | null;
    medianReplyMinutes: number | null;
    withinTargetPct: number | null;
    targetMinutes: number;
  };
  sentiment: { positive: number; neutral: number; negative: number };
  openIssues: number;
  openHoaxSuspects: number;
}

export interface ScopeState {
  /** The topic the state is of: `province`, `opd:<id>`, `regency:<code>`. */
  scope?: string;
  complaints?: ComplaintFigures;
  ppid?: PpidFigures;
  social?: SocialFigures;
  recent?: {
    items: Array<{
      submittedAt: string;
      classification: string;
      topic: string | null;
      opdId: string | null;
      regencyCode: string | null;
      channel: string;
    }>;
  };
  calendar?: { missingYears?: number[] };
  /** Events an operator marked (a flood, a policy, an outage), the scope's and the province's, oldest first. */
  annotations?: { items: Array<{ id: number; scope: string; startsAt: string; endsAt: string | null; text: string }> };
}

/** An overdue or at-risk item as the live `worklist` topic carries it. */
export type LateItem = WorklistTopicItem;

/** Everything a scene draws from, plus the drilldown the dashboard wires (the wall passes none). */
export interface SceneProps {
  province: ProvinceInfo;
  state: ScopeState | null;
  late: LateItem[];
  heartbeat: HeartbeatMessage | null;
  now: Date;
  /** Chart text size in px for this screen. */
  fontSize: number;
  onDrill?: (target: DrillTarget) => void;
  /** The OPD the OPD scene shows. */
  opdId?: string;
  /** The `issues` topic (the Isu scene); null until it arrives, absent where no one subscribed to it. */
  issues?: IssuesTopicState | null;
}

// One list of scenes for the wall, the console's playlist editor and the server's playlist schema.
export { SCENE_IDS } from '@pantau/contracts/constants';
export type { SceneIdWire as SceneId } from '@pantau/contracts/constants';
