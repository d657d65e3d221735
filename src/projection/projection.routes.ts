/**
 * The population projection under `/api/projection`: computed from unprotected counts of small
 * areas, so for planners and administrators only (projection.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { PopulationProjection, ProjectionQuery } from './projection.schema.ts';
import { projectPopulationWithMethod } from './projection.service.ts';

const TAGS = ['Planung'];

export const projectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/population',
    {
      // before validation: a visitor without the role learns nothing, not even which query is valid
      preValidation: async (req) => authorize(req.user, 'data.readUnpublished'),
      schema: {
        tags: TAGS,
        access: 'data.readUnpublished',
        summary:
          'Kleinräumige Bevölkerungsprognose: jedes Gebiet einer Ebene, jedes Jahr bis zum Zielstichtag, je Altersgruppe, nur aus Daten bis zum Basisstichtag; auf Eckwerte der Stadt abgestimmt und als untere/obere Variante (intern)',
        querystring: ProjectionQuery,
        response: {
          200: PopulationProjection,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'data.readUnpublished');
      const { level, base, to, method, variables, control, variant } = req.query;
      const r = await projectPopulationWithMethod(app.db, {
        level,
        base,
        to,
        method,
        variables,
        control,
        variant,
      });
      return { level, base, to, method: r.method, variant, control: control ?? null, rows: r.rows };
    },
  );
};
