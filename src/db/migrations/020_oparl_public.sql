-- What of the bodies is public (OParl, src/oparl/): a body, each of its meetings and each agenda
-- item are published only once a planner marks them public. Nothing is public by default: bodies
-- are member data, a public body still meets in closed session, and a public meeting can have a
-- closed part (nichtöffentliche Tagesordnungspunkte). OParl shows a meeting only when it and its
-- body are public, and an agenda item only when it, its meeting and the body are.
ALTER TABLE body ADD COLUMN public boolean NOT NULL DEFAULT false;
ALTER TABLE meeting ADD COLUMN public boolean NOT NULL DEFAULT false;
ALTER TABLE agenda_item ADD COLUMN public boolean NOT NULL DEFAULT false;

-- OParl's `created` and `modified` of meetings and agenda items, and its `created_since` /
-- `modified_since` filters, by which clients fetch only what changed since their last visit.
ALTER TABLE meeting
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE agenda_item
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Kept by triggers rather than by each write: every route that changes a meeting or its agenda
-- moves the time, and a meeting, which carries its agenda items inside, changes with them.
CREATE FUNCTION stamp_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER meeting_updated_at BEFORE UPDATE ON meeting
  FOR EACH ROW EXECUTE FUNCTION stamp_updated_at();
CREATE TRIGGER agenda_item_updated_at BEFORE UPDATE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION stamp_updated_at();

CREATE FUNCTION stamp_meeting_of_agenda_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD is null on INSERT and NEW on DELETE; an item moved to another meeting changes both
  UPDATE meeting SET updated_at = now() WHERE id IN (OLD.meeting_id, NEW.meeting_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER agenda_item_stamps_meeting AFTER INSERT OR UPDATE OR DELETE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION stamp_meeting_of_agenda_item();
