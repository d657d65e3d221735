/**
 * SQL for generated reports (table `report`, migrations 003 and 026). Large columns are read only
 * on demand.
 */
import type { Scope } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import type { ReportFormat } from './render.ts';
import type { ReportMeta } from './report-store.schema.ts';

/** A report row without model and document, plus what the service needs for access checks. */
export interface ReportRow extends ReportMeta {
  createdById: number | null;
}

interface MetaRow {
  id: number;
  title: string;
  template_key: string;
  template_name: string | null;
  level: string;
  area: string | null;
  ref_date: string;
  format: ReportFormat;
  internal: boolean;
  scope_level: string | null;
  scope_key: string | null;
  scope_name: string | null;
  status: ReportMeta['status'];
  error: string | null;
  data_version: string | null;
  content_hash: string | null;
  size: number | null;
  created_by: number | null;
  display_name: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
  [k: string]: unknown;
}

const META = `r.id, r.title, r.template_key, r.template ->> 'name' AS template_name, r.level, r.area,
  r.ref_date, r.format, r.internal, r.scope_level, r.scope_key,
  (SELECT a.name FROM area a JOIN area_level l ON l.id = a.level_id
    WHERE l.key = r.scope_level AND a.key = r.scope_key AND a.valid_to IS NULL LIMIT 1) AS scope_name,
  r.status, r.error, r.data_version, r.content_hash, r.size,
  r.created_by, u.display_name, r.created_at, r.finished_at
  FROM report r LEFT JOIN app_user u ON u.id = r.created_by`;

const iso = (t: string | Date) => new Date(t).toISOString();

const toRow = (r: MetaRow): ReportRow => ({
  id: r.id,
  title: r.title,
  template: r.template_key,
  templateName: r.template_name ?? r.template_key,
  level: r.level,
  area: r.area,
  date: r.ref_date,
  format: r.format,
  internal: r.internal,
  scope:
    r.scope_level !== null && r.scope_key !== null
      ? { level: r.scope_level, key: r.scope_key, name: r.scope_name }
      : null,
  status: r.status,
  error: r.error,
  dataVersion: r.data_version,
  contentHash: r.content_hash,
  size: r.size,
  createdBy: r.display_name,
  createdById: r.created_by,
  createdAt: iso(r.created_at),
  finishedAt: r.finished_at === null ? null : iso(r.finished_at),
});

export interface NewReport {
  title: string;
  templateKey: string;
  /** The template as used (frozen copy). */
  template: unknown;
  level: string;
  area: string | null;
  date: string;
  format: ReportFormat;
  internal: boolean;
  /** The scope a scope-internal report belongs to (report-scope.ts); null otherwise. */
  scope: Scope | null;
  createdBy: number;
  /** A regeneration starts from a stored model: its JSON text, data version and hash. */
  model?: { json: string; dataVersion: string; contentHash: string };
  /** The process that makes it (see report.jobs.ts): claimed at once, with a fresh heartbeat. */
  claimedBy: string;
}

/** Stores a report with status `running`, claimed by `r.claimedBy`; returns its id. */
export async function insertReport(db: Db, r: NewReport): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO report (title, template_key, template, level, area, ref_date, format, internal, status,
       created_by, model, data_version, content_hash, claimed_by, heartbeat_at, scope_level, scope_key)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, 'running', $9, $10::json, $11, $12, $13, now(), $14, $15)
     RETURNING id`,
    [
      r.title,
      r.templateKey,
      JSON.stringify(r.template),
      r.level,
      r.area,
      r.date,
      r.format,
      r.internal,
      r.createdBy,
      r.model?.json ?? null,
      r.model?.dataVersion ?? null,
      r.model?.contentHash ?? null,
      r.claimedBy,
      r.scope?.level ?? null,
      r.scope?.key ?? null,
    ],
  );
  return row!.id;
}

export interface FinishedReport {
  title: string;
  internal: boolean;
  /** The report model as JSON text, stored as written (json column). */
  modelJson: string;
  dataVersion: string;
  contentHash: string;
  document: Uint8Array;
}

/** Marks a running report done with its document. False when the row is gone (deleted meanwhile). */
export async function finishReport(db: Db, id: number, f: FinishedReport): Promise<boolean> {
  const rows = await db.query(
    `UPDATE report SET status = 'done', title = $2, internal = $3, model = $4::json, data_version = $5,
       content_hash = $6, document = $7, size = $8, error = NULL, finished_at = now()
     WHERE id = $1 AND status = 'running' RETURNING id`,
    [id, f.title, f.internal, f.modelJson, f.dataVersion, f.contentHash, f.document, f.document.byteLength],
  );
  return rows.length > 0;
}

export async function failReport(db: Db, id: number, message: string): Promise<void> {
  await db.query(
    `UPDATE report SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
    [id, message],
  );
}

/** Keeps the claims of process `claimant` alive: its running reports get a fresh heartbeat. */
export async function heartbeat(db: Db, claimant: string): Promise<void> {
  await db.query(`UPDATE report SET heartbeat_at = now() WHERE claimed_by = $1 AND status = 'running'`, [
    claimant,
  ]);
}

/**
 * Marks as failed the running reports of other processes whose heartbeat is older than
 * `staleSeconds` (or missing): their process stopped. Rows another process is updating right now
 * are skipped (SKIP LOCKED), so two processes sweeping at once never block each other.
 * @returns how many reports were marked
 */
export async function failStale(
  db: Db,
  message: string,
  claimant: string,
  staleSeconds: number,
): Promise<number> {
  const rows = await db.query(
    `UPDATE report SET status = 'failed', error = $1, finished_at = now()
      WHERE id IN (
        SELECT id FROM report
         WHERE status = 'running' AND claimed_by IS DISTINCT FROM $2
           AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $3::float8))
         FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [message, claimant, staleSeconds],
  );
  return rows.length;
}

export async function findReport(db: Db, id: number): Promise<ReportRow | null> {
  const [row] = await db.query<MetaRow>(`SELECT ${META} WHERE r.id = $1`, [id]);
  return row ? toRow(row) : null;
}

export interface ListFilter {
  /** Include internal drafts (users who may read unpublished data). */
  internal: boolean;
  /** Include the internal reports of this scope (its planners). */
  scope: Scope | null;
  /** Only finished reports (anonymous visitors). */
  doneOnly: boolean;
  /** Also this user's own reports whatever their status. */
  ownerId: number | null;
}

/** Reports the filter lets through, newest first. */
export async function listReports(db: Db, f: ListFilter): Promise<ReportRow[]> {
  const rows = await db.query<MetaRow>(
    `SELECT ${META}
      WHERE ($1::boolean OR NOT r.internal OR (r.scope_level = $4::text AND r.scope_key = $5::text))
        AND (NOT $2::boolean OR r.status = 'done' OR r.created_by = $3::int)
      ORDER BY r.created_at DESC, r.id DESC`,
    [f.internal, f.doneOnly, f.ownerId, f.scope?.level ?? null, f.scope?.key ?? null],
  );
  return rows.map(toRow);
}

/** The stored model as JSON text (exactly as stored) and the frozen template. */
export async function loadSnapshot(
  db: Db,
  id: number,
): Promise<{ modelJson: string | null; template: unknown } | null> {
  // model::text returns the json column as stored; the driver would parse it otherwise
  const [row] = await db.query<{ model: string | null; template: unknown }>(
    'SELECT model::text AS model, template FROM report WHERE id = $1',
    [id],
  );
  if (!row) return null;
  const template = typeof row.template === 'string' ? (JSON.parse(row.template) as unknown) : row.template;
  return { modelJson: row.model, template };
}

export async function loadDocument(db: Db, id: number): Promise<Uint8Array | null> {
  const [row] = await db.query<{ document: Uint8Array | null }>('SELECT document FROM report WHERE id = $1', [
    id,
  ]);
  return row?.document ?? null;
}

export async function deleteReport(db: Db, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM report WHERE id = $1 RETURNING id', [id])).length > 0;
}
