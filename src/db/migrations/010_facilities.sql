-- Social infrastructure with a history: the kinds of facilities (facility_type) and one row per
-- version of a facility (valid from / to: opened, changed, closed, planned), never overwritten.

CREATE TABLE facility_type (
  key           text PRIMARY KEY,
  name          text NOT NULL,
  capacity_unit text NOT NULL,           -- what `facility.capacity` counts: 'Plätze', 'm² Spielfläche' …
  description   text NOT NULL DEFAULT '',
  sort          integer NOT NULL DEFAULT 0
);

INSERT INTO facility_type (key, name, capacity_unit, description, sort) VALUES
  ('kita', 'Kindertageseinrichtung', 'Plätze', 'Kita: genehmigte Plätze der Betriebserlaubnis.', 10),
  ('kindertagespflege', 'Kindertagespflege', 'Plätze', 'Tagesmütter und -väter, Großtagespflege: erlaubte Plätze.', 20),
  ('grundschule', 'Grundschule', 'Plätze', 'Schulplätze (Aufnahmekapazität); wo sie fehlt, die Schülerinnen und Schüler.', 30),
  ('ogs', 'Offene Ganztagsschule', 'Plätze', 'Ganztagsplätze an Grundschulen.', 40),
  ('jugendeinrichtung', 'Jugendeinrichtung', 'Plätze', 'Jugendfreizeiteinrichtungen, Jugendzentren: Plätze oder Besucherkapazität.', 50),
  ('spielplatz', 'Spielplatz', 'm² Spielfläche', 'Öffentliche Spielplätze: nutzbare Spielfläche in Quadratmetern.', 60),
  ('pflegeheim', 'Pflegeheim', 'Plätze', 'Vollstationäre Pflege: Plätze nach Versorgungsvertrag.', 70),
  ('tagespflege', 'Tagespflege', 'Plätze', 'Teilstationäre Tages- und Nachtpflege: Plätze.', 80),
  ('ambulanter_dienst', 'Ambulanter Pflegedienst', 'Versorgte', 'Ambulante Dienste: versorgte Pflegebedürftige (Pflegestatistik).', 90),
  ('begegnungsstaette', 'Begegnungsstätte', 'Plätze', 'Seniorenbegegnungsstätten und -treffs: Plätze.', 100),
  ('nachbarschaftszentrum', 'Nachbarschaftszentrum', 'Plätze', 'Stadtteil- und Nachbarschaftszentren, Bürgerhäuser: Plätze.', 110),
  ('beratungsstelle', 'Beratungsstelle', 'Fachkraftstunden', 'Beratungsstellen: Fachkraftstunden je Woche.', 120);

-- A kind stored before the types existed keeps its rows: it becomes a type of its own.
INSERT INTO facility_type (key, name, capacity_unit, sort)
SELECT DISTINCT kind, kind, 'Plätze', 1000 FROM facility
WHERE kind NOT IN (SELECT key FROM facility_type);

-- The rows stored so far become the first versions of their facilities, open since an unknown
-- date. A version is valid from valid_from (inclusive) to valid_to (exclusive), never empty; the
-- versions of one facility (type, key) do not overlap, and a facility's identity is its key.
ALTER TABLE facility RENAME COLUMN kind TO type;
ALTER TABLE facility DROP CONSTRAINT facility_kind_key_key;
ALTER TABLE facility
  ADD COLUMN carrier text,                -- Träger
  ADD COLUMN valid_from date,             -- NULL: in operation since an unknown date
  ADD COLUMN valid_to date,               -- NULL: open (current or planned); else no longer from that day
  ADD COLUMN properties jsonb NOT NULL DEFAULT '{}', -- the delivered fields as they were
  ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN recorded_by integer REFERENCES app_user (id) ON DELETE SET NULL, -- edits; imports: source_id
  ADD CONSTRAINT facility_type_fk FOREIGN KEY (type) REFERENCES facility_type (key) ON UPDATE CASCADE,
  ADD CONSTRAINT facility_version UNIQUE NULLS NOT DISTINCT (type, key, valid_from),
  ADD CONSTRAINT facility_valid_range CHECK (valid_to > valid_from);

-- At most one open version per facility: a change closes the open one before adding the next.
CREATE UNIQUE INDEX facility_open ON facility (type, key) WHERE valid_to IS NULL;
CREATE INDEX facility_area ON facility (area_id);

-- `area_id` is the facility's area on the finest level at the time the version was recorded;
-- NULL: outside every area („außerhalb“).

SELECT track_data_version('facility_type');
