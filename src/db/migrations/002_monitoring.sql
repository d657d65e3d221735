-- Sozialmonitoring: composite index definitions, early-warning rules, and per-indicator
-- map classification and target values. Definitions are data (JSON) so planners edit them in the app.

-- A composite index (Berlin MSS, Hamburg-style, own): indicators with direction and weights,
-- standardisation, aggregation, class breaks, validity rules — see src/indices/index.schema.ts.
CREATE TABLE composite_index (
  key        text PRIMARY KEY,
  definition jsonb NOT NULL,
  builtin    boolean NOT NULL DEFAULT false,
  sort       integer NOT NULL DEFAULT 0,
  updated_by integer REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An early-warning rule (threshold, rising n years, deviation from the city, index class worsened);
-- see src/warnings/warning.schema.ts.
CREATE TABLE warning_rule (
  key        text PRIMARY KEY,
  definition jsonb NOT NULL,
  active     boolean NOT NULL DEFAULT true,
  sort       integer NOT NULL DEFAULT 0,
  updated_by integer REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The map classification an indicator starts with (until a user changes it in the view) and its
-- target value (Zielwert) for statistics tables; NULL = the app's default / no target.
ALTER TABLE indicator ADD COLUMN classification jsonb;
ALTER TABLE indicator ADD COLUMN target_value double precision;
