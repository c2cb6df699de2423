export { ComplaintSimulator, type ComplaintSimulatorOptions, type SimulatedComplaintEvent } from './complaints.ts';
export { createRandom, type Random } from './random.ts';
