import {
  complaintOverview,
  recentComplaints,
  wallOverrides,
  wallPlaylists,
  worklistItems,
  type TopicBuilder,
} from '@pantau/db';
import type { JsonObject } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { resolveScope, summaryFigures } from '../public/figures.ts';
import { annotationsSection } from './sections/annotations.ts';
import { calendarSection } from './sections/calendar.ts';
import { createIssuesTopic } from './issues-topic.ts';
import { ppidSection } from './sections/ppid.ts';
import { socialSection } from './sections/social.ts';
import type { ScopeSections, ScopeTopicState, WallTopicState } from '@pantau/contracts';
import type { SectionBuilder, TopicScope } from './topic-scope.ts';

/** One builder per section of a scoped topic, each returning its section's contract type. */
export const sectionBuilders: { [K in keyof ScopeSections]: SectionBuilder<K> } = {
  complaints: async (pool, scope, pack) =>
    complaintOverview(pool, {
      timeZone: pack.timeZone,
      opdId: scope.kind === 'opd' ? scope.opdId : null,
      regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
    }),
  // The ticker: the newest complaints, no text and no reporter (see recentComplaints).
  recent: async (pool, scope) => ({
    items: await recentComplaints(pool, {
      opdId: scope.kind === 'opd' ? scope.opdId : null,
      regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
    }),
  }),
  calendar: (pool, scope, pack) => calendarSection(pool, scope, pack),
  ppid: (pool, scope, pack) => ppidSection(pool, scope, pack),
  social: (pool, scope, pack) => socialSection(pool, scope, pack),
  // Marked events (a flood, a policy, an outage) that the trends show.
  annotations: (pool, scope) => annotationsSection(pool, scope),
};

function scopeOf(topic: string, pack: ProvincePack): TopicScope | null {
  if (topic === 'province') return { kind: 'province' };
  if (topic.startsWith('opd:')) {
    const opdId = topic.slice(4);
    return pack.opds.some((o) => o.id === opdId) ? { kind: 'opd', opdId } : null;
  }
  if (topic.startsWith('regency:')) {
    const code = topic.slice(8);
    return pack.regencies.some((r) => r.code === code) ? { kind: 'regency', regencyCode: code } : null;
  }
  return null;
}

/**
 * Whether a topic names something this province has: the fixed topics, its OPDs and regencies, and
 * their public variants. The gateway refuses any other before writing anything.
 */
export function isKnownTopic(pack: ProvincePack, topic: string): boolean {
  if (topic === 'worklist' || topic === 'wall' || topic === 'issues') return true;
  return scopeOf(topic.startsWith('public:') ? topic.slice(7) : topic, pack) !== null;
}

/** Builds every topic of the province from rollups and current-state tables. Unknown topics → null. */
export function createTopicBuilder(pack: ProvincePack, publicMinCount = 5): TopicBuilder {
  const issues = createIssuesTopic(pack);
  return async (pool, topic): Promise<JsonObject | null> => {
    // The Isu scene's subjects, detected over the daily rollups (contracts `issuesTopicState`).
    if (topic === 'issues') return issues(pool);
    if (topic === 'wall') {
      const [screens, all] = await Promise.all([wallOverrides(pool), wallPlaylists(pool)]);
      // `playlist` (every screen's entries) stays for walls loaded before per-screen playlists existed.
      const playlists = Object.fromEntries(
        Object.entries(all).map(([screen, p]) => [
          screen,
          { screen, entries: p.entries, opdIds: p.opdIds, lateAlertAt: p.lateAlertAt },
        ]),
      );
      const wall: WallTopicState = { screens, playlist: all['*']?.entries ?? null, playlists };
      return wall;
    }
    if (topic === 'worklist') {
      return { items: (await worklistItems(pool)) as unknown as JsonObject[] };
    }
    if (topic.startsWith('public:')) {
      // The same aggregates as the public HTTP API (apps/server/src/public), small counts suppressed.
      const scope = scopeOf(topic.slice(7), pack);
      if (!scope) return null;
      const id = scope.kind === 'opd' ? scope.opdId : scope.kind === 'regency' ? scope.regencyCode : 'province';
      const resolved = resolveScope(pack, id);
      if (!resolved) return null;
      const figures = await summaryFigures(pool, pack, resolved, 'month', { minCount: publicMinCount });
      return figures;
    }
    const scope = scopeOf(topic, pack);
    if (!scope) return null;
    const state: ScopeTopicState = { scope: topic };
    for (const name of Object.keys(sectionBuilders) as Array<keyof ScopeSections>) {
      const part = await sectionBuilders[name](pool, scope, pack);
      if (part) Object.assign(state, { [name]: part });
    }
    return state;
  };
}
