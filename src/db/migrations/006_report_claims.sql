-- Several server processes on one PostgreSQL: a background report belongs to the process that
-- claimed it (`claimed_by`, an id unique per process start) and that process keeps
-- `heartbeat_at` fresh while the report waits or is being made. Only a report whose heartbeat is
-- stale (its process stopped or crashed) may be marked failed by another process.
ALTER TABLE report ADD COLUMN claimed_by text;
ALTER TABLE report ADD COLUMN heartbeat_at timestamptz;
