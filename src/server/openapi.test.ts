/**
 * The OpenAPI document as other people's tools read it: Redocly's recommended rules without
 * errors; per operation an operationId, security and a 2xx response with a media type; uploads
 * as multipart bodies — and each operation's declared security checked against what the server
 * really does for anonymous visitors, a viewer, a planner and the local command line.
 */
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../auth/auth.service.ts';
import { DEMO_USERS } from '../demo/demo-users.ts';
import { engines } from '../test/databases.ts';
import { sessionCookie } from '../test/demo-app.ts';
import { buildApp } from './app.ts';
import { LOCAL_TOKEN_HEADER } from './local-cli.ts';
import { operationIdOf, ROLES_EXTENSION, SCOPE_EXTENSION } from './openapi.ts';

/**
 * Warnings accepted on purpose:
 * - operation-4xx-response: reads without any input (`GET /api/config`, lists) cannot fail with 4xx;
 * - no-ambiguous-paths: `/api/reports/templates/{key}` beside `/api/reports/{id}/…` — the static
 *   segment wins in Fastify's router, and report ids are integers.
 */
const ACCEPTED_WARNINGS = new Set(['operation-4xx-response', 'no-ambiguous-paths']);
const LOCAL_TOKEN = 'openapi-test-local-token';

interface Media {
  schema?: {
    type?: string;
    format?: string;
    items?: { format?: string };
    properties?: Record<string, Media['schema']>;
    required?: string[];
  };
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  [ROLES_EXTENSION]?: string[];
  [SCOPE_EXTENSION]?: 'own-area' | 'none';
}
interface Spec {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
}

const pglite = engines.find((e) => e.name === 'pglite')!;

describe('OpenAPI document', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let spec: Spec;
  let db: Db;

  const operations = () =>
    Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  const name = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

  beforeAll(async () => {
    ({ db, drop } = await pglite.create());
    for (const u of DEMO_USERS) await insertAccount(db, { ...u, passwordHash: u.knownHash });
    // a planner bound to one municipality (auth/scope.ts)
    await insertAccount(db, {
      ...DEMO_USERS.find((u) => u.role === 'planner')!,
      username: 'planung.gemeinde',
      passwordHash: 'x',
    });
    await db.query(
      "UPDATE app_user SET scope_level = 'gemeinde', scope_key = '05999008' WHERE username = 'planung.gemeinde'",
    );
    app = await buildApp({ db, webDir: '/nonexistent', localToken: LOCAL_TOKEN });
    const res = await app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    spec = res.json<Spec>();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it("passes Redocly's recommended rules without errors", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(spec),
      absoluteRef: 'openapi.json',
      config,
    });
    const show = (p: NormalizedProblem) =>
      `${p.severity} ${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(', ')})`;
    expect(problems.filter((p) => p.severity === 'error').map(show)).toEqual([]);
    const unexpected = problems.filter((p) => p.severity === 'warn' && !ACCEPTED_WARNINGS.has(p.ruleId));
    expect(unexpected.map(show)).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId and declared security', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(70);
    const ids = ops.map((o) => o.op.operationId);
    for (const [i, id] of ids.entries()) expect(id, name(ops[i]!)).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf('GET', '/api/indicators/:key/values')).toBe('getIndicatorsByKeyValues');

    const missing = ops.filter((o) => !Array.isArray(o.op.security)).map(name);
    // a route without `schema.access` (see server/openapi.ts) has no security
    expect(missing, 'routes without schema.access').toEqual([]);
    for (const o of ops)
      for (const requirement of o.op.security!)
        for (const scheme of Object.keys(requirement))
          expect(spec.components.securitySchemes, name(o)).toHaveProperty(scheme);
    expect(spec.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'lagebild_session' },
    });
  });

  it('gives every operation a 2xx response with a media type (or 204 without content)', () => {
    for (const o of operations()) {
      const ok = Object.entries(o.op.responses).filter(([code]) => /^2\d\d$/.test(code));
      expect(ok.length, name(o)).toBeGreaterThan(0);
      for (const [code, response] of ok)
        if (code === '204') expect(response.content, name(o)).toBeUndefined();
        else expect(Object.keys(response.content ?? {}).length, `${name(o)} ${code}`).toBeGreaterThan(0);
    }
    const table = spec.paths['/api/analysis/table']!.get!.responses['200']!.content!;
    expect(Object.keys(table)).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(spec.paths['/api/analysis/sheet/{key}.pdf']!.get!.responses['200']!.content).toHaveProperty(
      'application/pdf',
    );
  });

  it('documents uploads as multipart/form-data with a binary file part', () => {
    const uploads = operations().filter((o) => o.op.requestBody?.content['multipart/form-data']);
    expect(uploads.map((o) => o.op.operationId).sort()).toEqual([
      'postAreasImport',
      'postAreasPreview',
      'postFacilitiesImport',
      'postImportsMicrodata',
      'postImportsTable',
      'postTravelMatricesImport',
    ]);
    for (const o of uploads) {
      const schema = o.op.requestBody!.content['multipart/form-data']!.schema!;
      const file = schema.properties!.file!;
      expect(file.format ?? file.items?.format, name(o)).toBe('binary');
      expect(schema.required, name(o)).toContain('file');
    }
  });

  it('names the shared schemas as components', () => {
    for (const id of ['Error', 'User', 'Indicator', 'IndicatorInput', 'ReportTemplate', 'AreaLevel'])
      expect(spec.components.schemas, id).toHaveProperty(id);
    expect(JSON.stringify(spec.paths)).toContain('"$ref":"#/components/schemas/Error"');
  });

  it('declares the security the server enforces', async () => {
    const allowsAnonymous = (op: Operation) =>
      op.security!.length === 0 || op.security!.some((r) => Object.keys(r).length === 0);
    const call = (o: { method: string; path: string }, headers: Record<string, string> = {}) =>
      app.inject({
        method: o.method as 'GET',
        url: o.path.replace(/\{[^}]+\}/g, 'x'),
        headers,
      });
    const refused = (status: number) => status === 401 || status === 403;

    for (const o of operations()) {
      const anonymous = (await call(o)).statusCode;
      if (allowsAnonymous(o.op)) expect(refused(anonymous), `${name(o)} anonymous: ${anonymous}`).toBe(false);
      else expect(anonymous, `${name(o)} anonymous`).toBe(401);

      const roles = o.op[ROLES_EXTENSION];
      expect(roles === undefined, `${name(o)}: roles only where a session is required`).toBe(
        allowsAnonymous(o.op),
      );
      // a fresh session each time: logout ends the one it is called with
      for (const [role, username] of [
        ['viewer', 'gast'],
        ['planner', 'planer'],
      ] as const) {
        const cookie = await sessionCookie(db, username);
        const status = (await call(o, { cookie })).statusCode;
        if (!roles || roles.includes(role))
          expect(refused(status), `${name(o)} as ${role}: ${status}`).toBe(false);
        // without the role: 403, unless the request fails validation before the handler decides
        else expect([400, 403], `${name(o)} as ${role}`).toContain(status);
      }

      // a scoped planner: refused where the operation shapes the whole installation; where it
      // works on the data of their area, refused only for areas outside it
      const scoped = o.op[SCOPE_EXTENSION];
      if (scoped !== undefined) expect(roles, `${name(o)}: scope only beside roles`).toBeDefined();
      if (scoped !== undefined && roles?.includes('planner')) {
        const res = await call(o, { cookie: await sessionCookie(db, 'planung.gemeinde') });
        if (scoped === 'none') expect([400, 403], `${name(o)} as scoped planner`).toContain(res.statusCode);
        else if (res.statusCode === 403)
          expect(res.json(), `${name(o)} as scoped planner`).toMatchObject({ code: 'auth.outside_scope' });
        else expect(refused(res.statusCode), `${name(o)} as scoped planner: ${res.statusCode}`).toBe(false);
      }

      const local = (await call(o, { [LOCAL_TOKEN_HEADER]: LOCAL_TOKEN })).statusCode;
      if (o.op.security!.some((r) => 'localCli' in r))
        expect(refused(local), `${name(o)} local CLI: ${local}`).toBe(false);
      else expect(local, `${name(o)} local CLI`).toBe(401);
    }
  });
});
