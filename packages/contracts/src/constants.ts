/**
 * Wire constants without schemas, for code that must not pull in zod (the web's bundles import them as
 * `@pantau/contracts/constants`).
 */

/** The wall's scenes, in their default order. */
export const SCENE_IDS = ['ringkasan', 'pengaduan', 'ppid', 'sosial', 'opd', 'peta', 'keterlambatan'] as const;
export type SceneIdWire = (typeof SCENE_IDS)[number];

/** The embeddable widget kinds; `late` lists items and needs a signed token. */
export const WIDGET_KINDS = ['kpi', 'trend', 'ontime', 'ranking', 'ppid', 'social', 'late'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];
export const RESTRICTED_KINDS: readonly WidgetKind[] = ['late'];
