// The Isu reader: daily complaints per subject, tagged negative mentions, open hoaxes, the OPDs involved.
export * from './complaint-subject-days.ts';
export * from './negative-mention-days.ts';
export * from './open-hoax-tags.ts';
export * from './subject-opds.ts';
