-- A Steckbrief is public in OParl only while its area is current. An area that ends — a new
-- Gebietsstand sets its valid_to, or it is deleted — takes the papers, files and consultations of
-- the public items that link its Steckbrief out of the interface as deleted objects, as a report
-- made internal does (migration 024). Should the new Gebietsstand carry the same key, the
-- Steckbrief stays public and the tombstones, being candidates, stay unseen.
CREATE FUNCTION oparl_area_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ai agenda_item;
  d record;
  lvl text;
BEGIN
  IF OLD.valid_to IS NULL AND (TG_OP = 'DELETE' OR NEW.valid_to IS NOT NULL) THEN
    SELECT key INTO lvl FROM area_level WHERE id = OLD.level_id;
    FOR ai IN SELECT i.* FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = m.body_id
               WHERE i.public AND m.public AND b.public AND i.attachment_kind = 'steckbrief'
                 AND i.attachment_level = lvl AND i.attachment_area_key = OLD.key LOOP
      -- BEFORE the change the area is still current, so the Steckbrief is still among the public docs
      FOR d IN SELECT * FROM oparl_public_docs(ai) WHERE ref LIKE 'steckbrief/%' LOOP
        PERFORM oparl_bury_link(ai.id, d.ref, d.created);
      END LOOP;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER area_oparl_tombstones BEFORE UPDATE OF valid_to OR DELETE ON area
  FOR EACH ROW EXECUTE FUNCTION oparl_area_tombstones();
