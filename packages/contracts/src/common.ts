import { z } from 'zod';
import { OPD_ID_PATTERN, REGENCY_CODE_PATTERN } from './constants.ts';

/**
 * Shared wire primitives. Each is the one definition of its format, so a complaint, a PPID request and
 * a social event agree on what an OPD id or a source id looks like.
 */

/** A source's own id for an entity or an event (LAPOR tracking id, SMS gateway id, CSV row key…). */
export const externalId = z.string().min(1).max(128);

/** The name of an ingest source, as used in its API key and in `(source, external_id)`. */
export const sourceId = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'expected a source id of a-z, 0-9, _ and -');

/** An OPD id from the province pack: `<province>.<short-name>`, e.g. `kalsel.dishub`. */
export const opdId = z.string().regex(OPD_ID_PATTERN, 'expected an OPD id like kalsel.dishub');

/** A Kemendagri kabupaten/kota code `NN.NN`, e.g. `63.71` (Kota Banjarmasin). */
export const regencyCode = z.string().regex(REGENCY_CODE_PATTERN, 'expected a regency code like 63.71');

/** An officer's stated reason (postponing, archiving, reassigning…): kept in the audit trail. */
export const reasonText = z.string().trim().min(3).max(1000);

/**
 * An instant as ISO 8601 with an explicit offset (`2025-03-03T09:00:00+08:00` or `…Z`). A local time
 * without an offset is refused: working days are counted in the province's zone, so the instant must
 * be unambiguous.
 */
export const offsetDateTime = z.iso.datetime({ offset: true });

/**
 * An instant given as a filter: as `offsetDateTime`, from the year 1900 on. Year 0 parses in JavaScript
 * but not in PostgreSQL (a 500 once).
 */
export const filterInstant = offsetDateTime.refine(
  (d) => Number(d.slice(0, 4)) >= 1900,
  'year out of range (1900 or later)',
);

/**
 * A comma-separated list of known values in a query string (`?kind=complaint,ppid_request`), parsed to
 * an array; an unknown value is refused.
 */
export const commaList = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as [T, ...T[]])).max(values.length));

/** The first issue of a failed parse as `{ field, message }`, with the field as a dotted path. */
/**
 * As firstIssue, but an unknown key anywhere comes first and is named itself (a strict schema would
 * otherwise report the object holding it): `{ field: 'extra', message: unknownMessage }`.
 */
export function firstIssueNamingUnknown(error: z.ZodError, unknownMessage: string): { field: string; message: string } {
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && 'keys' in unknown && unknown.keys[0]) return { field: unknown.keys[0], message: unknownMessage };
  return firstIssue(error);
}

export function firstIssue(error: z.ZodError, prefix = ''): { field: string; message: string } {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return { field: [prefix, path].filter(Boolean).join('.') || prefix || 'body', message: issue?.message ?? 'invalid' };
}
