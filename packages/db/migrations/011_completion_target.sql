-- The overall completion target of a complaint (PermenPAN-RB 62/2018 tiers: 5 / 14 / 60 working days
-- by class), kept beside the step deadline that drives the escalation ladder.
ALTER TABLE complaint ADD COLUMN completion_due_at timestamptz;
