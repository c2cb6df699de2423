import { scopeTopic, type ScopeSections } from '@pantau/contracts';
import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';

// The types that the topic builder, its sections and the public figures all speak. They sit apart from
// `topic-builders.ts` so a section (or `public/`) can name them without importing the builder that
// imports it.

/** The scope a topic covers. */
export type TopicScope =
  { kind: 'province' } | { kind: 'opd'; opdId: string } | { kind: 'regency'; regencyCode: string };

/** The live topic of a scope: 'province', 'opd:<id>' or 'regency:<code>'. */
export function topicOfScope(scope: TopicScope): string {
  return scopeTopic({
    opdId: scope.kind === 'opd' ? scope.opdId : null,
    regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
  });
}

/**
 * One stream's part of a scoped snapshot (complaints, ppid, social). A stream that has nothing yet
 * returns null and its key is left out. Streams register in `topic-builders.ts`; the builder stays the same.
 */
export type SectionBuilder<K extends keyof ScopeSections = keyof ScopeSections> = (
  pool: Pool,
  scope: TopicScope,
  pack: ProvincePack,
) => Promise<ScopeSections[K] | null>;
