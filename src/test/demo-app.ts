/** A real app on a real database with the demo city loaded, and logged-in cookies per role. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createSession, findUserForLogin } from '../auth/user.repository.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { buildApp } from '../server/app.ts';
import type { Engine } from './databases.ts';

export async function loginCookie(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lagebild_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  return `lagebild_session=${cookie!.value}`;
}

/**
 * A session cookie made directly in the database: suites that need logged-in users skip the
 * password check (a deliberately slow hash); the login itself is tested in auth.api.test.ts.
 */
export async function sessionCookie(db: Db, username: string): Promise<string> {
  const found = await findUserForLogin(db, username);
  if (!found) throw new Error(`no user ${username}`);
  return `lagebild_session=${await createSession(db, found.user.id)}`;
}

export async function demoApp(engine: Engine) {
  const { db, drop } = await engine.create();
  await loadDemo(db, { seed: 1, knownPasswords: true });
  const app = await buildApp({ db, webDir: '/nonexistent' });
  return {
    app,
    db,
    planner: await sessionCookie(db, 'planer'),
    viewer: await sessionCookie(db, 'gast'),
    admin: await sessionCookie(db, 'admin'),
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** Asserts 401 without a cookie and 403 with `forbiddenCookie` for one mutating request. */
export async function expectGuarded(
  app: FastifyInstance,
  req: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown },
  forbiddenCookie: string,
) {
  const anon = await app.inject({ ...req, payload: req.payload as never });
  expect(anon.statusCode, `${req.method} ${req.url} anonymous`).toBe(401);
  expect(anon.json()).toMatchObject({ code: 'auth.unauthenticated' });
  const denied = await app.inject({
    ...req,
    payload: req.payload as never,
    headers: { cookie: forbiddenCookie },
  });
  expect(denied.statusCode, `${req.method} ${req.url} without role`).toBe(403);
  expect(denied.json()).toMatchObject({ code: 'auth.forbidden' });
}
