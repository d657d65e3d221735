/**
 * `GET /api/measures/{id}/document`: the Beschlussvorlage of a measure through the report machinery
 * (measure-report.ts). Registered beside the measure routes under `/api/measures`; it lives with the
 * reports so that measures never depend on them. For planners: it shows unprotected values.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse } from '../core/file-response.ts';
import { MeasureParams } from '../measures/measure.schema.ts';
import { measureDocument } from './measure-report.ts';
import { REPORT_MEDIA_TYPES } from './render.ts';

const MeasureDocumentQuery = z.object({
  format: z.enum(['pdf', 'docx', 'html']).default('pdf'),
  template: z.string().min(1).max(63).optional().describe('Template of scope `measure`; default `massnahme`'),
});

export const measureDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/document',
    {
      preValidation: async (req) => authorize(req.user, 'measures.edit'),
      schema: {
        tags: ['Steuerung'],
        access: 'measures.edit',
        summary:
          'Beschlussvorlage zu einer Maßnahme als PDF, Word oder HTML (Vorlage „Beschlussvorlage zu einer Maßnahme“)',
        params: MeasureParams,
        querystring: MeasureDocumentQuery,
        response: {
          200: fileResponse('Die Beschlussvorlage als Dokument', Object.values(REPORT_MEDIA_TYPES)),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'measures.edit');
      const file = await measureDocument(
        app.db,
        req.user,
        req.params.id,
        req.query.format,
        req.query.template,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', file.disposition)
        .header('x-frame-options', 'SAMEORIGIN')
        .send(Buffer.from(file.bytes));
    },
  );
};
