-- OParl's deleted objects (specification: „Gelöschte Objekte“): an object once published and then
-- deleted or withdrawn from the public (depubliziert) stays at its URL as a minimal object with
-- `deleted: true` and `modified` = the time it went, and appears so in the lists, so that clients
-- updating with `modified_since` learn that it is gone. A tombstone keeps only what a client has
-- seen already: the kind, the object's path in its URL, when it was made, and when it went.
--
-- Written by triggers on the public flags and on deletes, so no route, command or script that
-- withdraws something can forget it. A body withdrawn takes its public meetings and their public
-- items with it, a meeting its items, and an item the consultations of the documents it linked
-- (papers, files). Paper and file tombstones are candidates: a document linked by several items
-- stays public while one of them does, so the interface shows a tombstone only for an object it
-- does not publish at that moment (src/oparl/oparl.service.ts). Publishing again removes the
-- tombstones of bodies, meetings and items.
CREATE TABLE oparl_tombstone (
  kind        text NOT NULL
              CHECK (kind IN ('organization', 'meeting', 'agenda-item', 'consultation', 'paper', 'file')),
  -- the object's path under its kind: `17` (bodies, meetings, items), `report/5`, `measure/3`,
  -- `steckbrief/<level>/<key>` (papers, files), `<item>/<document>` (consultations)
  ref         text NOT NULL,
  created_at  timestamptz,
  deleted_at  timestamptz NOT NULL DEFAULT now(),
  -- agenda items only: the official schema requires `order` even of a deleted item
  position    integer,
  PRIMARY KEY (kind, ref)
);
CREATE INDEX oparl_tombstone_deleted ON oparl_tombstone (deleted_at);

CREATE FUNCTION oparl_bury(k text, r text, created timestamptz, pos integer DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO oparl_tombstone AS t (kind, ref, created_at, position) VALUES (k, r, created, pos)
  ON CONFLICT (kind, ref) DO UPDATE
    SET deleted_at = now(),
        created_at = least(t.created_at, EXCLUDED.created_at),
        position = coalesce(EXCLUDED.position, t.position)
$$;

-- The documents an agenda item links that the public may see (as oparl.service.ts decides: a
-- current area's Steckbrief, a finished report that is not internal, a decided measure), as
-- tombstone refs with the time the paper was made where the document knows it.
CREATE FUNCTION oparl_public_docs(ai agenda_item) RETURNS TABLE (ref text, created timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT 'steckbrief/' || ai.attachment_level || '/' || ai.attachment_area_key, ai.created_at
   WHERE ai.attachment_kind = 'steckbrief' AND EXISTS (
     SELECT 1 FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE a.valid_to IS NULL AND l.key = ai.attachment_level AND a.key = ai.attachment_area_key)
  UNION ALL
  SELECT 'report/' || r.id, r.created_at FROM report r
   WHERE ai.attachment_kind = 'report' AND r.id = ai.attachment_report_id
     AND NOT r.internal AND r.status = 'done'
  UNION ALL
  SELECT 'measure/' || m.id, m.created_at FROM measure m
   WHERE m.id = ai.measure_id
     AND m.status IN ('beschlossen', 'in_umsetzung', 'abgeschlossen', 'bewertet')
$$;

-- The link of a public item to a public document goes: its consultation, and the paper and file
-- as candidates (a measure's paper has no file).
CREATE FUNCTION oparl_bury_link(item integer, doc text, created timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM oparl_bury('consultation', item || '/' || doc, created);
  PERFORM oparl_bury('paper', doc, created);
  IF doc NOT LIKE 'measure/%' THEN PERFORM oparl_bury('file', doc, created); END IF;
END $$;

CREATE FUNCTION oparl_bury_item(ai agenda_item) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  PERFORM oparl_bury('agenda-item', ai.id::text, ai.created_at, ai.position);
  FOR d IN SELECT * FROM oparl_public_docs(ai) LOOP
    PERFORM oparl_bury_link(ai.id, d.ref, d.created);
  END LOOP;
END $$;

CREATE FUNCTION oparl_unbury_item(item integer) RETURNS void LANGUAGE sql AS $$
  DELETE FROM oparl_tombstone
   WHERE (kind = 'agenda-item' AND ref = item::text) OR (kind = 'consultation' AND ref LIKE item || '/%')
$$;

-- A meeting's public items go and come with it.
CREATE FUNCTION oparl_bury_meeting(m meeting) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ai agenda_item;
BEGIN
  PERFORM oparl_bury('meeting', m.id::text, m.created_at);
  FOR ai IN SELECT * FROM agenda_item WHERE meeting_id = m.id AND public LOOP
    PERFORM oparl_bury_item(ai);
  END LOOP;
END $$;

CREATE FUNCTION oparl_unbury_meeting(mid integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM oparl_tombstone WHERE kind = 'meeting' AND ref = mid::text;
  PERFORM oparl_unbury_item(ai.id) FROM agenda_item ai WHERE ai.meeting_id = mid AND ai.public;
END $$;

-- BEFORE DELETE: the children a delete cascades to are still there to be buried; their own
-- triggers then find the parent gone and leave them alone.
CREATE FUNCTION oparl_body_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone meeting;
BEGIN
  IF OLD.public AND (TG_OP = 'DELETE' OR NOT NEW.public) THEN
    PERFORM oparl_bury('organization', OLD.id::text, OLD.created_at);
    FOR gone IN SELECT * FROM meeting WHERE body_id = OLD.id AND public LOOP
      PERFORM oparl_bury_meeting(gone);
    END LOOP;
  ELSIF TG_OP = 'UPDATE' AND NOT OLD.public AND NEW.public THEN
    DELETE FROM oparl_tombstone WHERE kind = 'organization' AND ref = NEW.id::text;
    PERFORM oparl_unbury_meeting(m.id) FROM meeting m WHERE m.body_id = NEW.id AND m.public;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER body_oparl_tombstones BEFORE UPDATE OF public OR DELETE ON body
  FOR EACH ROW EXECUTE FUNCTION oparl_body_tombstones();

CREATE FUNCTION oparl_meeting_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  body_public boolean := (SELECT public FROM body WHERE id = OLD.body_id);
BEGIN
  IF body_public AND OLD.public AND (TG_OP = 'DELETE' OR NOT NEW.public) THEN
    PERFORM oparl_bury_meeting(OLD);
  ELSIF body_public AND TG_OP = 'UPDATE' AND NOT OLD.public AND NEW.public THEN
    PERFORM oparl_unbury_meeting(NEW.id);
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER meeting_oparl_tombstones BEFORE UPDATE OF public OR DELETE ON meeting
  FOR EACH ROW EXECUTE FUNCTION oparl_meeting_tombstones();

-- An item also loses a consultation when what it links changes, or when the report it linked is
-- deleted (the foreign key sets the link to NULL: an update of the item).
CREATE FUNCTION oparl_agenda_item_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := OLD.public AND EXISTS (
    SELECT 1 FROM meeting m JOIN body b ON b.id = m.body_id
     WHERE m.id = OLD.meeting_id AND m.public AND b.public);
  is_live boolean := TG_OP = 'UPDATE' AND NEW.public AND EXISTS (
    SELECT 1 FROM meeting m JOIN body b ON b.id = m.body_id
     WHERE m.id = NEW.meeting_id AND m.public AND b.public);
  d record;
BEGIN
  IF was_live AND NOT is_live THEN
    PERFORM oparl_bury_item(OLD);
  ELSIF was_live THEN
    FOR d IN SELECT * FROM oparl_public_docs(OLD)
              WHERE ref NOT IN (SELECT ref FROM oparl_public_docs(NEW)) LOOP
      PERFORM oparl_bury_link(OLD.id, d.ref, d.created);
    END LOOP;
  END IF;
  IF is_live THEN PERFORM oparl_unbury_item(NEW.id); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER agenda_item_oparl_tombstones
  BEFORE UPDATE OF public, meeting_id, attachment_kind, attachment_level, attachment_area_key,
    attachment_report_id, measure_id OR DELETE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION oparl_agenda_item_tombstones();

-- A document that stops being public (a report made internal or deleted, a measure set back
-- before its decision or deleted) takes its paper, file and consultations out of the interface.
CREATE FUNCTION oparl_bury_document_links(doc_kind text, doc_id integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ai agenda_item;
  d record;
BEGIN
  FOR ai IN SELECT i.* FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = m.body_id
             WHERE i.public AND m.public AND b.public
               AND CASE doc_kind WHEN 'report' THEN i.attachment_report_id = doc_id
                                 ELSE i.measure_id = doc_id END LOOP
    FOR d IN SELECT * FROM oparl_public_docs(ai) WHERE ref = doc_kind || '/' || doc_id LOOP
      PERFORM oparl_bury_link(ai.id, d.ref, d.created);
    END LOOP;
  END LOOP;
END $$;

CREATE FUNCTION oparl_report_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT OLD.internal AND OLD.status = 'done'
     AND (TG_OP = 'DELETE' OR NEW.internal OR NEW.status <> 'done') THEN
    PERFORM oparl_bury_document_links('report', OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER report_oparl_tombstones BEFORE UPDATE OF internal, status OR DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION oparl_report_tombstones();

CREATE FUNCTION oparl_measure_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decided text[] := ARRAY['beschlossen', 'in_umsetzung', 'abgeschlossen', 'bewertet'];
BEGIN
  IF OLD.status = ANY (decided) AND (TG_OP = 'DELETE' OR NOT NEW.status = ANY (decided)) THEN
    PERFORM oparl_bury_document_links('measure', OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER measure_oparl_tombstones BEFORE UPDATE OF status OR DELETE ON measure
  FOR EACH ROW EXECUTE FUNCTION oparl_measure_tombstones();
