import { z } from 'zod';
import { opdId, regencyCode } from './common.ts';
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

/**
 * One step of a wall's rotation: a scene and how long it stays. A type, not an interface, so a live
 * topic's JSON content can be cast to it.
 */
export type PlaylistEntry = { scene: SceneIdWire; seconds: number };

export interface WallPlaylistView {
  screen: string;
  entries: PlaylistEntry[];
  opdIds: string[] | null;
  lateAlertAt: number | null;
  updatedBy: string;
  updatedAt: string;
}

/** What the `wall` live topic carries about playlists: by screen id, '*' for every screen. */
export type WallPlaylists = Record<string, Omit<WallPlaylistView, 'updatedBy' | 'updatedAt'>>;

/** `POST /api/wall/screens/:id/show`: what a screen shows until released (or for `untilSeconds`). */
export const wallShowRequest = z.strictObject({
  scene: sceneId,
  opdId: opdId.optional(),
  regencyCode: regencyCode.optional(),
  /** How long the screen shows it before its rotation resumes; absent = until released. */
  untilSeconds: z.number().int().min(10).max(86_400).optional(),
});
export type WallShowRequest = z.infer<typeof wallShowRequest>;
