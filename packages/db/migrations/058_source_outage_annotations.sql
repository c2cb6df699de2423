-- Source outages annotate the trends by themselves: an annotation per silent episode of a source (its
-- last delivery before the silence), opened when the source passes its freshness target and closed at
-- its first delivery after it. The unique episode makes the leader's pass idempotent.
ALTER TABLE annotation ADD COLUMN source_id text, ADD COLUMN source_episode timestamptz;
CREATE UNIQUE INDEX annotation_source_episode_idx ON annotation (source_id, source_episode)
  WHERE source_id IS NOT NULL;
