-- The data version: one counter that every write to data behind public outputs raises, in the
-- same transaction as the write. Caches of public responses and of protected tables are keyed by
-- it, so several server processes on one PostgreSQL agree on when their caches are stale.
-- Sessions, users and generated reports are not data behind public outputs and do not count.

CREATE TABLE data_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id), -- exactly one row
  version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (true, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END
$$;

-- Statement-level: a bulk import of thousands of rows raises the counter once per statement, not
-- per row. ENABLE ALWAYS: the embedded engine's bulk load runs with session_replication_role =
-- replica, which would otherwise silence the trigger.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'data_source', 'territory', 'area_level', 'area', 'variable', 'observation',
    'observation_history', 'indicator', 'facility', 'import_profile', 'app_setting',
    'composite_index', 'warning_rule', 'report_template'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
        'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
      t || '_data_version', t);
    EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_data_version');
  END LOOP;
END
$$;
