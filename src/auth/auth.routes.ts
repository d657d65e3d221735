import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthorized } from '../core/errors.ts';
import { ErrorBody } from '../server/error.schema.ts';
import { LoginBody, User } from './auth.schema.ts';
import { login } from './auth.service.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.ts';
import { deleteSession } from './user.repository.ts';

const UserResponse = z.object({ user: User });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Anmelden (Sitzungs-Cookie)',
        body: LoginBody,
        response: { 200: UserResponse, 401: ErrorBody, 429: ErrorBody },
      },
      // Brute-force protection per client address.
      config: { rateLimit: { max: app.appOptions.loginLimit ?? 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { user, token } = await login(app.db, req.body.username, req.body.password);
      setSessionCookie(reply, token, app.appOptions.secureCookies ?? false);
      return { user };
    },
  );

  app.post(
    '/logout',
    {
      schema: { tags: ['Anmeldung'], summary: 'Abmelden', response: { 200: z.object({ ok: z.boolean() }) } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      clearSessionCookie(reply);
      return { ok: true };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Angemeldeter Benutzer',
        response: { 200: UserResponse, 401: ErrorBody },
      },
    },
    (req) => {
      if (!req.user) throw unauthorized();
      return { user: req.user };
    },
  );
};
