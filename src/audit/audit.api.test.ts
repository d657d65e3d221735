/**
 * The audit log over HTTP on the demo city, on every engine: changes through routes carry the
 * logged-in user, with the record before and after; secrets and anonymous submissions never reach
 * the log; imports are logged as counts; only administrators read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAs } from '../db/actor.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { multipart } from '../test/multipart.ts';
import type { AuditEntry, AuditPage } from './audit.schema.ts';

describe.each(engines)('audit log on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const as = (
    cookie: string | undefined,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: unknown,
  ) =>
    ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const log = async (query: string) => {
    const res = await as(ctx.admin, 'GET', `/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPage>();
  };

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('is for administrators only', async () => {
    expect((await as(undefined, 'GET', '/api/audit')).statusCode).toBe(401);
    expect((await as(ctx.viewer, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await as(ctx.planner, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await as(ctx.admin, 'GET', '/api/audit?limit=0')).statusCode).toBe(400);
  });

  it('names who created and changed a record, with before, after and the changed columns', async () => {
    const created = await as(ctx.planner, 'POST', '/api/organisations', { name: 'Familienhilfe Ost' });
    expect(created.statusCode, created.body).toBe(200);
    const id = String(created.json<{ id: number }>().id);
    const patched = await as(ctx.planner, 'PATCH', `/api/organisations/${id}`, {
      name: 'Familienhilfe Ost e. V.',
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const { entries } = await log(`table=organisation&row=${id}`);
    expect(entries.map((e) => [e.operation, e.actor])).toEqual([
      ['UPDATE', 'planer'],
      ['INSERT', 'planer'],
    ]);
    const [update, insert] = entries as [AuditEntry, AuditEntry];
    expect(update.before).toMatchObject({ name: 'Familienhilfe Ost' });
    expect(update.after).toMatchObject({ name: 'Familienhilfe Ost e. V.' });
    expect(update.changed).toContain('name');
    expect(insert.before).toBeNull();
    expect(insert.after).toMatchObject({ id: Number(id), name: 'Familienhilfe Ost' });
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('never logs a password hash', async () => {
    const made = await as(ctx.admin, 'POST', '/api/users', {
      username: 'protokoll.test',
      displayName: 'Protokoll Test',
      password: 'ein-langes-passwort-2024',
      role: 'viewer',
    });
    expect(made.statusCode, made.body).toBe(201);
    const { entries } = await log('table=app_user');
    const entry = entries.find((e) => e.after?.username === 'protokoll.test')!;
    expect(entry).toMatchObject({ actor: 'admin', operation: 'INSERT' });
    expect(entry.after).not.toHaveProperty('password_hash');
    const [row] = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE before ? 'password_hash' OR after ? 'password_hash'`,
    );
    expect(row!.n).toBe(0);
  });

  it('keeps anonymous submissions out and logs their moderation', async () => {
    const before = (await log('limit=1')).entries[0]!.id;
    const geo = (await as(undefined, 'GET', '/api/areas/geojson?level=sozialraum')).json<{
      features: { properties: { id: string } }[];
    }>();
    const key = geo.features[0]!.properties.id;
    const [area] = await ctx.db.query<{ lon: number; lat: number }>(
      `SELECT (a.bbox[1] + a.bbox[3]) / 2 AS lon, (a.bbox[2] + a.bbox[4]) / 2 AS lat
         FROM area a JOIN area_level l ON l.id = a.level_id
        WHERE l.key = 'sozialraum' AND a.key = $1 AND a.valid_to IS NULL`,
      [key],
    );
    // somewhere inside the city: the middle of an area's box lies in some area of this compact city
    const sent = await as(undefined, 'POST', '/api/remarks', {
      ...area,
      category: 'spielen',
      text: 'Anonymer Hinweis für das Protokoll',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const after = await ctx.db.query<{ table_name: string }>(
      'SELECT table_name FROM audit_log WHERE id > $1',
      [before],
    );
    expect(after).toEqual([]);

    const [remark] = await ctx.db.query<{ id: number }>('SELECT id FROM remark ORDER BY id DESC LIMIT 1');
    const moderated = await as(ctx.planner, 'POST', `/api/remarks/${remark!.id}/moderation`, {
      status: 'approved',
    });
    expect(moderated.statusCode).toBe(204);
    const { entries } = await log(`table=remark&row=${remark!.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'planer', operation: 'UPDATE' });
    expect(entries[0]!.changed).toContain('status');
  });

  it('logs an import of counts as one entry with the number of rows', async () => {
    const keys = (
      await ctx.db.query<{ key: string }>(
        `SELECT a.key FROM area a JOIN area_level l ON l.id = a.level_id
          WHERE l.key = 'sozialraum' AND a.valid_to IS NULL ORDER BY a.key`,
      )
    ).map((r) => r.key);
    const csv = ['Gebiet;Stichtag;Protokollwert', ...keys.map((k, i) => `${k};2024-12-31;${i + 1}`)].join(
      '\n',
    );
    const body = multipart({ level: 'sozialraum' }, [{ name: 'protokoll.csv', data: csv }]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/imports/table',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: ctx.planner },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { entries } = await log('table=observation&limit=5');
    expect(entries[0]).toMatchObject({ actor: 'planer', operation: 'INSERT', rowCount: keys.length });
    expect(entries[0]!.after).toBeNull();
    const variable = (await log('table=variable&limit=5')).entries.find(
      (e) => e.after?.name === 'Protokollwert' || e.after?.label === 'Protokollwert',
    );
    expect(variable?.actor).toBe('planer');
  });

  it('names a command’s actor, and none for a change past the app', async () => {
    await ctx.db.query("INSERT INTO import_profile (name, mapping) VALUES ('protokoll', '{}')");
    const { entries } = await log('table=import_profile&limit=1');
    expect(entries[0]).toMatchObject({ actor: null, operation: 'INSERT', rowKey: null });
    await runAs('cli:tester', () => ctx.db.query("DELETE FROM import_profile WHERE name = 'protokoll'"));
    const deleted = (await log('table=import_profile&limit=1')).entries[0]!;
    expect(deleted).toMatchObject({ actor: 'cli:tester', operation: 'DELETE', after: null });
    expect(deleted.before).toMatchObject({ name: 'protokoll' });
  });

  it('pages from newest to oldest without gaps', async () => {
    const first = await log('limit=3');
    expect(first.entries).toHaveLength(3);
    expect(first.next).toBe(first.entries[2]!.id);
    const second = await log(`limit=3&before=${first.next}`);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[2]!.id);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(first.tables).toEqual(expect.arrayContaining(['organisation', 'observation', 'remark']));
  });
});
