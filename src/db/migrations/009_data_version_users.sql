-- Whether any account exists is public: the start configuration tells visitors that the city still
-- has to be set up. So creating or removing accounts counts as a change of the data version;
-- changes of existing accounts (logins, passwords, deactivation) and sessions still do not.

CREATE TRIGGER app_user_data_version_ins AFTER INSERT ON app_user
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_rows();
CREATE TRIGGER app_user_data_version_del AFTER DELETE ON app_user
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_rows();
ALTER TABLE app_user ENABLE ALWAYS TRIGGER app_user_data_version_ins;
ALTER TABLE app_user ENABLE ALWAYS TRIGGER app_user_data_version_del;
