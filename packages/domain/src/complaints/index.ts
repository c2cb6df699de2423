/**
 * The SP4N-LAPOR! complaint model: state, transition table, event fold, LAPOR label map, deadline
 * clocks and the escalation ladder. Pure; see docs/domain/complaints.md.
 */
export * from './complaint-state.ts';
export * from './lapor-labels.ts';
export * from './transitions.ts';
export * from './lifecycle.ts';
export * from './deadline-rules.ts';
export * from './running-deadline.ts';
export * from './escalation.ts';
export * from './rates.ts';
export * from './ranking.ts';
