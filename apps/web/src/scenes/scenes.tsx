import type { ReactElement } from 'react';
import { Ringkasan } from './ringkasan.tsx';
import { Pengaduan } from './pengaduan.tsx';
import { Ppid } from './ppid.tsx';
import { Sosial } from './sosial.tsx';
import { Opd } from './opd.tsx';
import { Peta } from './peta.tsx';
import { Keterlambatan } from './keterlambatan.tsx';
import { Isu } from './isu.tsx';
import type { SceneId, SceneProps } from './types.ts';

/** The renderer of each scene, by id; the scene list and order are in types.ts (SCENE_IDS). */
export const SCENES: Record<SceneId, (p: SceneProps) => ReactElement> = {
  ringkasan: Ringkasan,
  pengaduan: Pengaduan,
  ppid: Ppid,
  sosial: Sosial,
  isu: Isu,
  opd: Opd,
  peta: Peta,
  keterlambatan: Keterlambatan,
};
