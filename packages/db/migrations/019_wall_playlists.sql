-- A playlist per wall screen besides the one for all screens ('*'), which OPDs the OPD scene rotates over
-- (NULL: every OPD), and the overdue count at which an OPD's alert interrupts the rotation (NULL: the
-- wall's default). The existing row (id 1) becomes the playlist for all screens.
ALTER TABLE wall_playlist DROP CONSTRAINT wall_playlist_pkey;
ALTER TABLE wall_playlist DROP CONSTRAINT wall_playlist_id_check;
ALTER TABLE wall_playlist ALTER COLUMN id SET DEFAULT 1;
ALTER TABLE wall_playlist ADD COLUMN screen_id text NOT NULL DEFAULT '*';
ALTER TABLE wall_playlist ADD PRIMARY KEY (screen_id);
ALTER TABLE wall_playlist ADD COLUMN opd_ids text[];
ALTER TABLE wall_playlist ADD COLUMN late_alert_at integer CHECK (late_alert_at BETWEEN 1 AND 1000);
