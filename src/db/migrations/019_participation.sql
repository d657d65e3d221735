-- Beteiligung (docs/methods.md, Steuerung): surveys that anyone with the link may answer, and
-- remarks placed on the map. Nothing here identifies a person: no address, no cookie, no user,
-- and the day of an answer rather than its second (a timestamp to the second could be joined with
-- a proxy's access log to find the address that sent it).
CREATE TABLE survey (
  id            serial PRIMARY KEY,
  key           text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{1,19}$'),
  title         text NOT NULL,
  description   text NOT NULL DEFAULT '',
  status        text NOT NULL DEFAULT 'entwurf' CHECK (status IN ('entwurf', 'offen', 'geschlossen')),
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  -- areas with fewer answers are never shown alone, only merged into their parent
  min_answers   integer NOT NULL DEFAULT 10 CHECK (min_answers >= 3),
  level_key     text,                     -- the level whose areas the area question offers
  -- the anonymous link /befragung/<token>: random, so a survey cannot be found by guessing
  public_token  text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT survey_period CHECK (period_to >= period_from)
);

CREATE TABLE survey_question (
  id          serial PRIMARY KEY,
  survey_id   integer NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'text', 'area')),
  text        text NOT NULL,
  required    boolean NOT NULL DEFAULT false,
  options     jsonb NOT NULL DEFAULT '[]',  -- labels of single and multiple choice
  scale_min   integer,
  scale_max   integer,
  min_label   text NOT NULL DEFAULT '',
  max_label   text NOT NULL DEFAULT '',
  UNIQUE (survey_id, position)
);

CREATE TABLE survey_response (
  id            serial PRIMARY KEY,
  survey_id     integer NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  submitted_at  date NOT NULL DEFAULT current_date,
  area_id       integer REFERENCES area (id) ON DELETE SET NULL -- the answer to the area question
);
CREATE INDEX survey_response_survey ON survey_response (survey_id, area_id);

-- value: option index (single), option indexes (multiple), number (scale), text, area key (area)
CREATE TABLE survey_answer (
  id           serial PRIMARY KEY,
  response_id  integer NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  question_id  integer NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
  value        jsonb NOT NULL,
  UNIQUE (response_id, question_id)
);
CREATE INDEX survey_answer_question ON survey_answer (question_id);

-- Free texts are read by a person before anyone else sees them (names, insults, addresses).
CREATE TABLE survey_text (
  answer_id     integer PRIMARY KEY REFERENCES survey_answer (id) ON DELETE CASCADE,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  moderated_at  timestamptz
);
CREATE INDEX survey_text_status ON survey_text (status);

CREATE TABLE remark (
  id          serial PRIMARY KEY,
  lon         double precision NOT NULL,
  lat         double precision NOT NULL,
  area_id     integer REFERENCES area (id) ON DELETE SET NULL, -- of the finest level, by point in polygon
  category    text NOT NULL,
  text        text NOT NULL CHECK (length(text) <= 1000),
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at  date NOT NULL DEFAULT current_date,
  moderated_at timestamptz
);
CREATE INDEX remark_status ON remark (status, area_id);

-- The public reads open questionnaires and approved remarks. A new remark is pending and seen by
-- no one, so anonymous inserts leave the data version (and every cache) alone; only moderation
-- and deletion count. Answers are never public as such.
SELECT track_data_version('survey');
SELECT track_data_version('survey_question');
CREATE TRIGGER remark_data_version_upd AFTER UPDATE ON remark REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_rows();
CREATE TRIGGER remark_data_version_del AFTER DELETE ON remark REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_rows();
ALTER TABLE remark ENABLE ALWAYS TRIGGER remark_data_version_upd;
ALTER TABLE remark ENABLE ALWAYS TRIGGER remark_data_version_del;
