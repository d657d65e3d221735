import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../core/error.schema.ts';
import { unauthorized } from '../core/errors.ts';
import { ChangePasswordBody, LoginBody, User } from './auth.schema.ts';
import { changePassword, login } from './auth.service.ts';
import { LoginThrottle } from './login-throttle.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.ts';
import { deleteSession } from './user.repository.ts';

const UserResponse = z.object({ user: User });
/** A login body is two short strings; anything larger is refused before it is parsed. */
export const LOGIN_BODY_LIMIT = 4 * 1024;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = new LoginThrottle({ max: app.appOptions.loginAccountLimit ?? 10 });

  app.post(
    '/login',
    {
      bodyLimit: LOGIN_BODY_LIMIT,
      schema: {
        tags: ['Anmeldung'],
        access: 'public',
        summary: 'Anmelden (Sitzungs-Cookie)',
        body: LoginBody,
        response: { 200: UserResponse, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
      // Brute-force protection per client address; per account see LoginThrottle.
      config: { rateLimit: { max: app.appOptions.loginLimit ?? 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { user, token } = await login(app.db, req.body.username, req.body.password, throttle);
      setSessionCookie(reply, token, app.appOptions.secureCookies ?? false);
      return { user };
    },
  );

  app.post(
    '/logout',
    {
      bodyLimit: LOGIN_BODY_LIMIT,
      schema: {
        tags: ['Anmeldung'],
        access: 'optional',
        summary: 'Abmelden',
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      clearSessionCookie(reply);
      return { ok: true };
    },
  );

  app.post(
    '/password',
    {
      bodyLimit: LOGIN_BODY_LIMIT,
      schema: {
        tags: ['Anmeldung'],
        access: 'user',
        summary: 'Eigenes Passwort ändern (beendet alle anderen Sitzungen)',
        body: ChangePasswordBody,
        response: {
          200: z.object({ ok: z.boolean() }),
          400: ErrorBody,
          401: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req) => {
      if (!req.user) throw unauthorized();
      await changePassword(app.db, req.user, req.body, {
        keepToken: req.cookies[SESSION_COOKIE],
        throttle,
      });
      return { ok: true };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['Anmeldung'],
        access: 'user',
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
