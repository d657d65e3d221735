/**
 * The Pflegebedarfsplan under `/api/care`: computed from the unprotected population projection,
 * so for planners and administrators only (care-plan.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { z } from 'zod';
import { careAssumptions, listCareAssumptions, saveCareAssumptions } from './care-assumptions.service.ts';
import { carePlan } from './care-plan.service.ts';
import { CareAssumptionsBody, CarePlan, CarePlanQuery, StoredCareAssumptions } from './care.schema.ts';

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
    async (req) => {
      authorize(req.user, 'data.readUnpublished');
      const { level, base, to, trend, assumptions } = req.query;
      return carePlan(app.db, {
        level,
        base,
        to,
        assumptions: await careAssumptions(app.db, assumptions, 1 + trend / 100),
      });
    },
  );

  app.get(
    '/assumptions',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary:
          'Pflegeannahmen: Pflegequoten nach Alter, Anteile der Versorgungsarten und Auslastung mit ihrer Quelle (je Schlüssel die geltende Fassung)',
        response: { 200: z.array(StoredCareAssumptions) },
      },
    },
    () => listCareAssumptions(app.db),
  );

  app.post(
    '/assumptions',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary:
          'Pflegeannahmen speichern: neue Fassung eines Schlüssels (die früheren bleiben als Verlauf), vorher geprüft',
        body: CareAssumptionsBody,
        response: { 200: StoredCareAssumptions, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return saveCareAssumptions(app.db, req.body, req.user.id);
    },
  );
};
