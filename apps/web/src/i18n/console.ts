/**
 * Messages of the console screens, Bahasa Indonesia first. Keys start with `console.`; every key in
 * `consoleId` must exist in `consoleEn` (the type enforces it). Merged into the catalog in id.ts / en.ts.
 */
export const consoleId = {} as const;

export const consoleEn: Record<keyof typeof consoleId, string> = {};
