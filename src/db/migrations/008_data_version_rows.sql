-- The data version counts statements that change rows, not every statement: set-up code runs
-- `INSERT … ON CONFLICT DO NOTHING` for built-ins on every start and every command, which changes
-- nothing but fired the statement triggers of migration 004, so each start threw away every cache.
-- The triggers now see the rows the statement changed (transition tables) and count only when
-- there are some. TRUNCATE has no transition table and always counts.
--
-- Tables behind public outputs that later migrations add: SELECT track_data_version('new_table');

CREATE FUNCTION bump_data_version_if_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM changed) THEN
    UPDATE data_version SET version = version + 1;
  END IF;
  RETURN NULL;
END
$$;

-- A transition table allows one event per trigger, so each table gets four. ENABLE ALWAYS: the
-- embedded engine's bulk load runs with session_replication_role = replica.
CREATE FUNCTION track_data_version(tab regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  base text := (SELECT relname FROM pg_class WHERE oid = tab);
  spec text[];
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_data_version', tab);
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['ins', 'INSERT', 'REFERENCING NEW TABLE AS changed', 'bump_data_version_if_rows'],
    ['upd', 'UPDATE', 'REFERENCING NEW TABLE AS changed', 'bump_data_version_if_rows'],
    ['del', 'DELETE', 'REFERENCING OLD TABLE AS changed', 'bump_data_version_if_rows'],
    ['trunc', 'TRUNCATE', '', 'bump_data_version']
  ] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_data_version_' || spec[1], tab);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      base || '_data_version_' || spec[1], spec[2], tab, spec[3], spec[4]);
    EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', tab, base || '_data_version_' || spec[1]);
  END LOOP;
END
$$;

-- Every table that has the trigger of migration 004 (or of a later migration that copied it).
SELECT track_data_version(t.tgrelid::regclass)
FROM pg_trigger t
WHERE t.tgname = (SELECT relname FROM pg_class WHERE oid = t.tgrelid) || '_data_version'
  AND NOT t.tgisinternal;
