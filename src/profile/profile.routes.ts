/**
 * Gebietsprofile, read-only and public with disclosure control: the Steckbrief
 * (`GET /api/profiles/:level/:key`) and the short profile of the atlas
 * (`GET /api/areas/:level/:id/profile`, under the areas' prefix where the atlas has always asked).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../core/error.schema.ts';
import { AreaProfile, AreaProfileQuery, ProfileParams, ProfileQuery, Steckbrief } from './profile.schema.ts';
import { areaProfile, areaSteckbrief } from './profile.service.ts';

export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:level/:key',
    {
      schema: {
        tags: ['Sozialmonitoring'],
        access: 'optional',
        summary:
          'Gebietsprofil (Steckbrief): alle Indikatoren gegen Bezirk und Stadt, Zeitreihen, Indexklassen, Frühwarnung, Text (öffentlich: geheimhaltungsgeprüft)',
        params: ProfileParams,
        querystring: ProfileQuery,
        response: { 200: Steckbrief, 400: ErrorBody, 404: ErrorBody },
      },
    },
    // read-only: no authorize() — the service shows protected values to everyone but planners
    // (and a scoped planner inside their own municipality)
    (req) => areaSteckbrief(app.db, req.user, req.params.level, req.params.key, req.query, { own: true }),
  );
};

/** Registered with the prefix `/api/areas`. */
export const areaProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:level/:id/profile',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'optional',
        summary: 'Gebietsprofil: alle Indikatoren mit Stadtwert',
        params: z.object({ level: z.string(), id: z.string() }),
        querystring: AreaProfileQuery,
        response: { 200: AreaProfile, 404: ErrorBody },
      },
    },
    // read-only: no authorize(), as above
    (req) => areaProfile(app.db, req.user, req.params.level, req.params.id, req.query.date),
  );
};
