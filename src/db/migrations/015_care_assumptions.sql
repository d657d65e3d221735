-- Care assumptions of the Pflegebedarfsplan (care/care-rates.ts): care rates by age band, shares
-- of the care settings and occupancy of the places, with their source. One row per version: the
-- newest row of a key is in force, the earlier ones are its history (who recorded what, when).
CREATE TABLE care_assumption (
  id           serial PRIMARY KEY,
  key          text NOT NULL,
  name         text NOT NULL,
  source       text NOT NULL DEFAULT '',
  rate_year    integer NOT NULL,            -- year the rates were observed
  bands        jsonb NOT NULL,              -- [{from, to|null, rate}]
  shares       jsonb NOT NULL,              -- {angehoerige, ambulant, tagespflege, stationaer}
  occupancy    jsonb NOT NULL,              -- {stationaer, tagespflege}
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  integer REFERENCES app_user (id) ON DELETE SET NULL
);
CREATE INDEX care_assumption_key ON care_assumption (key, id);
