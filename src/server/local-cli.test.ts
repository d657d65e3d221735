/**
 * The local command line as a principal: the token from the lock file is accepted only from
 * loopback, without proxy headers, on the routes the CLI forwards to; anything else with the
 * header is refused (401), never treated as anonymous. Also the microdata upload route's 400,
 * 401 and 403 and an upload through the token (no user recorded as importer, as in the CLI).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { knownDemoPassword } from '../demo/demo-users.ts';
import { generateCity } from '../demo/generate.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { writeMicrodata } from '../demo/microdata.ts';
import { engines } from '../test/databases.ts';
import { loginCookie } from '../test/demo-app.ts';
import { multipart } from '../test/multipart.ts';
import { buildApp } from './app.ts';
import { LOCAL_TOKEN_HEADER } from './local-cli.ts';

const TOKEN = 'lokales-token-nur-fuer-diesen-test-0123456789';

describe.each(engines)('local CLI principal on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let planner: string;
  let viewer: string;
  let dir: string;
  let csv: string;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1, knownPasswords: true });
    app = await buildApp({ db, webDir: '/nonexistent', localToken: TOKEN });
    planner = await loginCookie(app, 'planer', knownDemoPassword('planer'));
    viewer = await loginCookie(app, 'gast', knownDemoPassword('gast'));
    const keys = (
      await db.query<{ key: string }>(
        `SELECT a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' AND a.valid_to IS NULL ORDER BY a.key`,
      )
    ).map((r) => r.key);
    csv = ['Gebiet;Stichtag;Lokaler Testwert', ...keys.map((k, i) => `${k};2024-12-31;${i}`)].join('\n');
    dir = await mkdtemp(join(tmpdir(), 'lagebild-local-cli-'));
  });
  afterAll(async () => {
    await app.close();
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  const importTable = (headers: Record<string, string>, remoteAddress?: string) => {
    const body = multipart({ level: 'sozialraum' }, [{ name: 'lokal.csv', data: csv }]);
    return app.inject({
      method: 'POST',
      url: '/api/imports/table',
      payload: body.payload,
      headers: { 'content-type': body.contentType, ...headers },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  };

  it('imports with the token from loopback, recording no user, as the CLI does itself', async () => {
    const res = await importTable({ [LOCAL_TOKEN_HEADER]: TOKEN });
    expect(res.statusCode, res.body).toBe(200);
    const { sourceId } = res.json<{ sourceId: number; committed: boolean }>();
    const [row] = await db.query<{ imported_by: number | null }>(
      'SELECT imported_by FROM data_source WHERE id = $1',
      [sourceId],
    );
    expect(row).toEqual({ imported_by: null });
  });

  it.each([
    ['a wrong token', { [LOCAL_TOKEN_HEADER]: 'falsch' }, undefined],
    ['another address', { [LOCAL_TOKEN_HEADER]: TOKEN }, '192.168.10.20'],
    ['a proxied request', { [LOCAL_TOKEN_HEADER]: TOKEN, 'x-forwarded-for': '203.0.113.9' }, undefined],
  ])('refuses %s with 401', async (_name, headers, address) => {
    const res = await importTable(headers, address);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.local_token_rejected' });
  });

  it('grants nothing beyond the forwarded routes', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { template: 'steckbrief', level: 'sozialraum', area: '101', format: 'html' },
      headers: { [LOCAL_TOKEN_HEADER]: TOKEN },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.local_token_rejected' });
  });

  it('is refused by a server without a token, whatever is presented', async () => {
    const plain = await buildApp({ db, webDir: '/nonexistent' });
    try {
      const body = multipart({ level: 'sozialraum' }, [{ name: 'lokal.csv', data: csv }]);
      const res = await plain.inject({
        method: 'POST',
        url: '/api/imports/table',
        payload: body.payload,
        headers: { 'content-type': body.contentType, [LOCAL_TOKEN_HEADER]: TOKEN },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' });
    } finally {
      await plain.close();
    }
  });

  describe('POST /api/imports/microdata', () => {
    let register: Buffer;
    beforeAll(async () => {
      const path = join(dir, 'melderegister.csv');
      await writeMicrodata(generateCity({ seed: 1, population: 5000 }), { seed: 1, path });
      register = await readFile(path);
    });
    const upload = (fields: Record<string, string>, headers: Record<string, string>) => {
      const body = multipart(fields, [{ name: 'melderegister.csv', data: register }]);
      return app.inject({
        method: 'POST',
        url: '/api/imports/microdata',
        payload: body.payload,
        headers: { 'content-type': body.contentType, ...headers },
      });
    };
    const fields = { level: 'sozialraum', date: '2024-12-31' };

    it('401 anonymous, 403 viewer, 400 without Stichtag', async () => {
      expect((await upload(fields, {})).statusCode).toBe(401);
      const denied = await upload(fields, { cookie: viewer });
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toMatchObject({ code: 'auth.forbidden' });
      const bad = await upload({ level: 'sozialraum' }, { cookie: planner });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: string }>().message).toContain('Stichtag');
    });

    it('counts the uploaded register into counts per area, as `lagebild import microdata` does', async () => {
      const res = await upload(fields, { [LOCAL_TOKEN_HEADER]: TOKEN });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<{ result: { persons: number }; stored: number }>();
      expect(r.result.persons).toBe(5000);
      expect(r.stored).toBeGreaterThan(0);
      const [src] = await db.query<{ file_name: string }>(
        `SELECT file_name FROM data_source WHERE kind = 'microdata' ORDER BY id DESC LIMIT 1`,
      );
      expect(src?.file_name).toBe('melderegister.csv');
    });
  });
});
