/**
 * Request guards on the real app (demo city, every engine): cross-origin writes refused,
 * unauthenticated writes refused before their body is read, body limits, security headers,
 * invalid input as 400 with German messages, and per-user limits on report generation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { JSON_BODY_LIMIT } from './app.ts';

const HOST = 'localhost:3000';

describe.each(engines)('request guards on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  /** A harmless write a planner may make: publish an already published indicator. */
  const write = (headers: Record<string, string>, cookie = t.planner) =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/indicators/sgb2_quote',
      payload: { published: true },
      headers: { host: HOST, cookie, ...headers },
    });

  describe('same-origin check (CSRF)', () => {
    it('refuses a cross-origin POST with 403 and a German message', async () => {
      const attempts: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
      ];
      for (const headers of attempts) {
        const res = await write(headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json()).toMatchObject({ code: 'request.cross_origin' });
        expect(res.json<{ message: string }>().message).toContain('nur von den Seiten dieser Anwendung');
      }
    });

    it('refuses a page on another port of the same host (same-site, other origin)', async () => {
      expect((await write({ origin: 'http://localhost:4000' })).statusCode).toBe(403);
      expect(
        (await write({ origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site' })).statusCode,
      ).toBe(403);
      // a table import from there never reaches the handler
      const form = new FormData();
      form.append('level', 'sozialraum');
      form.append('file', new Blob(['Sozialraum;x\n101;1']), 'x.csv');
      const imported = await t.app.inject({
        method: 'POST',
        url: '/api/imports/table',
        payload: form,
        headers: {
          host: HOST,
          cookie: t.planner,
          origin: 'http://localhost:5173',
          'sec-fetch-site': 'same-site',
        },
      });
      expect(imported.statusCode).toBe(403);
    });

    it('allows same-origin requests and programs without Origin', async () => {
      expect((await write({ origin: 'http://localhost:3000' })).statusCode).toBe(200);
      expect(
        (await write({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).statusCode,
      ).toBe(200);
      expect((await write({})).statusCode).toBe(200);
    });

    it('refuses a cross-origin login too, and leaves reads alone', async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'planer', password: 'egal-egal-egal' },
        headers: { host: HOST, origin: 'https://evil.example' },
      });
      expect(login.statusCode).toBe(403);
      const read = await t.app.inject({
        url: '/api/config',
        headers: { host: HOST, origin: 'https://evil.example' },
      });
      expect(read.statusCode).toBe(200);
    });
  });

  describe('bodies', () => {
    const big = JSON.stringify([{ filler: 'x'.repeat(JSON_BODY_LIMIT + 1024) }]);

    it('refuses an unauthenticated write with 401 before reading its body', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/indicators/import',
        payload: big,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' });
    });

    it('limits JSON bodies of logged-in users (413, German)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/indicators/import',
        payload: big,
        headers: { 'content-type': 'application/json', cookie: t.planner },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'request.too_large', message: 'Die Anfrage ist zu groß.' });
    });

    it('keeps login bodies small', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'planer', password: 'x'.repeat(5000) },
      });
      expect(res.statusCode).toBe(413);
    });

    it('answers malformed JSON with 400 and a German message', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/indicators/sgb2_quote',
        payload: '{"published": tru',
        headers: { 'content-type': 'application/json', cookie: t.planner },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'request.invalid_json',
        message: 'Die Anfrage ist kein gültiges JSON.',
      });
    });
  });

  describe('invalid input is a 400 with a German message', () => {
    it('a NUL byte in a query parameter', async () => {
      for (const url of [
        '/api/indicators/anteil_65plus/values?level=%00',
        '/api/indicators/anteil_65plus/values?level=sozialraum%00&date=2024',
        '/api/areas?level=%00',
      ]) {
        const res = await t.app.inject(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json<{ message: string }>().message, url).toMatch(/^Ungültige Anfrage/);
      }
    });

    it('a NUL byte in a JSON body', async () => {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/reports/templates/nul',
        payload: {
          key: 'nul',
          name: 'Mit\u0000Nullbyte',
          scope: 'area',
          title: '{area.name}',
          chapters: [{ title: 'A', blocks: [{ type: 'text', text: 'x' }] }],
        },
        headers: { cookie: t.planner },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid_characters' });
    });

    it('a malformed mapping field in the table import upload', async () => {
      for (const mapping of ['{kein json', '{"areaColumn": 5}', 'null']) {
        const form = new FormData();
        form.append('level', 'sozialraum');
        form.append('date', '2026-12-31');
        form.append('dryRun', '1');
        form.append('mapping', mapping);
        form.append('file', new Blob(['Sozialraum;Einwohner\n101;5']), 'x.csv');
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/imports/table',
          payload: form,
          headers: { cookie: t.planner },
        });
        expect(res.statusCode, mapping).toBe(400);
        expect(res.json(), mapping).toMatchObject({
          code: 'import.invalid_mapping',
          message: 'Die Spaltenzuordnung (mapping) ist ungültig.',
        });
      }
    });
  });

  describe('security headers', () => {
    it('on API answers and the app: CSP, no framing, no sniffing, same-origin referrer', async () => {
      const res = await t.app.inject('/api/config');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    });

    it('lets the app frame its own report preview, nobody else', async () => {
      const res = await t.app.inject(
        '/api/reports/render?template=steckbrief&level=sozialraum&area=101&format=html&public=1',
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it('keeps the API documentation usable', async () => {
      const res = await t.app.inject('/api/docs/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data:");
    });
  });

  describe('report generation is limited per user', () => {
    it('stored reports: 429 with a German message after 20 a minute, other users unaffected', async () => {
      // invalid bodies: counted like any other, but no report is made
      const attempt = (cookie: string) =>
        t.app.inject({ method: 'POST', url: '/api/reports', payload: {}, headers: { cookie } });
      for (let i = 0; i < 20; i++) expect((await attempt(t.planner)).statusCode).toBe(400);
      const limited = await attempt(t.planner);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'reports.rate_limited' });
      expect(limited.json<{ message: string }>().message).toMatch(/Zu viele Berichte.*Sekunden/);
      expect((await attempt(t.admin)).statusCode).toBe(400);
    });

    it('direct renders: per user, whatever the address', async () => {
      const render = (cookie: string, remoteAddress: string) =>
        t.app.inject({ url: '/api/reports/render?template=', headers: { cookie }, remoteAddress });
      for (let i = 0; i < 30; i++) expect((await render(t.viewer, `10.3.0.${i}`)).statusCode).toBe(400);
      expect((await render(t.viewer, '10.3.1.1')).statusCode).toBe(429);
      expect((await render(t.admin, '10.3.1.1')).statusCode).toBe(400);
    });
  });
});
