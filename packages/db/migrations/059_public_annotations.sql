-- Annotations on the public widgets: an operator's note stays inside Pantau unless it is marked public
-- (its text is free text, written for colleagues); a complaint source's outage is public by itself, since
-- it explains a gap in the very trend a widget draws.
ALTER TABLE annotation ADD COLUMN public boolean NOT NULL DEFAULT false;
UPDATE annotation a SET public = true FROM source s WHERE a.source_id = s.id AND s.stream = 'complaints';
