import { z } from 'zod';
import { complaintClassification, complaintStatus } from './complaints.ts';

/**
 * The province's complaint rules as `GET /api/complaints/settings` answers them (the request schema is
 * `complaintSettingsBody` below): effective values — domain defaults with the province's
 * overrides — and the overrides as stored.
 */
export interface ComplaintRulesView {
  verifyDispatchHK: number;
  opdFollowUpHK: number;
  autoCloseHK: number;
  completionTiersHK: { ringan: number; sedang: number; berat: number };
  tierByClassification: Record<string, 'ringan' | 'sedang' | 'berat'>;
  atRiskHK: number;
}

export interface EscalationStepView {
  level: number;
  role: string;
  afterOverdueHK: number;
  label: { id: string; en: string };
}

export interface ComplaintSettingsView {
  rules: ComplaintRulesView;
  ladder: EscalationStepView[];
  labels: Record<string, string>;
  overrides: {
    rules: Partial<ComplaintRulesView>;
    ladder: EscalationStepView[] | null;
    labels: Record<string, string>;
  };
  warnings: string[];
  /** On a PUT: whether this was only a preview, and how many open deadlines move (or would). */
  preview?: boolean;
  deadlinesMoving?: number;
}

const hk = z.number().int().min(1).max(365);
const tier = z.enum(['ringan', 'sedang', 'berat']);

/**
 * A province's overrides of the complaint rules: every key optional, a missing key is the domain
 * default. The body of `PUT /api/complaints/settings`.
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
