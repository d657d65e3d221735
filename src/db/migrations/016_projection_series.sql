-- Stored population projections (projection/projection-series.service.ts): each run is a series
-- per area, variable and projected Stichtag with the method and assumptions that made it. Runs
-- are never overwritten: a new run is a new row, so earlier projections stay comparable with what
-- was later observed. A published run is what the atlas, profiles and reports show as „Prognose“.
CREATE TABLE projection (
  id              serial PRIMARY KEY,
  name            text NOT NULL,
  level_id        integer NOT NULL REFERENCES area_level (id) ON DELETE CASCADE,
  base            date NOT NULL,
  to_date         date NOT NULL,
  method          text NOT NULL,               -- hamilton-perry | cohort-component (as used)
  variant         text NOT NULL,               -- main | low | high
  control         jsonb,                       -- [{date, total}] city totals controlled to
  scenario        text,                        -- planning scenario whose quarters were added
  variables       text[] NOT NULL,
  -- areas whose population at the base is below this are published only summed into their parent
  min_population  integer NOT NULL,
  published       boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      integer REFERENCES app_user (id) ON DELETE SET NULL
);

CREATE TABLE projection_value (
  projection_id integer NOT NULL REFERENCES projection (id) ON DELETE CASCADE,
  area_id       integer NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  ref_date      date NOT NULL,
  variable      text NOT NULL,
  value         integer NOT NULL,
  PRIMARY KEY (projection_id, variable, ref_date, area_id)
);

-- Published projections are public outputs: caches keyed by the data version must see changes.
SELECT track_data_version('projection');
SELECT track_data_version('projection_value');
