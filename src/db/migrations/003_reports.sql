-- Kommunikation (issue 5): report templates as data and every generated report with the data
-- version and the content hash it was made from, so that it can be downloaded, regenerated and checked.

-- A report template (chapters of typed blocks, see src/reports/report.schema.ts). Built-ins are
-- inserted when missing and can be edited and reset, but not deleted.
CREATE TABLE report_template (
  key        text PRIMARY KEY,
  definition jsonb NOT NULL,
  builtin    boolean NOT NULL DEFAULT false,
  updated_by integer REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A generated report. `template` is the frozen copy of the template used; `model` the report model
-- (every number and text of the document) as JSON text. `model` is json, not jsonb, on purpose:
-- json keeps the text as written, so the sha256 of the stored snapshot equals `content_hash`
-- (jsonb would reorder object keys).
CREATE TABLE report (
  id           serial PRIMARY KEY,
  title        text NOT NULL,
  template_key text NOT NULL,
  template     jsonb NOT NULL,
  level        text NOT NULL,
  area         text,
  ref_date     date NOT NULL,
  format       text NOT NULL CHECK (format IN ('pdf', 'docx', 'html')),
  internal     boolean NOT NULL,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  error        text,
  data_version text,
  content_hash text,
  model        json,
  document     bytea,
  size         integer,
  created_by   integer REFERENCES app_user (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);

CREATE INDEX report_created_idx ON report (created_at DESC, id DESC);
-- startup looks for rows a crashed process left running
CREATE INDEX report_running_idx ON report (status) WHERE status = 'running';
