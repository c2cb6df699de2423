import { z } from 'zod';
import { opdId } from './common.ts';
import { SCENE_IDS, type SceneIdWire } from './constants.ts';

export { SCENE_IDS, type SceneIdWire };
export const sceneId = z.enum(SCENE_IDS);

/** A wall screen's id as issued (the device id), or '*' for every screen. */
export const playlistScreen = z.union([
  z.literal('*'),
  z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a screen id'),
]);

/**
 * `PUT /api/wall/playlist`: the rotation for every screen (`screen` absent or '*') or for one screen,
 * which then no longer follows the common one. `opdIds` limits and orders the OPDs the OPD scene rotates
 * over (absent or null: every OPD); `lateAlertAt` is the overdue count at which an OPD's alert interrupts
 * the rotation (absent or null: the wall's default, 5).
 */
export const wallPlaylistRequest = z.strictObject({
  screen: playlistScreen.optional(),
  entries: z
    .array(z.strictObject({ scene: sceneId, seconds: z.number().int().min(5).max(600) }))
    .min(1)
    .max(30),
  opdIds: z.array(opdId).min(1).max(200).nullable().optional(),
  lateAlertAt: z.number().int().min(1).max(1000).nullable().optional(),
});
export type WallPlaylistRequest = z.infer<typeof wallPlaylistRequest>;

export interface WallPlaylistView {
  screen: string;
  entries: Array<{ scene: SceneIdWire; seconds: number }>;
  opdIds: string[] | null;
  lateAlertAt: number | null;
  updatedBy: string;
  updatedAt: string;
}

/** What the `wall` live topic carries about playlists: by screen id, '*' for every screen. */
export type WallPlaylists = Record<string, Omit<WallPlaylistView, 'updatedBy' | 'updatedAt'>>;
