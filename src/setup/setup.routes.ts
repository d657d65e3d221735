/** Einrichtung (`POST /api/setup`) and the city settings (`GET`/`PUT /api/city`). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { User } from '../auth/auth.schema.ts';
import { authorize } from '../auth/policy.ts';
import { setSessionCookie } from '../auth/session.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { readCity, updateCity } from './city.service.ts';
import { CitySettings, CitySettingsBody, SetupBody } from './setup.schema.ts';
import { requireSetupAccess } from './setup-access.ts';
import { runSetup, setupNeeded } from './setup.service.ts';

/** A setup body is a handful of short strings; anonymous callers may send it, so keep it small. */
const SETUP_BODY_LIMIT = 16 * 1024;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/setup',
    {
      schema: {
        tags: ['Einrichtung'],
        access: 'public',
        summary: 'Ob die Einrichtung noch aussteht (keine Benutzer)',
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await setupNeeded(app.db) }),
  );

  app.post(
    '/setup',
    {
      bodyLimit: SETUP_BODY_LIMIT,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['Einrichtung'],
        access: 'setup',
        summary:
          'Erster Start: Administrator, Stadt und Gebietsebenen anlegen (nur ohne Benutzer; nur von localhost oder mit dem Einrichtungs-Token)',
        body: SetupBody,
        querystring: z.object({ token: z.string().max(200).optional() }),
        response: { 200: z.object({ user: User, city: CitySettings }), ...errors },
      },
    },
    async (req, reply) => {
      requireSetupAccess(req, req.body.token ?? req.query.token, app.appOptions.setupToken);
      const { user, token, city } = await runSetup(app.db, {
        admin: req.body.admin,
        displayName: req.body.displayName,
        password: req.body.password,
        city: req.body.city,
        key: req.body.key,
        kind: req.body.kind,
        levels: req.body.levels,
      });
      setSessionCookie(reply, token, app.appOptions.secureCookies ?? false);
      return { user, city };
    },
  );

  app.get(
    '/city',
    {
      schema: {
        tags: ['Einrichtung'],
        access: 'public',
        summary: 'Einstellungen der Stadt (Name, Schlüssel, Stichtag, Herausgeber, Lizenz)',
        response: { 200: z.object({ city: CitySettings.nullable() }) },
      },
    },
    async () => ({ city: await readCity(app.db) }),
  );

  app.put(
    '/city',
    {
      schema: {
        tags: ['Einrichtung'],
        access: 'settings.edit',
        summary: 'Einstellungen der Stadt ändern (Administration)',
        body: CitySettingsBody,
        response: { 200: z.object({ city: CitySettings }), ...errors },
      },
    },
    async (req) => {
      authorize(req.user, 'settings.edit');
      return { city: await updateCity(app.db, req.body) };
    },
  );
};
