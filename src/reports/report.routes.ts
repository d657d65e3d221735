/**
 * Berichte: report templates, stored reports (generated in the background, downloadable,
 * regenerated, verified) and direct rendering for previews and the public Steckbrief download.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { LagebildError } from '../core/errors.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse } from '../core/file-response.ts';
import { retainPdfBrowser } from './pdf.ts';
import { REPORT_MEDIA_TYPES } from './render.ts';
import { failInterrupted, settleReports, type JobLog } from './report.jobs.ts';
import {
  createReport,
  deleteStoredReport,
  listVisibleReports,
  regenerateReport,
  renderNow,
  reportFile,
  reportMeta,
  verifyReport,
  type ReportFile,
} from './report.service.ts';
import {
  CreateReportBody,
  ImportResult,
  RegenerateBody,
  RenderQuery,
  ReportIdParams,
  ReportList,
  ReportMeta,
  TemplateImport,
  TemplateKeyParams,
  TemplateList,
  DownloadQuery,
  VerifyResult,
} from './report-store.schema.ts';
import { ReportTemplate } from './report.schema.ts';
import {
  importTemplates,
  listTemplateSummaries,
  putTemplate,
  removeTemplate,
  requireTemplate,
  resetTemplate,
} from './template.service.ts';

const tags = ['Berichte'];
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const writeErrors = { ...readErrors, 503: ErrorBody };
/** The document of a report: HTML, PDF or Word. */
const reportDocument = fileResponse('Der Bericht als HTML, PDF oder Word', Object.values(REPORT_MEDIA_TYPES));
/** Direct renders per user (anonymous: per client address) and minute: a PDF costs a Chromium page. */
const RENDER_LIMIT = 30;
/** Stored reports made (generated or regenerated) per user and minute. */
const STORE_LIMIT = 20;

/** Report work is limited per user, so one account cannot keep the renderer busy from many addresses. */
const perUser = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => (req.user ? `user:${req.user.id}` : `address:${req.ip}`),
    errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new LagebildError(
        'reports.rate_limited',
        `Zu viele Berichte in kurzer Zeit. Bitte in ${seconds} Sekunden erneut versuchen.`,
        429,
        { retryAfterSeconds: seconds },
      );
    },
  },
});

function sendFile(reply: FastifyReply, file: ReportFile) {
  void reply.header('content-type', file.mediaType).header('content-disposition', file.disposition);
  // the report HTML carries everything inline and runs no script; keep it that way in browsers.
  // Reports are framed by the app's own preview, by no one else.
  void reply.header('x-frame-options', 'SAMEORIGIN');
  void reply.header(
    'content-security-policy',
    file.mediaType.startsWith('text/html')
      ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'"
      : "default-src 'none'; frame-ancestors 'self'",
  );
  return reply.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const releasePdf = retainPdfBrowser();
  const log: JobLog = (err, reportId) => app.log.error({ err, reportId }, 'Bericht nicht erzeugt');
  // reports a previous process left unfinished can never finish now
  app.addHook('onReady', async () => {
    try {
      await failInterrupted(app.db);
    } catch (err) {
      // a database not migrated yet (tools that build the app first) has no reports to recover
      if ((err as { code?: string }).code !== '42P01') throw err;
    }
  });
  app.addHook('onClose', async () => {
    await settleReports(app.db);
    await releasePdf();
  });

  // ---- templates --------------------------------------------------------------------------
  app.get(
    '/templates',
    { schema: { tags, access: 'public', summary: 'Alle Berichtsvorlagen', response: { 200: TemplateList } } },
    () => listTemplateSummaries(app.db),
  );

  app.post(
    '/templates/import',
    {
      schema: {
        tags,
        access: 'reports.edit',
        summary: 'Berichtsvorlagen aus JSON importieren (eine oder mehrere; alle oder keine)',
        body: TemplateImport,
        response: { 200: ImportResult, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'reports.edit');
      return importTemplates(app.db, Array.isArray(req.body) ? req.body : [req.body], req.user);
    },
  );

  app.get(
    '/templates/:key',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'Eine Berichtsvorlage als JSON (download=1: als Datei)',
        params: TemplateKeyParams,
        querystring: DownloadQuery,
        response: { 200: ReportTemplate, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const { template } = await requireTemplate(app.db, req.params.key);
      if (req.query.download)
        void reply.header('content-disposition', `attachment; filename="${template.key}.json"`);
      return template;
    },
  );

  app.put(
    '/templates/:key',
    {
      schema: {
        tags,
        access: 'reports.edit',
        summary: 'Berichtsvorlage anlegen oder ersetzen',
        params: TemplateKeyParams,
        body: ReportTemplate,
        response: { 200: ReportTemplate, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'reports.edit');
      return putTemplate(app.db, req.params.key, req.body, req.user);
    },
  );

  app.delete(
    '/templates/:key',
    {
      schema: {
        tags,
        access: 'reports.edit',
        summary: 'Berichtsvorlage löschen (eingebaute nicht)',
        params: TemplateKeyParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'reports.edit');
      await removeTemplate(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/templates/:key/reset',
    {
      schema: {
        tags,
        access: 'reports.edit',
        summary: 'Eingebaute Berichtsvorlage auf die ausgelieferte Fassung zurücksetzen',
        params: TemplateKeyParams,
        response: { 200: ReportTemplate, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'reports.edit');
      return resetTemplate(app.db, req.params.key, req.user);
    },
  );

  // ---- direct rendering ---------------------------------------------------------------------
  app.get(
    '/render',
    {
      schema: {
        tags,
        access: 'optional',
        summary:
          'Bericht sofort erzeugen, ohne ihn zu speichern (Vorschau, öffentlicher Steckbrief; anonym: geheimhaltungsgeprüft)',
        querystring: RenderQuery,
        response: { 200: reportDocument, ...writeErrors, 429: ErrorBody },
      },
      config: perUser(RENDER_LIMIT),
    },
    async (req, reply) => sendFile(reply, await renderNow(app.db, req.user, req.query)),
  );

  // ---- stored reports -----------------------------------------------------------------------
  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Gespeicherte Berichte, neueste zuerst (anonym: nur veröffentlichte, fertige)',
        response: { 200: ReportList },
      },
    },
    (req) => listVisibleReports(app.db, req.user),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        access: 'reports.create',
        summary: 'Bericht erzeugen und speichern (läuft im Hintergrund: 202, dann Status abfragen)',
        body: CreateReportBody,
        response: { 202: ReportMeta, ...writeErrors, 429: ErrorBody },
      },
      config: perUser(STORE_LIMIT),
    },
    async (req, reply) => {
      authorize(req.user, 'reports.create');
      return reply.status(202).send(await createReport(app.db, req.user, req.body, log));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Ein gespeicherter Bericht (Metadaten, Status)',
        params: ReportIdParams,
        response: { 200: ReportMeta, ...readErrors },
      },
    },
    (req) => reportMeta(app.db, req.user, req.params.id),
  );

  app.get(
    '/:id/file',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Das Dokument eines gespeicherten Berichts (409, solange er erzeugt wird)',
        params: ReportIdParams,
        querystring: DownloadQuery,
        response: { 200: reportDocument, ...readErrors },
      },
    },
    async (req, reply) =>
      sendFile(reply, await reportFile(app.db, req.user, req.params.id, req.query.download)),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        access: 'reports.create',
        summary: 'Gespeicherten Bericht löschen (Ersteller oder Administration)',
        params: ReportIdParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'reports.create');
      await deleteStoredReport(app.db, req.user, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/regenerate',
    {
      schema: {
        tags,
        access: 'reports.create',
        summary:
          'Aus dem gespeicherten Stand neu ausgeben (gleiche Zahlen, gleicher Inhalts-Hash), als neuer Bericht',
        params: ReportIdParams,
        body: RegenerateBody,
        response: { 202: ReportMeta, ...writeErrors, 429: ErrorBody },
      },
      config: perUser(STORE_LIMIT),
    },
    async (req, reply) => {
      authorize(req.user, 'reports.create');
      const meta = await regenerateReport(app.db, req.user, req.params.id, req.body?.format, log);
      return reply.status(202).send(meta);
    },
  );

  app.post(
    '/:id/verify',
    {
      schema: {
        tags,
        access: 'reports.create',
        summary: 'Mit den aktuellen Daten neu erzeugen und mit dem gespeicherten Stand vergleichen',
        params: ReportIdParams,
        response: { 200: VerifyResult, ...writeErrors },
      },
    },
    (req) => {
      authorize(req.user, 'reports.create');
      return verifyReport(app.db, req.user, req.params.id);
    },
  );
};
