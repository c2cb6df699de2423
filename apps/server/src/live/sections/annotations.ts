import type { ScopeSections } from '@pantau/contracts';
import { annotationsFor, type Pool } from '@pantau/db';
import { topicOfScope, type TopicScope } from '../topic-scope.ts';

const DAY = 86_400_000;

/**
 * The annotations a scope's trends show (its own and the province's) over the wall's 12 months and a
 * little before, as `{ items }`; null when there are none, so a topic without any carries no key.
 */
export async function annotationsSection(
  pool: Pool,
  scope: TopicScope,
  now = new Date(),
): Promise<ScopeSections['annotations'] | null> {
  const rows = await annotationsFor(pool, topicOfScope(scope), new Date(now.getTime() - 400 * DAY));
  if (rows.length === 0) return null;
  return {
    items: rows.map((a) => ({
      id: a.id,
      scope: a.scope,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt?.toISOString() ?? null,
      text: a.text,
    })),
  };
}
