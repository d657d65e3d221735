-- A report a municipality's planner makes of their own area carries their unprotected values: it is
-- internal to that municipality's scope (src/reports/report-scope.ts). The scope names the area by
-- level and Gebietsschlüssel, as app_user.scope does (migration 023). NULL = no scope: published, or
-- internal to the whole installation's planners.
ALTER TABLE report ADD COLUMN scope_level text;
ALTER TABLE report ADD COLUMN scope_key text;
ALTER TABLE report ADD CONSTRAINT report_scope_both CHECK ((scope_level IS NULL) = (scope_key IS NULL));
ALTER TABLE report ADD CONSTRAINT report_scope_internal CHECK (scope_level IS NULL OR internal);
