/**
 * The organisation of an account in the user administration: GET /api/users and the answers of
 * PATCH /api/users/{username} show the organisation an administrator linked the account to, and
 * show none once the link is cleared or the organisation deleted.
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

describe.each(engines)('the organisation of accounts on $name', (engine) => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let admin: string;

  const users = async () => {
    const res = await app.inject({ url: '/api/users', headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<UserAccount[]>();
  };
  const account = async (username: string) => (await users()).find((u) => u.username === username);
  const call = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: admin } });

  beforeAll(async () => {
    let db: Db;
    ({ db, drop } = await engine.create());
    for (const u of DEMO_USERS) await insertAccount(db, { ...u, passwordHash: u.knownHash });
    await insertAccount(db, {
      username: 'partnerin',
      displayName: 'Frau Partner',
      role: 'partner',
      passwordHash: DEMO_USERS[0]!.knownHash,
    });
    app = await buildApp({ db, webDir: '/nonexistent', loginLimit: 1000 });
    admin = await loginCookie(app, 'admin', knownDemoPassword('admin'));
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('lists every account without an organisation at first', async () => {
    const list = await users();
    expect(list.length).toBeGreaterThan(1);
    expect(list.every((u) => u.organisation === null)).toBe(true);
  });

  it('shows the linked organisation in the list and in answers about the account, until unlinked', async () => {
    const created = await call('POST', '/api/organisations', { name: 'Diakonie Nord' });
    expect(created.statusCode, created.body).toBe(200);
    const { id } = created.json<{ id: number }>();
    expect((await call('PUT', `/api/organisations/${id}/users/partnerin`)).statusCode).toBe(200);

    expect((await account('partnerin'))?.organisation).toEqual({ id, name: 'Diakonie Nord' });
    expect((await account('planer'))?.organisation).toBeNull();
    const patched = await call('PATCH', '/api/users/partnerin', { displayName: 'Frau Partnerin' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<UserAccount>()).toMatchObject({
      displayName: 'Frau Partnerin',
      organisation: { id, name: 'Diakonie Nord' },
    });
    // a renamed organisation shows with its new name
    expect((await call('PATCH', `/api/organisations/${id}`, { name: 'Diakonie Nordstadt' })).statusCode).toBe(
      200,
    );
    expect((await account('partnerin'))?.organisation).toEqual({ id, name: 'Diakonie Nordstadt' });

    expect((await call('DELETE', `/api/organisations/${id}/users/partnerin`)).statusCode).toBe(200);
    expect((await account('partnerin'))?.organisation).toBeNull();
  });

  it('shows no organisation once the organisation is deleted', async () => {
    const { id } = (await call('POST', '/api/organisations', { name: 'Jobcenter Süd' })).json<{
      id: number;
    }>();
    expect((await call('PUT', `/api/organisations/${id}/users/partnerin`)).statusCode).toBe(200);
    expect((await account('partnerin'))?.organisation?.name).toBe('Jobcenter Süd');
    expect((await call('DELETE', `/api/organisations/${id}`)).statusCode).toBe(204);
    expect((await account('partnerin'))?.organisation).toBeNull();
  });
});
