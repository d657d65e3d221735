/**
 * Generated reports: made from a stored template for a target (level, area, Stichtag) and an
 * audience, stored with the report model, its data version and content hash, downloadable,
 * regenerated from the stored model (the same numbers by construction) and verified against the
 * current data. Also the direct rendering without storing (previews, public Steckbrief download).
 *
 * Audience: `public` → assembled as `null` (disclosure-protected values only) whoever asks;
 * otherwise as the user (planners get unprotected values: an internal draft). Internal reports
 * are shown only to users who may read unpublished data; the others are published. A scoped
 * planner's report of an own area is internal to their scope (report-scope.ts): its planners see
 * it too.
 */
import { deepestLevel, findArea, getTerritory, listLevels } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { authorize, can } from '../auth/policy.ts';
import { badRequest, forbidden, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { pickStichtag } from '../indicators/stichtag.ts';
import { assembleReport, refuseStatementTemplate } from './assemble-report.ts';
import { plannedScope, plansScope, reportAudience, storedAudience } from './report-scope.ts';
import { contentDisposition, reportFileName } from './file-name.ts';
import { REPORT_MEDIA_TYPES, renderReport, type ReportFormat } from './render.ts';
import { reportHash, type ReportModel } from './report-model.ts';
import { enqueueReport, JOB_CLAIMANT, type JobLog } from './report.jobs.ts';
import * as repo from './report.repository.ts';
import { ReportTemplate } from './report.schema.ts';
import type { CreateReportBody, RenderQuery, ReportMeta, VerifyResult } from './report-store.schema.ts';
import { requireTemplate, storedTemplates } from './template.service.ts';

/** A resolved target: every field checked against the database. */
export interface Target {
  level: string;
  area: string | null;
  date: string;
  /** Name of the area, or of the city for city templates (file names, preliminary titles). */
  placeName: string;
}

/**
 * Checks and completes what a report is made for: level (default the finest), area (area
 * templates only) and Stichtag (a date, or a year meaning its last Stichtag; default the Datenstand).
 * @throws reports.statement_template, areas.unknown_level, reports.area_required,
 *   reports.unknown_area, reports.unknown_date
 */
export async function resolveTarget(
  db: Db,
  template: ReportTemplate,
  input: { level?: string; area?: string; date?: string },
): Promise<Target> {
  refuseStatementTemplate(template);
  const level = input.level ?? (await deepestLevel(db))?.key;
  const levels = await listLevels(db);
  const known = levels.find((l) => l.key === level);
  if (!level || !known)
    throw notFound('areas.unknown_level', `Die Ebene „${level ?? ''}“ gibt es nicht.`, { level });
  let area: string | null = null;
  let placeName = (await getTerritory(db))?.name ?? '';
  if (template.scope === 'area') {
    if (!input.area)
      throw badRequest(
        'reports.area_required',
        `Die Vorlage „${template.name}“ gilt für ein Gebiet; bitte ein Gebiet wählen.`,
        { template: template.key },
      );
    const row = await findArea(db, level, input.area);
    if (!row)
      throw notFound(
        'reports.unknown_area',
        `Das Gebiet „${input.area}“ gibt es auf der Ebene „${known.name}“ nicht.`,
        { level, area: input.area },
      );
    area = row.key;
    placeName = row.name;
  }
  const dates = await listDates(db);
  const spec =
    input.date && /^\d{4}$/.test(input.date)
      ? (dates.filter((d) => d.startsWith(input.date!)).at(-1) ?? input.date)
      : input.date;
  const date = dates[pickStichtag(dates, spec, await currentDate(db), 'reports.unknown_date')]!;
  return { level, area, date, placeName };
}

const viewOf = ({ createdById: _, ...meta }: repo.ReportRow): ReportMeta => meta;

/**
 * Internal drafts only for users who may read unpublished data, a scope's reports also for the
 * scope's planners (401 anonymous, 403 others).
 */
function checkVisible(user: User | null, row: repo.ReportRow) {
  if (row.internal && !(row.scope && plansScope(user, row.scope))) authorize(user, 'data.readUnpublished');
}

/** @throws reports.not_found (404), and 401/403 for an internal report the user may not see */
async function requireVisible(db: Db, user: User | null, id: number): Promise<repo.ReportRow> {
  const row = await repo.findReport(db, id);
  if (!row) throw notFound('reports.not_found', `Den Bericht Nr. ${id} gibt es nicht.`, { id });
  checkVisible(user, row);
  return row;
}

function requireDone(row: repo.ReportRow) {
  if (row.status === 'running')
    throw new LagebildError(
      'reports.not_ready',
      `Der Bericht „${row.title}“ wird noch erzeugt. Bitte gleich noch einmal versuchen.`,
      409,
      { id: row.id },
    );
  if (row.status === 'failed')
    throw new LagebildError(
      'reports.failed',
      `Der Bericht „${row.title}“ konnte nicht erzeugt werden: ${row.error ?? 'unbekannter Fehler'}`,
      409,
      { id: row.id },
    );
}

/** A stored report's document as a file with a German name (area or city, Stichtag). */
export interface ReportFile {
  bytes: Uint8Array;
  mediaType: string;
  disposition: string;
}

const fileOf = (bytes: Uint8Array, format: ReportFormat, name: string, download: boolean): ReportFile => ({
  bytes,
  mediaType: REPORT_MEDIA_TYPES[format],
  // Word files are for editing; PDF and HTML open in the browser unless a download is asked for
  disposition: contentDisposition(download || format === 'docx' ? 'attachment' : 'inline', name),
});

/**
 * Stores a report (`running`) and makes it in the background; the returned meta data is what the
 * client polls. The caller has checked `reports.create`.
 */
export async function createReport(
  db: Db,
  user: User,
  body: CreateReportBody,
  log?: JobLog,
): Promise<ReportMeta> {
  const { template } = await requireTemplate(db, body.template);
  const target = await resolveTarget(db, template, body);
  const audience = await reportAudience(db, user, template, target, body.public);
  const id = await repo.insertReport(db, {
    title: target.area ? `${template.name} ${target.placeName}` : template.name,
    templateKey: template.key,
    template,
    level: target.level,
    area: target.area,
    date: target.date,
    format: body.format,
    internal: audience.own || can(audience.user, 'data.readUnpublished'),
    scope: audience.scope,
    createdBy: user.id,
    claimedBy: JOB_CLAIMANT,
  });
  enqueueReport(
    db,
    id,
    async () => {
      const { level, area, date } = target;
      const model = await assembleReport(
        db,
        audience.user,
        template,
        { level, area, date },
        { resolveTemplate: storedTemplates(db), own: audience.own },
      );
      const document = await renderReport(model, body.format);
      await repo.finishReport(db, id, {
        title: model.title,
        internal: model.internal,
        modelJson: JSON.stringify(model),
        dataVersion: model.dataVersion,
        contentHash: reportHash(model),
        document,
      });
    },
    log,
  );
  return viewOf((await repo.findReport(db, id))!);
}

/** Reports the user may see, newest first: anonymous visitors only published, finished ones. */
export async function listVisibleReports(db: Db, user: User | null): Promise<{ reports: ReportMeta[] }> {
  const rows = await repo.listReports(db, {
    internal: can(user, 'data.readUnpublished'),
    scope: plannedScope(user),
    doneOnly: !can(user, 'data.readUnpublished'),
    ownerId: user?.id ?? null,
  });
  return { reports: rows.map(viewOf) };
}

export async function reportMeta(db: Db, user: User | null, id: number): Promise<ReportMeta> {
  return viewOf(await requireVisible(db, user, id));
}

/** @throws reports.not_ready / reports.failed (409) unless the report is done */
export async function reportFile(
  db: Db,
  user: User | null,
  id: number,
  download: boolean,
): Promise<ReportFile> {
  const row = await requireVisible(db, user, id);
  requireDone(row);
  const bytes = (await repo.loadDocument(db, id)) ?? new Uint8Array();
  const place = row.area
    ? ((await findArea(db, row.level, row.area))?.name ?? row.area)
    : ((await getTerritory(db))?.name ?? '');
  return fileOf(bytes, row.format, reportFileName([row.templateName, place], row.date, row.format), download);
}

/** Deletes a stored report: its creator or an admin (the caller has checked `reports.create`). */
export async function deleteStoredReport(db: Db, user: User, id: number): Promise<void> {
  const row = await requireVisible(db, user, id);
  if (row.createdById !== user.id && user.role !== 'admin') throw forbidden('reports.delete');
  await repo.deleteReport(db, id);
}

async function storedModel(db: Db, row: repo.ReportRow) {
  const snapshot = await repo.loadSnapshot(db, row.id);
  if (!snapshot?.modelJson) throw notFound('reports.not_found', `Den Bericht Nr. ${row.id} gibt es nicht.`);
  return { modelJson: snapshot.modelJson, template: ReportTemplate.parse(snapshot.template) };
}

/**
 * Renders the stored model of a finished report again (in any format) as a new stored report: the
 * same numbers, data version and content hash by construction.
 */
export async function regenerateReport(
  db: Db,
  user: User,
  id: number,
  format: ReportFormat | undefined,
  log?: JobLog,
): Promise<ReportMeta> {
  const row = await requireVisible(db, user, id);
  requireDone(row);
  const { modelJson, template } = await storedModel(db, row);
  const model = JSON.parse(modelJson) as ReportModel;
  const contentHash = reportHash(model);
  const newId = await repo.insertReport(db, {
    title: row.title,
    templateKey: row.template,
    template,
    level: row.level,
    area: row.area,
    date: row.date,
    format: format ?? row.format,
    internal: row.internal,
    scope: row.scope && { level: row.scope.level, key: row.scope.key },
    createdBy: user.id,
    claimedBy: JOB_CLAIMANT,
    model: { json: modelJson, dataVersion: row.dataVersion ?? model.dataVersion, contentHash },
  });
  enqueueReport(
    db,
    newId,
    async () => {
      const document = await renderReport(model, format ?? row.format);
      await repo.finishReport(db, newId, {
        title: model.title,
        internal: model.internal,
        modelJson,
        dataVersion: model.dataVersion,
        contentHash,
        document,
      });
    },
    log,
  );
  return viewOf((await repo.findReport(db, newId))!);
}

/**
 * Makes the report again from the current data with its stored template, target and audience and
 * compares: with the same data version the content must be the same.
 */
export async function verifyReport(db: Db, user: User, id: number): Promise<VerifyResult> {
  const row = await requireVisible(db, user, id);
  requireDone(row);
  const { template } = await storedModel(db, row);
  // an internal report is visible only to users who see unprotected values, so `user` rebuilds
  // it; a scope's report is rebuilt as its planners see it, whoever of them or the Kreis asks
  const audience = storedAudience(user, row);
  const model = await assembleReport(
    db,
    audience.user,
    template,
    { level: row.level, area: row.area, date: row.date },
    { resolveTemplate: storedTemplates(db), own: audience.own },
  );
  const dataVersion = row.dataVersion ?? '';
  return {
    dataVersion,
    currentDataVersion: model.dataVersion,
    sameDataVersion: dataVersion === model.dataVersion,
    sameContent: reportHash(model) === row.contentHash,
  };
}

/** Documents with a Steckbrief of every area, made one after another (memory, one Chromium). */
let longReports: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = longReports.then(work, work);
  longReports = run.catch(() => undefined);
  return run;
}

/**
 * A document made now without storing it (preview, download, the public „Steckbrief als PDF“).
 * A Sozialbericht with all Steckbriefe takes seconds (demo: ~6 s as PDF): such requests wait for
 * each other instead of running side by side.
 */
export async function renderNow(db: Db, user: User | null, q: RenderQuery): Promise<ReportFile> {
  const { template } = await requireTemplate(db, q.template);
  const long = template.chapters.some((c) => c.blocks.some((b) => b.type === 'area_profiles'));
  return long ? oneAtATime(() => renderTarget(db, user, q, template)) : renderTarget(db, user, q, template);
}

async function renderTarget(
  db: Db,
  user: User | null,
  q: RenderQuery,
  template: ReportTemplate,
): Promise<ReportFile> {
  const target = await resolveTarget(db, template, q);
  const { level, area, date } = target;
  // a scoped planner's own area: the internal document of their scope, as the Steckbrief page
  const audience = await reportAudience(db, user, template, target, q.public);
  const model = await assembleReport(
    db,
    audience.user,
    template,
    { level, area, date },
    { resolveTemplate: storedTemplates(db), own: audience.own },
  );
  const bytes = await renderReport(model, q.format);
  return fileOf(
    bytes,
    q.format,
    reportFileName([template.name, target.placeName], target.date, q.format),
    false,
  );
}
