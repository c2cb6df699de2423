-- Foundation: the province pack's reference data. Everything else hangs off these tables.
-- Migrations are unqualified: the connection's search_path picks the schema (tests use one schema each).

CREATE TABLE province (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  time_zone text NOT NULL,
  capital_regency_code text NOT NULL,
  sms_keyword text,
  sms_number text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE regency (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}$'),
  province_code text NOT NULL REFERENCES province (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kabupaten', 'kota')),
  capital text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL
);
CREATE INDEX regency_province_idx ON regency (province_code);

CREATE TABLE opd (
  id text PRIMARY KEY,
  province_code text NOT NULL REFERENCES province (code),
  name text NOT NULL,
  short_name text NOT NULL,
  type text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  active_from date,
  active_to date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_code, short_name)
);

-- The working-day calendar: one row per non-working date other than weekends, editable by admins.
CREATE TABLE calendar_day (
  province_code text NOT NULL REFERENCES province (code),
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
  name text NOT NULL,
  legal_basis text NOT NULL,
  source text NOT NULL DEFAULT 'pack' CHECK (source IN ('pack', 'admin')),
  PRIMARY KEY (province_code, day, kind)
);

-- The years whose official calendar (the SKB) is loaded; arithmetic reaching past them carries a warning.
CREATE TABLE calendar_year (
  province_code text NOT NULL REFERENCES province (code),
  year integer NOT NULL,
  legal_basis text NOT NULL,
  PRIMARY KEY (province_code, year)
);

CREATE TABLE social_account (
  id text PRIMARY KEY,
  opd_id text NOT NULL REFERENCES opd (id),
  platform text NOT NULL CHECK (platform IN ('instagram', 'facebook', 'x', 'youtube', 'tiktok')),
  handle text NOT NULL,
  decree text,
  demo boolean NOT NULL DEFAULT false,
  UNIQUE (platform, handle)
);

-- Each data source: when it last delivered and how fresh it must be (freshness is data, shown on every panel).
CREATE TABLE source (
  id text PRIMARY KEY,
  stream text NOT NULL CHECK (stream IN ('complaints', 'ppid', 'social')),
  label text NOT NULL,
  freshness_target_seconds integer NOT NULL CHECK (freshness_target_seconds > 0),
  last_delivery_at timestamptz,
  last_error text,
  last_error_at timestamptz
);
