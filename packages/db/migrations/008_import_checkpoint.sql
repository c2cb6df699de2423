-- Resumable CSV imports: the last committed line of each file, keyed by the file's content hash.
CREATE TABLE import_checkpoint (
  file_hash text PRIMARY KEY,
  file_name text NOT NULL,
  line integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
