-- The wall's rotation as an admin set it: ordered scenes with their seconds. One row per installation;
-- absent → the built-in playlist. Pushed to every screen through the `wall` live topic.
CREATE TABLE wall_playlist (
  id integer PRIMARY KEY CHECK (id = 1),
  entries jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
