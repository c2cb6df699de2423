import { complaintOverview, worklistItems, type ComplaintOverview, type Pool, type TopicBuilder } from '@pantau/db';
import type { JsonObject } from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';
import { calendarSection } from './sections/calendar.ts';
import { ppidSection } from './sections/ppid.ts';
import { socialSection } from './sections/social.ts';

/** The scope a topic covers. */
export type TopicScope =
  { kind: 'province' } | { kind: 'opd'; opdId: string } | { kind: 'regency'; regencyCode: string };

/**
 * One stream's part of a scoped snapshot (complaints, ppid, social). A stream that has nothing yet
 * returns null and its key is left out. Streams register here; the topic builder stays the same.
 */
export type SectionBuilder = (pool: Pool, scope: TopicScope, pack: ProvincePack) => Promise<JsonObject | null>;

export const sectionBuilders: Record<string, SectionBuilder> = {
  complaints: async (pool, scope, pack) =>
    (await complaintOverview(pool, {
      timeZone: pack.timeZone,
      opdId: scope.kind === 'opd' ? scope.opdId : null,
      regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
    })) as unknown as JsonObject,
  calendar: (pool, scope, pack) => calendarSection(pool, scope, pack),
  ppid: (pool, scope, pack) => ppidSection(pool, scope, pack),
  social: (pool, scope, pack) => socialSection(pool, scope, pack),
};

/** Public figures below this are shown as "<5" rather than as a number (re-identification risk). */
export const PUBLIC_MIN_COUNT = 5;

function suppress(n: number, min = PUBLIC_MIN_COUNT): number | string {
  return n > 0 && n < min ? `<${min}` : n;
}

/** Aggregates only: no ids of items, no text, no reporter; small counts suppressed. */
export function publicComplaintFigures(o: ComplaintOverview): JsonObject {
  return {
    month: {
      received: suppress(o.month.received),
      followedUp: suppress(o.month.followedUp),
      completed: suppress(o.month.completed),
      onTimeShare: o.month.followedUp >= PUBLIC_MIN_COUNT ? o.month.onTimeShare : null,
      avgFollowUpHK: o.month.followedUp >= PUBLIC_MIN_COUNT ? o.month.avgFollowUpHK : null,
    },
    byChannel: Object.fromEntries(Object.entries(o.byChannel).map(([k, v]) => [k, suppress(v)])),
    trend: o.trend.map((t) => ({ day: t.day, received: suppress(t.received), completed: suppress(t.completed) })),
  };
}

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

/** Builds every topic of the province from rollups and current-state tables. Unknown topics → null. */
export function createTopicBuilder(pack: ProvincePack): TopicBuilder {
  return async (pool, topic) => {
    if (topic === 'worklist') {
      return { items: (await worklistItems(pool)) as unknown as JsonObject[] };
    }
    if (topic.startsWith('public:')) {
      const scope = scopeOf(topic.slice(7), pack);
      if (!scope || scope.kind === 'regency') return null;
      const o = await complaintOverview(pool, {
        timeZone: pack.timeZone,
        opdId: scope.kind === 'opd' ? scope.opdId : null,
      });
      return { scope: topic.slice(7), complaints: publicComplaintFigures(o) };
    }
    const scope = scopeOf(topic, pack);
    if (!scope) return null;
    const state: JsonObject = { scope: topic };
    for (const [name, build] of Object.entries(sectionBuilders)) {
      const part = await build(pool, scope, pack);
      if (part) state[name] = part;
    }
    return state;
  };
}
