-- Lagebild foundation schema: territory, area levels and areas with Gebietsstand,
-- provenance of every import, count series with observations, indicators, facilities, users.
-- Plain PostgreSQL (runs on PGlite and on a server); geometry is GeoJSON in jsonb.

CREATE TABLE app_user (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'planner', 'viewer')),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  token_hash text PRIMARY KEY,           -- sha256 of the cookie token; the token itself is never stored
  user_id    integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Where every imported piece of data came from (Herkunft).
CREATE TABLE data_source (
  id          serial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('areas', 'table', 'microdata', 'demo', 'facilities')),
  name        text NOT NULL,             -- e.g. 'Einwohnermelderegister' or the file name
  file_name   text,
  file_hash   text,                      -- sha256 hex of the delivered file
  stichtag    date,
  imported_by integer REFERENCES app_user (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  details     jsonb NOT NULL DEFAULT '{}'
);

-- A city, or a Kreis with member municipalities (then a level 'gemeinde').
CREATE TABLE territory (
  id   serial PRIMARY KEY,
  key  text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('stadt', 'kreis'))
);

-- Configurable hierarchy, e.g. Stadt → Stadtbezirk → Sozialraum → Planungsraum.
CREATE TABLE area_level (
  id              serial PRIMARY KEY,
  territory_id    integer NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  key             text NOT NULL,
  name            text NOT NULL,
  rank            integer NOT NULL,      -- 0 = whole territory; larger = finer
  parent_level_id integer REFERENCES area_level (id),
  UNIQUE (territory_id, key)
);
CREATE UNIQUE INDEX area_level_key ON area_level (key);

CREATE TABLE area (
  id               serial PRIMARY KEY,
  level_id         integer NOT NULL REFERENCES area_level (id) ON DELETE CASCADE,
  key              text NOT NULL,        -- Gebietsschlüssel as delivered (leading zeros kept)
  name             text NOT NULL,
  parent_id        integer REFERENCES area (id),
  geometry         jsonb NOT NULL,       -- full GeoJSON geometry, WGS84 (for analysis)
  display_geometry jsonb,                -- topology-preserving simplified version (for maps)
  area_m2          double precision NOT NULL, -- true area on the ellipsoid
  bbox             double precision[] NOT NULL, -- [minLon, minLat, maxLon, maxLat]
  valid_from       date NOT NULL DEFAULT DATE '1900-01-01', -- Gebietsstand
  valid_to         date,                 -- NULL = current
  source_id        integer REFERENCES data_source (id)
);
CREATE UNIQUE INDEX area_current_key ON area (level_id, key) WHERE valid_to IS NULL;
CREATE INDEX area_parent ON area (parent_id);

-- Count series (Zählgrößen); indicators are derived from them.
CREATE TABLE variable (
  id          serial PRIMARY KEY,
  key         text NOT NULL UNIQUE,
  name        text NOT NULL,
  unit        text NOT NULL DEFAULT 'Personen',
  description text NOT NULL DEFAULT ''
);

CREATE TABLE observation (
  variable_id integer NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  area_id     integer NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  ref_date    date NOT NULL,             -- Stichtag
  breakdown   text NOT NULL DEFAULT '',  -- '' = total; else e.g. 'age=7;sex=w'
  value       double precision,          -- NULL unless status is value or estimated
  status      text NOT NULL DEFAULT 'value' CHECK (status IN ('value', 'secret', 'missing', 'estimated')),
  source_id   integer REFERENCES data_source (id),
  PRIMARY KEY (variable_id, area_id, ref_date, breakdown)
);
CREATE INDEX observation_area_date ON observation (area_id, ref_date);
CREATE INDEX observation_date ON observation (ref_date); -- list of Stichtage by skip scan

-- Replaced values of re-imports (who, when, which file: via source_id).
CREATE TABLE observation_history (
  variable_id integer NOT NULL,
  area_id     integer NOT NULL,
  ref_date    date NOT NULL,
  breakdown   text NOT NULL,
  value       double precision,
  status      text NOT NULL,
  source_id   integer,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  replaced_by integer REFERENCES data_source (id)
);

CREATE TABLE indicator (
  id              serial PRIMARY KEY,
  key             text NOT NULL UNIQUE,
  name            text NOT NULL,
  theme           text NOT NULL,
  numerator_key   text NOT NULL,         -- variable key
  denominator_key text,                  -- variable key; NULL for plain counts
  formula         text NOT NULL CHECK (formula IN ('count', 'share', 'per_mille', 'per_1000', 'ratio',
                                                   'change_pp', 'relative_change', 'trend_slope')),
  period_years    integer,               -- n years for changes and trends
  unit            text NOT NULL,
  polarity        text NOT NULL CHECK (polarity IN ('high_bad', 'high_good', 'neutral')),
  decimals        integer NOT NULL DEFAULT 1,
  description     text NOT NULL DEFAULT '',
  source          text NOT NULL DEFAULT '',
  update_cycle    text NOT NULL DEFAULT 'jährlich',
  published       boolean NOT NULL DEFAULT true,
  sort            integer NOT NULL DEFAULT 0
);

-- Social infrastructure as points (Kitas, Pflegeheime, Spielplätze …).
CREATE TABLE facility (
  id        serial PRIMARY KEY,
  kind      text NOT NULL,
  key       text NOT NULL,
  name      text NOT NULL,
  capacity  double precision,
  lon       double precision NOT NULL,
  lat       double precision NOT NULL,
  address   text,
  area_id   integer REFERENCES area (id) ON DELETE SET NULL,
  source_id integer REFERENCES data_source (id),
  UNIQUE (kind, key)
);

-- Saved column mappings for recurring deliveries (Importprofile).
CREATE TABLE import_profile (
  name       text PRIMARY KEY,
  level_key  text,
  mapping    jsonb NOT NULL,
  created_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_setting (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
