/**
 * Auswertungen des Atlas: the statistics table (JSON, CSV, XLSX) and the Kennblatt as PDF.
 * Both only read; public visitors get disclosure-protected values without counts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse } from '../core/file-response.ts';
import { retainPdfBrowser } from '../reports/pdf.ts';
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
        access: 'optional',
        summary:
          'Statistiktabelle: Werte gewählter Gebiete mit übergeordneten Gebieten, Stadt und Zielwert ' +
          '(JSON, CSV oder XLSX; öffentlich: geheimhaltungsgeprüft, ohne Fallzahlen)',
        querystring: StatTableQuery,
        response: {
          200: fileResponse(
            'Die Tabelle als JSON, bei format=csv|xlsx als Datei',
            ['application/json', 'text/csv', XLSX],
            StatTable,
          ),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { format, ...request } = req.query;
      const table = await statisticsTable(app.db, req.user, request);
      if (format === 'json') return table;
      const name = `statistik_${table.level}_${table.date}.${format}`;
      void reply.header('content-disposition', `attachment; filename="${name}"`);
      // Files are sent as they are: Fastify serialises only objects (the JSON table)
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(statTableToCsv(table));
      return reply.type(XLSX).send(Buffer.from(await statTableToXlsx(table)));
    },
  );

  app.get(
    '/sheet/:key.pdf',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Kennblatt eines Indikators als PDF (A4)',
        params: SheetParams,
        querystring: SheetQuery,
        response: {
          200: fileResponse('Das Kennblatt', ['application/pdf']),
          400: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
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
