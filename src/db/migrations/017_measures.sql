-- Steering (docs/methods.md §9): measures in a tree (Programm → Handlungsfeld → Maßnahme), their
-- workflow from idea to evaluation with the decision that made them, the areas they work in, and
-- goals on indicators with a baseline and a target. Every change of a measure is kept in
-- measure_history (who, when, the fields before and after).
CREATE TABLE measure (
  id              serial PRIMARY KEY,
  parent_id       integer REFERENCES measure (id) ON DELETE RESTRICT,
  kind            text NOT NULL CHECK (kind IN ('programm', 'handlungsfeld', 'massnahme')),
  title           text NOT NULL,
  description     text NOT NULL DEFAULT '',
  status          text NOT NULL DEFAULT 'idee'
                  CHECK (status IN ('idee', 'vorschlag', 'beschlossen', 'in_umsetzung', 'abgeschlossen', 'bewertet')),
  -- weight of the measure in its parent's progress (a weighted mean of the children)
  weight          double precision NOT NULL DEFAULT 1 CHECK (weight > 0),
  organisation    text NOT NULL DEFAULT '',     -- responsible organisation
  funding         text NOT NULL DEFAULT '',     -- funding programme, e.g. „Sozialer Zusammenhalt“
  budget_planned  numeric,
  budget_spent    numeric,
  start_date      date,                         -- when it started working (the effect's start)
  end_date        date,
  decision        jsonb,                        -- {body, meeting, date, text}: who decided it
  output          text NOT NULL DEFAULT '',     -- impact ladder: what it delivers
  outcome         text NOT NULL DEFAULT '',     -- … what changes for the people reached
  impact          text NOT NULL DEFAULT '',     -- … what changes in the area
  milestones      jsonb NOT NULL DEFAULT '[]',  -- [{title, due, done}]
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_parent ON measure (parent_id);

CREATE TABLE measure_area (
  measure_id  integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  area_id     integer NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, area_id)
);

-- A goal on an indicator for one area (or the city: area_id NULL) of a level.
CREATE TABLE measure_goal (
  id              serial PRIMARY KEY,
  measure_id      integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  indicator_key   text NOT NULL,
  level_key       text NOT NULL,
  area_id         integer REFERENCES area (id) ON DELETE CASCADE,
  baseline_date   date NOT NULL,
  baseline_value  double precision NOT NULL,
  target_value    double precision NOT NULL,
  target_date     date NOT NULL,
  CONSTRAINT measure_goal_target CHECK (target_value <> baseline_value AND target_date > baseline_date)
);
CREATE INDEX measure_goal_measure ON measure_goal (measure_id);

CREATE TABLE measure_history (
  id          serial PRIMARY KEY,
  measure_id  integer NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  integer REFERENCES app_user (id) ON DELETE SET NULL,
  action      text NOT NULL,                  -- created, changed, status, goal_added, goal_removed
  before      jsonb,
  after       jsonb
);
CREATE INDEX measure_history_measure ON measure_history (measure_id, id);

-- Decided measures are public (the accountability view): caches must see their changes.
SELECT track_data_version('measure');
SELECT track_data_version('measure_area');
SELECT track_data_version('measure_goal');
