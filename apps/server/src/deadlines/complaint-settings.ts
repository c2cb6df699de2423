import { complaintClassification, complaintStatus } from '@pantau/contracts';
import { complaintSettings, type Pool } from '@pantau/db';
import {
  DEFAULT_COMPLAINT_RULES,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_LAPOR_LABELS,
  type ComplaintDeadlineRules,
  type EscalationLadder,
  type LaporLabelMap,
} from '@pantau/domain';
import { z } from 'zod';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';

const hk = z.number().int().min(1).max(365);
const tier = z.enum(['ringan', 'sedang', 'berat']);

/**
 * A province's overrides of the complaint rules: every key optional, a missing key is the domain
 * default. (Server-side for now; it belongs in `packages/contracts` once the console edits it.)
 */
export const complaintSettingsBody = z.object({
  rules: z
    .object({
      verifyDispatchHK: hk,
      opdFollowUpHK: hk,
      autoCloseHK: hk,
      completionTiersHK: z.object({ ringan: hk, sedang: hk, berat: hk }).partial().strict(),
      tierByClassification: z.partialRecord(complaintClassification, tier),
      atRiskHK: z.number().int().min(0).max(30),
    })
    .partial()
    .strict()
    .default({}),
  /** The whole ladder, levels 1, 2, 3… in order with non-decreasing thresholds; null: the default. */
  ladder: z
    .array(
      z
        .object({
          level: z.number().int().min(1).max(10),
          role: z.string().trim().min(1).max(60),
          afterOverdueHK: z.number().int().min(0).max(365),
          label: z.object({ id: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) }),
        })
        .strict(),
    )
    .min(1)
    .max(10)
    .refine((l) => l.every((s, i) => s.level === i + 1), 'levels must be 1, 2, 3… in order')
    .refine(
      (l) => l.every((s, i) => i === 0 || s.afterOverdueHK >= l[i - 1]!.afterOverdueHK),
      'each step must come no earlier than the one before',
    )
    .nullable()
    .default(null),
  /** LAPOR label (lower case) → internal status, merged over the default map. */
  labels: z.record(z.string().trim().toLowerCase().min(1).max(100), complaintStatus).default({}),
});
export type ComplaintSettingsBody = z.infer<typeof complaintSettingsBody>;

export interface EffectiveComplaintSettings {
  rules: ComplaintDeadlineRules;
  ladder: EscalationLadder;
  labels: LaporLabelMap;
  /** What the province overrides (as stored), for the console to show beside the defaults. */
  overrides: ComplaintSettingsBody;
}

/** The domain defaults with a province's overrides on top. */
export function effectiveSettings(overrides: ComplaintSettingsBody): EffectiveComplaintSettings {
  const r = overrides.rules;
  return {
    rules: {
      ...DEFAULT_COMPLAINT_RULES,
      ...r,
      completionTiersHK: { ...DEFAULT_COMPLAINT_RULES.completionTiersHK, ...r.completionTiersHK },
      tierByClassification: { ...DEFAULT_COMPLAINT_RULES.tierByClassification, ...r.tierByClassification },
    },
    ladder: overrides.ladder ?? DEFAULT_ESCALATION_LADDER,
    labels: { ...DEFAULT_LAPOR_LABELS, ...overrides.labels },
    overrides,
  };
}

/**
 * The province's effective complaint settings. Stored values that no longer parse (a rule removed from
 * the domain, a hand edit) are ignored in favour of the defaults, and reported as `problem`.
 */
export async function readComplaintSettings(
  pool: Pool,
  provinceCode: string,
): Promise<{ settings: EffectiveComplaintSettings; problem: string | null }> {
  const stored = await complaintSettings(pool, provinceCode);
  const parsed = complaintSettingsBody.safeParse(stored ? { ...stored } : {});
  return {
    settings: effectiveSettings(parsed.success ? parsed.data : complaintSettingsBody.parse({})),
    problem: parsed.success ? null : `stored complaint settings ignored: ${parsed.error.issues[0]?.message ?? ''}`,
  };
}

/** Reads the settings into the node's complaint context (ingest, watcher and recompute read it). */
export async function loadComplaintSettings(
  pool: Pool,
  ctx: ComplaintContext,
): Promise<{ settings: EffectiveComplaintSettings; problem: string | null }> {
  const read = await readComplaintSettings(pool, ctx.pack.code);
  ctx.rules = read.settings.rules;
  ctx.ladder = read.settings.ladder;
  ctx.labels = read.settings.labels;
  return read;
}
