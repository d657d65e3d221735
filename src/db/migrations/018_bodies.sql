-- Steering, actors and bodies (Akteure und Gremien): the organisations that work in the city's
-- areas, the bodies they meet in (Stadtteilarbeitskreis … Rat) with their members, the bodies'
-- meetings with agenda, minutes and decisions, and the action items that come out of them.
-- None of it is behind a public output (bodies are member data), so no table is tracked by
-- track_data_version: public caches never depend on it.

CREATE TABLE organisation (
  id             serial PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL
                 CHECK (kind IN ('traeger', 'wohlfahrtsverband', 'jobcenter', 'verein', 'amt', 'sonstige')),
  contact_name   text NOT NULL DEFAULT '',
  contact_email  text NOT NULL DEFAULT '',
  contact_phone  text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_name ON organisation (lower(name));

-- The areas an organisation works in.
CREATE TABLE organisation_area (
  organisation_id  integer NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  area_id          integer NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  PRIMARY KEY (organisation_id, area_id)
);

-- Partners (role `partner`): people outside the administration, e.g. of a welfare organisation.
-- They read the bodies their organisation is a member of, and otherwise only what viewers read.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('admin', 'planner', 'viewer', 'partner'));
ALTER TABLE app_user ADD COLUMN organisation_id integer REFERENCES organisation (id) ON DELETE SET NULL;
CREATE INDEX app_user_organisation ON app_user (organisation_id) WHERE organisation_id IS NOT NULL;

CREATE TABLE body (
  id          serial PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL
              CHECK (kind IN ('stadtteilarbeitskreis', 'sozialraumkonferenz', 'fachplanungskonferenz',
                              'steuerungsgruppe', 'ausschuss', 'rat')),
  topic       text NOT NULL DEFAULT '',
  area_id     integer REFERENCES area (id) ON DELETE SET NULL,   -- NULL: the whole city
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A member of a body: an organisation, a user, or a user for an organisation, with a function
-- such as „Vorsitz“ or „Geschäftsführung“.
CREATE TABLE body_member (
  id               serial PRIMARY KEY,
  body_id          integer NOT NULL REFERENCES body (id) ON DELETE CASCADE,
  organisation_id  integer REFERENCES organisation (id) ON DELETE CASCADE,
  user_id          integer REFERENCES app_user (id) ON DELETE CASCADE,
  function         text NOT NULL DEFAULT '',
  CONSTRAINT body_member_who CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX body_member_body ON body_member (body_id);
CREATE INDEX body_member_organisation ON body_member (organisation_id);

CREATE TABLE meeting (
  id        serial PRIMARY KEY,
  body_id   integer NOT NULL REFERENCES body (id) ON DELETE CASCADE,
  date      date NOT NULL,
  place     text NOT NULL DEFAULT '',
  status    text NOT NULL DEFAULT 'geplant' CHECK (status IN ('geplant', 'durchgefuehrt'))
);
CREATE INDEX meeting_body ON meeting (body_id, date);

-- A point of a meeting's agenda (Tagesordnungspunkt). The attachment is a typed reference to a
-- Lagebild output: a Steckbrief (`/gebiete/<level>/<key>`, kept by level and area key, as its
-- address is) or a stored report (its id; NULL again when the report is deleted). The measure
-- is the one the point discusses or decides.
CREATE TABLE agenda_item (
  id                    serial PRIMARY KEY,
  meeting_id            integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position              integer NOT NULL CHECK (position > 0),
  title                 text NOT NULL,
  description           text NOT NULL DEFAULT '',
  attachment_kind       text CHECK (attachment_kind IN ('steckbrief', 'report')),
  attachment_level      text,
  attachment_area_key   text,
  attachment_report_id  integer REFERENCES report (id) ON DELETE SET NULL,
  minutes               text NOT NULL DEFAULT '',
  decision              text NOT NULL DEFAULT '',
  measure_id            integer REFERENCES measure (id) ON DELETE SET NULL,
  CONSTRAINT agenda_item_attachment CHECK (
    (attachment_kind IS NULL AND attachment_level IS NULL AND attachment_area_key IS NULL
      AND attachment_report_id IS NULL)
    OR (attachment_kind = 'steckbrief' AND attachment_level IS NOT NULL
      AND attachment_area_key IS NOT NULL AND attachment_report_id IS NULL)
    OR (attachment_kind = 'report' AND attachment_level IS NULL AND attachment_area_key IS NULL)
  )
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

-- Who does what by when (Aufgabe): owned by a user, an organisation or someone named in free text.
CREATE TABLE action_item (
  id                     serial PRIMARY KEY,
  agenda_item_id         integer NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  title                  text NOT NULL,
  owner_user_id          integer REFERENCES app_user (id) ON DELETE SET NULL,
  owner_organisation_id  integer REFERENCES organisation (id) ON DELETE SET NULL,
  owner_text             text NOT NULL DEFAULT '',
  due_date               date,
  done                   boolean NOT NULL DEFAULT false,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT action_item_one_owner CHECK (num_nonnulls(owner_user_id, owner_organisation_id) <= 1)
);
CREATE INDEX action_item_agenda_item ON action_item (agenda_item_id);
CREATE INDEX action_item_open ON action_item (due_date) WHERE NOT done;
