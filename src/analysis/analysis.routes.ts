/**
 * Auswertungen des Atlas: the statistics table (JSON, CSV, XLSX) and the Kennblatt as PDF.
 * Both only read; public visitors get disclosure-protected values without counts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { retainPdfBrowser } from '../reports/pdf.ts';
import { ErrorBody } from '../server/error.schema.ts';
import { sheetPdf } from './sheet.service.ts';
import { statTableToCsv, statTableToXlsx } from './table-export.ts';
import { StatTable, StatTableQuery } from './table.schema.ts';
import { statisticsTable } from './table.service.ts';

const tags = ['Auswertung'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SheetParams = z.object({ key: z.string().min(1).describe('Indicator key') });
const SheetQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .optional()
    .describe('Stichtag YYYY-MM-DD or a year; default the latest'),
});

export const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  // The PDF browser starts with the first Kennblatt and closes with the app.
  app.addHook('onClose', retainPdfBrowser());

  app.get(
    '/table',
    {
      schema: {
        tags,
        summary:
          'Statistiktabelle: Werte gewählter Gebiete mit übergeordneten Gebieten, Stadt und Zielwert ' +
          '(JSON, CSV oder XLSX; öffentlich: geheimhaltungsgeprüft, ohne Fallzahlen)',
        querystring: StatTableQuery,
        // 200 is JSON (StatTable) or a file for format=csv|xlsx
        response: { 200: StatTable, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const { format, ...request } = req.query;
      const table = await statisticsTable(app.db, req.user, request);
      if (format === 'json') return table;
      const name = `statistik_${table.level}_${table.date}.${format}`;
      void reply.header('content-disposition', `attachment; filename="${name}"`);
      // Files are sent as they are (Fastify serialises only objects); the 200 schema documents JSON.
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(statTableToCsv(table) as never);
      return reply.type(XLSX).send(Buffer.from(await statTableToXlsx(table)) as never);
    },
  );

  app.get(
    '/sheet/:key.pdf',
    {
      schema: {
        tags,
        summary: 'Kennblatt eines Indikators als PDF (A4)',
        params: SheetParams,
        querystring: SheetQuery,
        // No response schema: the body is a PDF; errors are ErrorBody (400, 404, 429, 503) as everywhere.
      },
      // a sheet costs a Chromium page (~0.3 s of CPU): no flood from one client
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const file = await sheetPdf(app.db, req.user, req.params.key, req.query.date);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(Buffer.from(file.body));
    },
  );
};
