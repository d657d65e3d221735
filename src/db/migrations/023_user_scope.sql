-- Territory scope of an account: in a Kreis, a municipality's planners see their own
-- municipality's unprotected data and edit it, and see only protected values elsewhere
-- (src/auth/scope.ts). The scope names an area by level and Gebietsschlüssel rather than by id:
-- a new Gebietsstand replaces area rows, the municipality and its key stay. NULL = the whole
-- installation (the Kreis, or a city without municipalities).
ALTER TABLE app_user ADD COLUMN scope_level text;
ALTER TABLE app_user ADD COLUMN scope_key text;
ALTER TABLE app_user ADD CONSTRAINT app_user_scope_both
  CHECK ((scope_level IS NULL) = (scope_key IS NULL));
