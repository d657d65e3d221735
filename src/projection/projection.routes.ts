/**
 * The population projection under `/api/projection`: `/population` computes one from unprotected
 * counts of small areas, so for planners and administrators only (projection.service.ts);
 * `/runs` are stored projections, whose published ones everyone reads — the public rounded and
 * with small areas only within their parent (projection-series.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { PopulationProjection, ProjectionQuery } from './projection.schema.ts';
import { projectPopulationWithMethod } from './projection.service.ts';
import {
  PublishProjectionBody,
  RunParams,
  RunValues,
  RunValuesQuery,
  SaveProjectionBody,
  StoredProjection,
} from './projection-series.schema.ts';
import {
  deleteProjection,
  listProjections,
  projectionValues,
  publishProjection,
  requireProjection,
  saveProjection,
} from './projection-series.service.ts';

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

  app.get(
    '/runs',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Gespeicherte Bevölkerungsprognosen mit Methode und Annahmen (öffentlich: nur veröffentlichte)',
        response: { 200: z.array(StoredProjection) },
      },
    },
    (req) => listProjections(app.db, req.user),
  );

  app.post(
    '/runs',
    {
      schema: {
        tags: TAGS,
        access: 'projection.edit',
        summary:
          'Bevölkerungsprognose berechnen und mit Methode und Annahmen speichern (auf Wunsch gleich veröffentlichen)',
        body: SaveProjectionBody,
        response: {
          200: StoredProjection,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    (req) => {
      authorize(req.user, 'projection.edit');
      return saveProjection(app.db, req.body, importerId(req.user));
    },
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary: 'Eine gespeicherte Bevölkerungsprognose (öffentlich: nur veröffentlichte)',
        params: RunParams,
        response: { 200: StoredProjection, 404: ErrorBody },
      },
    },
    (req) => requireProjection(app.db, req.user, req.params.id),
  );

  app.get(
    '/runs/:id/values',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Werte einer gespeicherten Prognose je Gebiet, Stichtag und Altersgruppe (öffentlich: auf Zehner gerundet, kleine Gebiete nur im übergeordneten Gebiet)',
        params: RunParams,
        querystring: RunValuesQuery,
        response: { 200: RunValues, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => projectionValues(app.db, req.user, req.params.id, req.query.level),
  );

  app.patch(
    '/runs/:id',
    {
      schema: {
        tags: TAGS,
        access: 'projection.edit',
        summary: 'Gespeicherte Prognose veröffentlichen oder zurückziehen',
        params: RunParams,
        body: PublishProjectionBody,
        response: { 200: StoredProjection, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'projection.edit');
      return publishProjection(app.db, req.params.id, req.body.published);
    },
  );

  app.delete(
    '/runs/:id',
    {
      schema: {
        tags: TAGS,
        access: 'projection.edit',
        summary: 'Gespeicherte Prognose löschen',
        params: RunParams,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'projection.edit');
      await deleteProjection(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
