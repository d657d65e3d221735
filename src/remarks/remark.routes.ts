/**
 * Remarks on the map under `/api/remarks`: anyone sends one (no session, small body, limited per
 * minute); planners moderate (`participation.edit`); approved ones are counted per area for
 * everyone, with their texts for planners.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  AreaRemarks,
  NewRemark,
  QueueQuery,
  Remark,
  RemarkModeration,
  RemarkParams,
  RemarkQuery,
  RemarkReceipt,
} from './remark.schema.ts';
import { moderateRemark, remarkQueue, remarksByArea, submitRemark } from './remark.service.ts';

const TAGS = ['Beteiligung'];
const ACTION = 'participation.edit';
export const REMARK_BODY_LIMIT = 8 * 1024;

export const remarkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      bodyLimit: REMARK_BODY_LIMIT,
      // the limiter keeps addresses in memory for a minute only; nothing is stored with the remark
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Hinweis auf der Karte senden (ohne Anmeldung; erscheint erst nach Prüfung)',
        body: NewRemark,
        response: { 200: RemarkReceipt, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req) => {
      const { area } = await submitRemark(app.db, req.body);
      return {
        ok: true as const,
        area,
        message:
          'Vielen Dank für Ihren Hinweis! Er erscheint, sobald ihn jemand aus der Verwaltung gelesen hat.',
      };
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Freigegebene Hinweise je Gebiet einer Ebene (Anzahl; mit Text für Planende und für die Gremien des Gebiets)',
        querystring: RemarkQuery,
        response: { 200: AreaRemarks, 404: ErrorBody },
      },
    },
    (req) => remarksByArea(app.db, req.user, req.query.level),
  );

  app.get(
    '/queue',
    {
      preValidation: async (req) => authorize(req.user, ACTION),
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Hinweise zur Moderation (Standard: ungeprüfte)',
        querystring: QueueQuery,
        response: { 200: z.array(Remark), 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return remarkQueue(app.db, req.query.status);
    },
  );

  app.post(
    '/:id/moderation',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Hinweis freigeben oder ablehnen',
        params: RemarkParams,
        body: RemarkModeration,
        response: { 204: z.null(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, ACTION);
      await moderateRemark(app.db, req.params.id, req.body.status);
      return reply.status(204).send(null);
    },
  );
};
