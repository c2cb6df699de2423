-- Tracking ids for complaints typed in at the desk or taken by phone: 9 followed by 11 digits, so they
-- never meet LAPOR's own (shorter) ids.
CREATE SEQUENCE walk_in_tracking_seq START 1;
