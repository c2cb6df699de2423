import { z } from 'zod';
import { opdId, regencyCode } from './common.ts';

/**
 * `POST /api/annotations`: an operator marks what explains a figure — a flood, a new policy, a system
 * outage — with its time (`startsAt`, and `endsAt` for a range), its scope (the province, one OPD or one
 * kabupaten/kota; absent: the province) and one line of text. The wall's and the dashboard's trends of
 * that scope (and an OPD's, for a province-wide one) show it within seconds. `public: true` puts it on the
 * public widgets' trends too (default: inside Pantau only, since its text is written for colleagues).
 */
export const annotationRequest = z
  .strictObject({
    opdId: opdId.optional(),
    regencyCode: regencyCode.optional(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    text: z.string().trim().min(1, 'write what happened').max(200),
    public: z.boolean().optional(),
  })
  .refine((a) => !(a.opdId && a.regencyCode), { path: ['regencyCode'], message: 'one scope: an OPD or a regency' })
  .refine((a) => !a.endsAt || Date.parse(a.endsAt) >= Date.parse(a.startsAt), {
    path: ['endsAt'],
    message: 'ends before it starts',
  });
export type AnnotationRequest = z.infer<typeof annotationRequest>;

/** An annotation as the API answers it and as a live topic's `annotations` section carries it. */
export interface AnnotationView {
  id: number;
  scope: string;
  startsAt: string;
  endsAt: string | null;
  text: string;
  /** Shown on the public widgets' trends too. */
  public: boolean;
  /** The source whose silence Pantau recorded (an automatic outage note, closed by itself), else null. */
  source: string | null;
}
