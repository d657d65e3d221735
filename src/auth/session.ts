/** Cookie session: resolves `request.user` (null for anonymous visitors) on every request. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from './auth.schema.ts';
import { SESSION_DAYS, userForSession } from './user.repository.ts';

export const SESSION_COOKIE = 'lagebild_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

export async function sessionHook(req: FastifyRequest) {
  req.user = null;
  const token = req.cookies[SESSION_COOKIE];
  if (token) req.user = await userForSession(req.server.db, token);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
