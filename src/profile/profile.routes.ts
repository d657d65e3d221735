/** Gebietsprofile (Steckbriefe): `GET /api/profiles/:level/:key` — read-only, public with disclosure control. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../server/error.schema.ts';
import { ProfileParams, ProfileQuery, Steckbrief } from './profile.schema.ts';
import { areaSteckbrief } from './profile.service.ts';

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
    (req) => areaSteckbrief(app.db, req.user, req.params.level, req.params.key, req.query),
  );
};
