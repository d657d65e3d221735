-- A facility type may split its capacity into parts that norms count separately (docs/methods.md
-- §7): a Kita's places for children under 3 and from 3. A part is a key of `facility.properties`
-- (what the facility imports deliver as a column) with a German name; editing a facility in the
-- web app or the API sets these keys like the capacity, each change a new version.

ALTER TABLE facility_type
  -- [{"key": "plaetze_u3", "name": "Plätze unter 3 Jahren"}, …] in display order
  ADD COLUMN capacity_parts jsonb NOT NULL DEFAULT '[]',
  ADD CONSTRAINT facility_type_capacity_parts CHECK (jsonb_typeof(capacity_parts) = 'array');

UPDATE facility_type
   SET capacity_parts = '[{"key": "plaetze_u3", "name": "Plätze für Kinder unter 3 Jahren"},
                          {"key": "plaetze_ue3", "name": "Plätze für Kinder ab 3 Jahren"}]'
 WHERE key = 'kita';
