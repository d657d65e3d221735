-- Values converted from an earlier Gebietsstand (src/areas/convert/) are stored as observations of
-- the new areas whose data_source has kind 'conversion'; its details hold the method, the level,
-- the source and target Gebietsstand. A source kind rather than a flag column on observation:
-- every observation already names its source, and a re-import of counted values replaces the
-- converted ones through the usual upsert, so nothing else has to keep a flag in step.
ALTER TABLE data_source DROP CONSTRAINT data_source_kind_check;
ALTER TABLE data_source ADD CONSTRAINT data_source_kind_check
  CHECK (kind IN ('areas', 'table', 'microdata', 'demo', 'facilities', 'conversion'));
