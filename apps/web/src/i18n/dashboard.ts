/**
 * Messages of the dashboard screens, Bahasa Indonesia first. Keys start with `dashboard.`; every key in
 * `dashboardId` must exist in `dashboardEn` (the type enforces it). Merged into the catalog in id.ts / en.ts.
 */
export const dashboardId = {} as const;

export const dashboardEn: Record<keyof typeof dashboardId, string> = {};
