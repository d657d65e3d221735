-- Statements on land-use plans (Stellungnahmen zur Bauleitplanung) and the occupancy profiles of
-- new residential quarters they compute with (docs/methods.md §7).

-- One row per version of an occupancy profile: valid from valid_from (inclusive; NULL: since
-- always) to valid_to (exclusive; NULL: open). A change closes the open version and adds the next.
CREATE TABLE occupancy_profile (
  id           serial PRIMARY KEY,
  key          text NOT NULL,
  name         text NOT NULL,
  description  text NOT NULL DEFAULT '',
  source       text NOT NULL DEFAULT '',    -- where the values come from
  types        jsonb NOT NULL,              -- [{key, name, persons[], ageShares[][], source}] (statements/occupancy.schema.ts)
  valid_from   date,
  valid_to     date,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  integer REFERENCES app_user (id) ON DELETE SET NULL,
  CONSTRAINT occupancy_profile_version UNIQUE NULLS NOT DISTINCT (key, valid_from),
  CONSTRAINT occupancy_profile_valid_range CHECK (valid_to > valid_from)
);
CREATE UNIQUE INDEX occupancy_profile_open ON occupancy_profile (key) WHERE valid_to IS NULL;

-- A statement: the plan area (WGS84), the dwellings by type and year of first occupancy, the
-- profile and the level of the affected areas. Planning work for planners only: no public output
-- reads it.
CREATE TABLE plan_statement (
  id           serial PRIMARY KEY,
  name         text NOT NULL,
  plan_number  text NOT NULL DEFAULT '',    -- „Nr. 123“, „5-42 VE“
  geometry     jsonb NOT NULL,              -- Polygon or MultiPolygon, lon/lat
  area_m2      double precision NOT NULL,
  crs          text NOT NULL DEFAULT 'EPSG:4326', -- the CRS the plan area came in
  dwellings    jsonb NOT NULL,              -- [{type, count, year}]
  profile_key  text NOT NULL,
  level        text,                        -- level of the affected areas; NULL: the finest
  notes        text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   integer REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   integer REFERENCES app_user (id) ON DELETE SET NULL,
  CONSTRAINT plan_statement_area CHECK (area_m2 > 0)
);
