-- Supply and demand: norms (Richtwerte) as data with a history, scenarios of planned changes, and
-- travel-cost matrices from routing tools for floating catchments (docs/methods.md §7).

-- One row per version of a norm: valid from valid_from (inclusive; NULL: since always) to valid_to
-- (exclusive; NULL: open). A change closes the open version and adds the next, never overwrites.
CREATE TABLE norm (
  id           serial PRIMARY KEY,
  key          text NOT NULL,
  facility_type text NOT NULL REFERENCES facility_type (key) ON UPDATE CASCADE,
  name         text NOT NULL,
  demand       text[] NOT NULL,          -- variable keys whose sum is the reference population
  factor       double precision NOT NULL CHECK (factor > 0), -- supply units per person of it
  catchment    jsonb NOT NULL,           -- {kind: 'area'|'district'|'distance'|'fca'|'walking', …}
  source       text NOT NULL DEFAULT '', -- where the factor comes from
  description  text NOT NULL DEFAULT '',
  published    boolean NOT NULL DEFAULT true,
  valid_from   date,
  valid_to     date,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  integer REFERENCES app_user (id) ON DELETE SET NULL,
  CONSTRAINT norm_version UNIQUE NULLS NOT DISTINCT (key, valid_from),
  CONSTRAINT norm_valid_range CHECK (valid_to > valid_from),
  CONSTRAINT norm_has_demand CHECK (cardinality(demand) > 0)
);
CREATE UNIQUE INDEX norm_open ON norm (key) WHERE valid_to IS NULL;

-- A named scenario of planned changes (openings, closures, capacities, new residential
-- quarters), compared with the Bestand. Only planners see scenarios; no public output reads them.
CREATE TABLE scenario (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  integer REFERENCES app_user (id) ON DELETE SET NULL
);

CREATE TABLE scenario_change (
  id          serial PRIMARY KEY,
  scenario_id integer NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('opening', 'closure', 'capacity', 'quarter')),
  change      jsonb NOT NULL,            -- the fields of the kind (coverage/scenario.schema.ts)
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenario_change_scenario ON scenario_change (scenario_id);

-- Travel costs from a routing tool (QGIS, OpenRouteService, OSRM): origins are areas of a level,
-- destinations facilities of a type; pairs not listed are out of reach.
CREATE TABLE travel_matrix (
  id            serial PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  level         text NOT NULL,
  facility_type text NOT NULL REFERENCES facility_type (key) ON UPDATE CASCADE,
  unit          text NOT NULL DEFAULT 'm',
  file_name     text NOT NULL DEFAULT '',
  imported_at   timestamptz NOT NULL DEFAULT now(),
  imported_by   integer REFERENCES app_user (id) ON DELETE SET NULL
);

CREATE TABLE travel_cost (
  matrix_id   integer NOT NULL REFERENCES travel_matrix (id) ON DELETE CASCADE,
  origin      text NOT NULL,
  destination text NOT NULL,
  cost        double precision NOT NULL CHECK (cost >= 0),
  PRIMARY KEY (matrix_id, origin, destination)
);

-- Published norms and the matrices they use are behind public outputs (coverage).
SELECT track_data_version('norm');
SELECT track_data_version('travel_matrix');
SELECT track_data_version('travel_cost');
