import type { HeartbeatMessage, ScopeTopicState, WorklistTopicItem } from '@pantau/contracts';
import type { IssuesTopicState } from '@pantau/contracts/live';
import type { DrillTarget } from '../dashboard/dashboard-state.ts';
import type { ProvinceInfo } from '../province.ts';

// What a scoped topic carries is declared once, in contracts, and built by the server's section builders.
export type { ComplaintFigures, PpidFigures, SocialFigures } from '@pantau/contracts';
export type ScopeState = ScopeTopicState;

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
