/**
 * Messages of the wall screens, Bahasa Indonesia first. Keys start with `wall.`; every key in
 * `wallId` must exist in `wallEn` (the type enforces it). Merged into the catalog in id.ts / en.ts.
 */
export const wallId = {} as const;

export const wallEn: Record<keyof typeof wallId, string> = {};
