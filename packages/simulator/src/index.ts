export { ComplaintSimulator, type ComplaintSimulatorOptions, type SimulatedComplaintEvent } from './complaints.ts';
export { createRandom, type Random } from './random.ts';
export { PpidSimulator, type PpidSimulatorOptions, type SimulatedPpidItem } from './ppid.ts';
export { SocialSimulator, type SimulatedSocialItem, type SocialSimulatorOptions } from './social.ts';
export { correlatedIncident, INCIDENT_KINDS, type Incident, type IncidentKind } from './incident.ts';
