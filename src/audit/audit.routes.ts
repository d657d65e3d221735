/** `GET /api/audit`: the audit log, for administrators only (`users.manage`). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { AuditPage, AuditQuery } from './audit.schema.ts';
import { auditPage } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Verwaltung'],
        access: 'users.manage',
        summary: 'Änderungsprotokoll: wer hat wann welchen Datensatz geändert (vorher/nachher)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      return auditPage(app.db, req.query);
    },
  );
};
