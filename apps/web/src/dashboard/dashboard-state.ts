/**
 * The interactive dashboard's whole state lives in the URL (shareable, Back works): which scene, which
 * period, and the drilldown filters. Everything here is a pure function of that state, so a drilldown is
 * just a link that adds a filter (the Plausible habit), and the tests need no DOM.
 */

import { OPD_ID_PATTERN, REGENCY_CODE_PATTERN, SCENE_IDS, type SceneIdWire } from '@pantau/contracts/constants';
import { scopeTopic } from '@pantau/contracts/live';

/** The wall's scenes that the dashboard offers, in the wall's order: every one but `opd` and `isu`. */
export type DashboardScene = Exclude<SceneIdWire, 'opd' | 'isu'>;
export const DASHBOARD_SCENES: readonly DashboardScene[] = SCENE_IDS.filter(
  // Isu is a wall scene: it reads the `issues` topic, which the dashboard does not follow.
  (s): s is DashboardScene => s !== 'opd' && s !== 'isu',
);

/** The periods the live figures carry: today's and this month's (local days in the province's zone). */
export const PERIODS = ['today', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export type DrillKind = 'opd' | 'regency' | 'topic' | 'channel' | 'status';
/** What a click on a chart or ranking asks to narrow to. */
export interface DrillTarget {
  kind: DrillKind;
  id: string;
}

export interface DashboardFilter {
  opd?: string;
  regency?: string;
  topic?: string;
  channel?: string;
  status?: string;
}

export interface DashboardState {
  scene: DashboardScene;
  period: Period;
  filter: DashboardFilter;
  /** Showing the list of items behind the figures rather than the panels. */
  items: boolean;
}

export const INITIAL_STATE: DashboardState = { scene: 'ringkasan', period: 'month', filter: {}, items: false };

/** Filter keys in drilldown order: scope first (an OPD or a kabupaten/kota), then the breakdowns. */
const FILTER_ORDER: readonly DrillKind[] = ['opd', 'regency', 'topic', 'channel', 'status'];

const VALID: Record<DrillKind, RegExp> = {
  opd: OPD_ID_PATTERN,
  regency: REGENCY_CODE_PATTERN,
  topic: /^[\p{L}\p{N} ._-]{1,100}$/u,
  channel: /^[a-z0-9_-]{1,30}$/,
  status: /^[a-z_]{1,40}$/,
};

/** Reads a state from a query string; values that could not have come from a drilldown are dropped. */
export function parseDashboard(search: string): DashboardState {
  const q = new URLSearchParams(search);
  const scene = q.get('scene');
  const period = q.get('period');
  const filter: DashboardFilter = {};
  for (const kind of FILTER_ORDER) {
    const v = q.get(kind);
    if (v !== null && VALID[kind].test(v)) filter[kind] = v;
  }
  // One scope at a time: an OPD's figures are not split by kabupaten/kota.
  if (filter.opd && filter.regency) delete filter.regency;
  return {
    scene: (DASHBOARD_SCENES as readonly string[]).includes(scene ?? '') ? (scene as DashboardScene) : 'ringkasan',
    period: (PERIODS as readonly string[]).includes(period ?? '') ? (period as Period) : 'month',
    filter,
    items: q.get('items') === '1',
  };
}

/** The canonical query string of a state (defaults left out), starting with `?` or empty. */
export function dashboardSearch(s: DashboardState): string {
  const q = new URLSearchParams();
  if (s.scene !== INITIAL_STATE.scene) q.set('scene', s.scene);
  if (s.period !== INITIAL_STATE.period) q.set('period', s.period);
  for (const kind of FILTER_ORDER) {
    const v = s.filter[kind];
    if (v) q.set(kind, v);
  }
  if (s.items) q.set('items', '1');
  const str = q.toString();
  return str ? `?${str}` : '';
}

/**
 * Narrows the state to a clicked target. An OPD or a kabupaten/kota becomes the scope (replacing the
 * other). A topic, channel or status has no panels of its own, so it opens the list of items behind it.
 */
export function drill(s: DashboardState, t: DrillTarget): DashboardState {
  const filter: DashboardFilter = { ...s.filter, [t.kind]: t.id };
  if (t.kind === 'opd') delete filter.regency;
  if (t.kind === 'regency') delete filter.opd;
  return { ...s, filter, items: s.items || (t.kind !== 'opd' && t.kind !== 'regency') };
}

export interface Crumb {
  kind: 'root' | DrillKind;
  id: string | null;
  state: DashboardState;
}

/**
 * The breadcrumb path: the province, then each filter in drilldown order, each a state to go back to.
 * Going back to a scope (the province, an OPD, a kabupaten/kota) shows its panels again.
 */
export function crumbs(s: DashboardState): Crumb[] {
  const out: Crumb[] = [{ kind: 'root', id: null, state: { ...s, filter: {}, items: false } }];
  const acc: DashboardFilter = {};
  for (const kind of FILTER_ORDER) {
    const v = s.filter[kind];
    if (!v) continue;
    acc[kind] = v;
    const breakdown = kind !== 'opd' && kind !== 'regency';
    out.push({ kind, id: v, state: { ...s, filter: { ...acc }, items: s.items && breakdown } });
  }
  return out;
}

/** The live topic whose figures the panels show. */
export function liveTopicOf(s: DashboardState): string {
  return scopeTopic({ opdId: s.filter.opd, regencyCode: s.filter.regency });
}

/** Local dates (YYYY-MM-DD, inclusive) of a period, given today's local date. */
export function periodRange(period: Period, today: string): { from: string; to: string } {
  return period === 'today' ? { from: today, to: today } : { from: `${today.slice(0, 8)}01`, to: today };
}

/** The complaint list query (GET /api/complaints) for the items behind the current figures. */
export function itemsQuery(s: DashboardState, today: string, cursor?: string | null): string {
  const q = new URLSearchParams();
  const { from, to } = periodRange(s.period, today);
  q.set('from', from);
  q.set('to', to);
  for (const kind of FILTER_ORDER) {
    const v = s.filter[kind];
    if (v) q.set(kind, v);
  }
  q.set('sort', 'newest');
  q.set('limit', '100');
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
