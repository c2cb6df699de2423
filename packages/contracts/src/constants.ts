/**
 * Wire constants without schemas, for code that must not pull in zod (the web's bundles import them as
 * `@pantau/contracts/constants`).
 */

/** The wall's scenes, in their default order. */
export const SCENE_IDS = ['ringkasan', 'pengaduan', 'ppid', 'sosial', 'isu', 'opd', 'peta', 'keterlambatan'] as const;
export type SceneIdWire = (typeof SCENE_IDS)[number];

/** The embeddable widget kinds; `late` lists items and needs a signed token. */
export const WIDGET_KINDS = ['kpi', 'trend', 'ontime', 'ranking', 'ppid', 'social', 'late'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];
export const RESTRICTED_KINDS: readonly WidgetKind[] = ['late'];

/** An OPD id from the province pack: `<province>.<short-name>`, e.g. `kalsel.dishub`. */
export const OPD_ID_PATTERN = /^[a-z]+\.[a-z0-9-]+$/;

/** A Kemendagri kabupaten/kota code `NN.NN`, e.g. `63.71` (Kota Banjarmasin). */
export const REGENCY_CODE_PATTERN = /^\d{2}\.\d{2}$/;

/** The orders the console's worklist can be sorted in (`GET /api/worklist?sort=`). */
export const WORKLIST_SORTS = ['deadline', 'age', 'step', 'opd', 'kind', 'status'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];
