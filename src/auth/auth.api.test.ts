/**
 * Accounts through the API on the real app and real databases: password change, administration
 * (reset, deactivate, reactivate), rehashing weaker stored hashes at login, and per-account login
 * throttling. Users are inserted with ready hashes so that only the steps under test hash.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { DEMO_USERS, knownDemoPassword } from '../demo/demo-users.ts';
import { buildApp } from '../server/app.ts';
import { engines } from '../test/databases.ts';
import { loginCookie } from '../test/demo-app.ts';
import type { UserAccount } from './auth.schema.ts';
import { insertAccount } from './auth.service.ts';
import { hashPassword } from './password.ts';

const WEAK = { N: 1024, r: 8, p: 1 };

describe.each(engines)('accounts on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let admin: string;
  let planner: string;

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const me = (cookie: string) => app.inject({ url: '/api/auth/me', headers: { cookie } });
  const storedHash = async (username: string) =>
    (
      await db.query<{ h: string }>('SELECT password_hash AS h FROM app_user WHERE username = $1', [username])
    )[0]!.h;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    for (const u of DEMO_USERS) await insertAccount(db, { ...u, passwordHash: u.knownHash });
    await insertAccount(db, {
      username: 'alt',
      displayName: 'Altes Konto',
      role: 'planner',
      passwordHash: await hashPassword('altes-passwort-123', WEAK),
    });
    app = await buildApp({ db, webDir: '/nonexistent', loginLimit: 1000, loginAccountLimit: 3 });
    admin = await loginCookie(app, 'admin', knownDemoPassword('admin'));
    planner = await loginCookie(app, 'planer', knownDemoPassword('planer'));
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('rehashes a hash with weaker parameters on a successful login and records the login', async () => {
    expect(await storedHash('alt')).toMatch(/^scrypt\$1024\$/);
    const res = await login('alt', 'altes-passwort-123');
    expect(res.statusCode).toBe(200);
    expect(await storedHash('alt')).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login('alt', 'altes-passwort-123')).statusCode).toBe(200);
    const [row] = await db.query<{ last: unknown }>(
      "SELECT last_login_at AS last FROM app_user WHERE username = 'alt'",
    );
    expect(row?.last).not.toBeNull();
  });

  it('lets a user change the own password; other sessions end, this one stays', async () => {
    const here = await loginCookie(app, 'alt', 'altes-passwort-123');
    const elsewhere = await loginCookie(app, 'alt', 'altes-passwort-123');
    const change = (payload: object, cookie?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload,
        headers: cookie ? { cookie } : {},
      });
    const anon = await change({ currentPassword: 'altes-passwort-123', newPassword: 'neues-passwort-456' });
    expect(anon.statusCode).toBe(401);
    const short = await change({ currentPassword: 'altes-passwort-123', newPassword: 'kurz' }, here);
    expect(short.statusCode).toBe(400);
    expect(short.json<{ message: string }>().message).toContain('mindestens 10 Zeichen');
    const wrong = await change({ currentPassword: 'falsch-falsch', newPassword: 'neues-passwort-456' }, here);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'auth.wrong_password',
      message: 'Das bisherige Passwort ist falsch.',
    });
    const ok = await change(
      { currentPassword: 'altes-passwort-123', newPassword: 'neues-passwort-456' },
      here,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login('alt', 'altes-passwort-123')).statusCode).toBe(401);
    expect((await login('alt', 'neues-passwort-456')).statusCode).toBe(200);
  });

  it('lists accounts for administrators only, with state and last login', async () => {
    expect((await app.inject('/api/users')).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/users', headers: { cookie: planner } })).statusCode).toBe(403);
    const res = await app.inject({ url: '/api/users', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const users = res.json<UserAccount[]>();
    expect(users.map((u) => u.username)).toEqual(['admin', 'planer', 'gast', 'alt']);
    expect(users.find((u) => u.username === 'admin')).toMatchObject({ role: 'admin', active: true });
    expect(users.find((u) => u.username === 'admin')?.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(users.find((u) => u.username === 'gast')?.lastLoginAt).toBeNull();
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('lets an administrator reset a password: the user’s sessions end', async () => {
    const session = await loginCookie(app, 'alt', 'neues-passwort-456');
    const reset = (username: string, password: string, cookie?: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/users/${username}/password`,
        payload: { password },
        headers: cookie ? { cookie } : {},
      });
    expect((await reset('alt', 'zurueckgesetzt-789')).statusCode).toBe(401);
    expect((await reset('alt', 'zurueckgesetzt-789', planner)).statusCode).toBe(403);
    expect((await reset('alt', 'kurz', admin)).statusCode).toBe(400);
    const unknown = await reset('niemand', 'zurueckgesetzt-789', admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'users.not_found' });
    expect((await reset('alt', 'zurueckgesetzt-789', admin)).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await login('alt', 'zurueckgesetzt-789')).statusCode).toBe(200);
  });

  it('deactivated users cannot log in and their sessions end; reactivated ones can again', async () => {
    const gast = await loginCookie(app, 'gast', knownDemoPassword('gast'));
    const patch = (username: string, payload: object, cookie?: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/users/${username}`,
        payload,
        headers: cookie ? { cookie } : {},
      });
    expect((await patch('gast', { active: false })).statusCode).toBe(401);
    expect((await patch('gast', { active: false }, planner)).statusCode).toBe(403);
    expect((await patch('gast', {}, admin)).statusCode).toBe(400);
    const off = await patch('gast', { active: false }, admin);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ username: 'gast', active: false });
    expect((await me(gast)).statusCode).toBe(401);
    const denied = await login('gast', knownDemoPassword('gast'));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'auth.inactive' });
    expect(denied.json<{ message: string }>().message).toContain('deaktiviert');
    expect(denied.cookies.find((c) => c.name === 'lagebild_session')).toBeUndefined();
    // a wrong password says no more than for any other account
    expect((await login('gast', 'falsches-passwort')).json()).toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect((await patch('gast', { active: true }, admin)).statusCode).toBe(200);
    expect((await login('gast', knownDemoPassword('gast'))).statusCode).toBe(200);
  });

  it('keeps the last active administrator', async () => {
    for (const payload of [{ active: false }, { role: 'planner' }]) {
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/users/admin',
        payload,
        headers: { cookie: admin },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'users.last_admin' });
    }
  });

  it('throttles failed logins per account across addresses (429), not other accounts', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('planer', 'geraten-' + i, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login('planer', knownDemoPassword('planer'), '10.2.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'auth.too_many_attempts' });
    expect(blocked.json<{ message: string }>().message).toMatch(/Zu viele fehlgeschlagene.*Minuten/);
    expect((await login('admin', knownDemoPassword('admin'), '10.1.0.1')).statusCode).toBe(200);
    // the existing session of the throttled account still works
    expect((await me(planner)).statusCode).toBe(200);
  });
});
