-- The audit log: every change to the office's records — who, when, which table and row, the row
-- before and after. Written by triggers, so no route, command or import can forget it; the actor
-- comes from the transaction setting `lagebild.actor`, which the app sets for every write made on
-- behalf of a request or a command (db/actor.ts). Changes made past the app (psql, migrations)
-- are logged without an actor.
--
-- Kept out of the log on purpose:
--   * secrets: password hashes, and the sessions table altogether; logins (the time of the last
--     login is no change anyone made to the account);
--   * what would identify a respondent: survey responses, answers and free texts, and the
--     sending of a remark (its moderation is logged) — both are anonymous by promise, and a
--     timestamped log entry would tie an answer to a moment;
--   * bulky columns: geometries (the area's key, name and Gebietsstand are logged) and rendered
--     report documents (their hash is logged);
--   * tables that are histories already (observation_history, measure_history) and counters
--     (data_version).
-- Counts (observations, projected values, travel-time matrices) change by the thousand in one
-- import: they are logged as one entry per statement with the number of rows.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor       text,                     -- username, `cli:<os user>`; NULL: not through the app
  table_name  text NOT NULL,
  operation   text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'RESTORE')),
  row_key     text,                     -- the row's id where it has one
  before      jsonb,
  after       jsonb,
  row_count   integer                   -- statement entries of count tables: rows affected;
                                        -- RESTORE: rows written back from a backup
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_table ON audit_log (table_name, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, id DESC);

-- Row entries. The trigger's arguments name columns never written to the log.
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hidden text[] := coalesce(TG_ARGV, '{}');
  old_row jsonb;
  new_row jsonb;
BEGIN
  -- a restore writes back rows logged when they were made; it is logged once, as RESTORE
  IF current_setting('lagebild.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
  -- an update that changed only hidden columns, or nothing, is no news
  IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NULL; END IF;
  INSERT INTO audit_log (actor, table_name, operation, row_key, before, after)
  VALUES (nullif(current_setting('lagebild.actor', true), ''), TG_TABLE_NAME, TG_OP,
          coalesce(new_row, old_row) ->> 'id', old_row, new_row);
  RETURN NULL;
END $$;

-- Statement entries of count tables: how many rows one statement inserted, changed or deleted.
CREATE FUNCTION audit_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  IF current_setting('lagebild.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN SELECT count(*) INTO n FROM old_rows;
  ELSE SELECT count(*) INTO n FROM new_rows; END IF;
  IF n > 0 THEN
    INSERT INTO audit_log (actor, table_name, operation, row_count)
    VALUES (nullif(current_setting('lagebild.actor', true), ''), TG_TABLE_NAME, TG_OP, n);
  END IF;
  RETURN NULL;
END $$;

-- ALWAYS: bulk loads run with triggers off (session_replication_role = replica, db/db.ts) and
-- must still be logged.
CREATE FUNCTION audit_rows_of(tab regclass, events text, hidden text[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  args text := (SELECT coalesce(string_agg(quote_literal(h), ', '), '') FROM unnest(hidden) h);
  name text := tab::text || '_audit';
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s FOR EACH ROW EXECUTE FUNCTION audit_row(%s)',
    name, events, tab, args);
  EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', tab, name);
END $$;

CREATE FUNCTION audit_counts_of(tab regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()', tab::text || '_audit_insert', tab);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()', tab::text || '_audit_update', tab);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()', tab::text || '_audit_delete', tab);
  EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', tab, tab::text || '_audit_insert');
  EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', tab, tab::text || '_audit_update');
  EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', tab, tab::text || '_audit_delete');
END $$;

SELECT audit_rows_of('app_user', 'INSERT OR UPDATE OR DELETE', '{password_hash,last_login_at}');
SELECT audit_rows_of('area', 'INSERT OR UPDATE OR DELETE', '{geometry,display_geometry,bbox}');
SELECT audit_rows_of('report', 'INSERT OR UPDATE OR DELETE', '{document}');
SELECT audit_rows_of('remark', 'UPDATE OR DELETE');
SELECT audit_rows_of(t, 'INSERT OR UPDATE OR DELETE')
  FROM unnest(ARRAY[
    'data_source', 'territory', 'area_level', 'variable', 'indicator', 'facility', 'import_profile',
    'app_setting', 'composite_index', 'warning_rule', 'report_template', 'variable_sum',
    'facility_type', 'norm', 'scenario', 'scenario_change', 'occupancy_profile', 'plan_statement',
    'care_assumption', 'projection', 'measure', 'measure_area', 'measure_goal', 'organisation',
    'organisation_area', 'body', 'body_member', 'meeting', 'agenda_item', 'action_item', 'survey',
    'survey_question'
  ]::regclass[]) AS t;
SELECT audit_counts_of(t)
  FROM unnest(ARRAY['observation', 'projection_value', 'travel_matrix', 'travel_cost']::regclass[]) AS t;
