/**
 * The Pflegebedarfsplan under `/api/care`: computed from the unprotected population projection,
 * so for planners and administrators only (care-plan.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { PFLEGESTATISTIK_2019 } from './care.defaults.ts';
import { carePlan } from './care-plan.service.ts';
import { CarePlan, CarePlanQuery } from './care.schema.ts';

const TAGS = ['Planung'];

export const careRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plan',
    {
      // before validation: a visitor without the role learns nothing, not even which query is valid
      preValidation: async (req) => authorize(req.user, 'data.readUnpublished'),
      schema: {
        tags: TAGS,
        access: 'data.readUnpublished',
        summary:
          'Pflegebedarfsplan: Pflegebedürftige nach Versorgungsart und benötigte Plätze neben den vorhandenen, je Gebiet, Bezirk und Stadt für jedes Prognosejahr (intern)',
        querystring: CarePlanQuery,
        response: { 200: CarePlan, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'data.readUnpublished');
      const { level, base, to, trend } = req.query;
      return carePlan(app.db, {
        level,
        base,
        to,
        assumptions: { ...PFLEGESTATISTIK_2019, trend: 1 + trend / 100 },
      });
    },
  );
};
