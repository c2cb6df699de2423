-- socket.io's PostgreSQL adapter carries cross-node broadcasts that are not data (kicking a revoked wall
-- device, pushing configuration) over NOTIFY; payloads over 8000 bytes go through this table.
CREATE TABLE socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
