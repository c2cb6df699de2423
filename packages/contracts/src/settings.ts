/**
 * The province's complaint rules as `GET /api/complaints/settings` answers them (the request schema is
 * the server's `complaintSettingsBody`): effective values — domain defaults with the province's
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
