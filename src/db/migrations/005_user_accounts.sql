-- User accounts that administrators manage: deactivation (a deactivated user cannot log in and
-- has no sessions), the last successful login, and when the password was last set.

ALTER TABLE app_user ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE app_user ADD COLUMN last_login_at timestamptz;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

-- Ending all sessions of one user (password change, deactivation) looks them up by user.
CREATE INDEX user_session_user ON user_session (user_id);
