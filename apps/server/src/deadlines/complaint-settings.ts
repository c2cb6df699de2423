import { complaintSettingsBody, type ComplaintSettingsBody } from '@pantau/contracts';
import { complaintSettings, type Pool } from '@pantau/db';
import {
  DEFAULT_COMPLAINT_RULES,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_LAPOR_LABELS,
  type ComplaintDeadlineRules,
  type EscalationLadder,
  type LaporLabelMap,
} from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';

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
