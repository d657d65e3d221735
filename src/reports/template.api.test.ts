/**
 * Report templates through the API on every engine: the built-ins are installed and listed,
 * templates are created, replaced, downloaded, imported (all or nothing), deleted (built-ins not:
 * 409) and reset to the shipped definition; references of `area_profiles` blocks are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaults } from '../setup/seed.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { ReportTemplateInput } from './report.schema.ts';
import { BUILTIN_TEMPLATES, STECKBRIEF } from './templates.ts';

const areaTemplate = (key: string, name = `Vorlage ${key}`): ReportTemplateInput => ({
  key,
  name,
  scope: 'area',
  title: '{area.name}',
  chapters: [{ title: 'Kurz', blocks: [{ type: 'summary' }] }],
});
const cityTemplate = (key: string, profiles: string): ReportTemplateInput => ({
  key,
  name: `Bericht ${key}`,
  scope: 'city',
  title: 'Bericht {city.name}',
  chapters: [{ title: 'Gebiete', blocks: [{ type: 'area_profiles', template: profiles }] }],
});

describe.each(engines)('report templates API on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const put = (key: string, payload: unknown, cookie = t.planner) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/reports/templates/${key}`,
      payload: payload as never,
      headers: { cookie },
    });
  const get = (key: string) => t.app.inject(`/api/reports/templates/${key}`);
  const importBody = (payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/reports/templates/import',
      payload: payload as never,
      headers: { cookie: t.planner },
    });

  it('guards every changing route: 401 anonymous, 403 for viewers', async () => {
    const body = areaTemplate('geschuetzt');
    await expectGuarded(
      t.app,
      { method: 'PUT', url: '/api/reports/templates/geschuetzt', payload: body },
      t.viewer,
    );
    await expectGuarded(
      t.app,
      { method: 'POST', url: '/api/reports/templates/import', payload: [body] },
      t.viewer,
    );
    await expectGuarded(t.app, { method: 'DELETE', url: '/api/reports/templates/steckbrief' }, t.viewer);
    await expectGuarded(t.app, { method: 'POST', url: '/api/reports/templates/steckbrief/reset' }, t.viewer);
    expect((await get('geschuetzt')).statusCode).toBe(404);
  });

  it('lists the built-ins first and serves one as JSON, also as a download', async () => {
    const res = await t.app.inject('/api/reports/templates');
    expect(res.statusCode).toBe(200);
    const { templates } = res.json<{ templates: { key: string; builtin: boolean; scope: string }[] }>();
    const builtins = Object.keys(BUILTIN_TEMPLATES).length;
    expect(templates.slice(0, builtins).map((x) => x.key)).toEqual(Object.keys(BUILTIN_TEMPLATES));
    expect(templates.slice(0, builtins).every((x) => x.builtin)).toBe(true);
    expect(templates.find((x) => x.key === 'steckbrief')).toMatchObject({
      name: 'Steckbrief',
      scope: 'area',
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
    });

    const one = await get('steckbrief');
    expect(one.json()).toEqual(STECKBRIEF);
    expect(one.headers['content-disposition']).toBeUndefined();
    const file = await t.app.inject('/api/reports/templates/sozialbericht?download=1');
    expect(file.headers['content-disposition']).toBe('attachment; filename="sozialbericht.json"');
    expect(file.json()).toEqual(BUILTIN_TEMPLATES.sozialbericht);

    const missing = await get('gibt_es_nicht');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'reports.unknown_template' });
    expect(missing.json<{ message: string }>().message).toContain('„gibt_es_nicht“');
  });

  it('creates and replaces a template; checks key, schema and area-profile references in German', async () => {
    const created = await put('eigener_steckbrief', areaTemplate('eigener_steckbrief', 'Eigener Steckbrief'));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ key: 'eigener_steckbrief', toc: false, description: '' });
    const replaced = await put('eigener_steckbrief', areaTemplate('eigener_steckbrief', 'Neuer Name'));
    expect(replaced.statusCode).toBe(200);
    expect((await get('eigener_steckbrief')).json()).toMatchObject({ name: 'Neuer Name' });

    const mismatch = await put('anderer', areaTemplate('eigener_steckbrief'));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'reports.key_mismatch' });

    const invalid = await put('kaputt', { ...areaTemplate('kaputt'), chapters: [] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'request.invalid' });

    const missingRef = await put('bericht_x', cityTemplate('bericht_x', 'gibt_es_nicht'));
    expect(missingRef.statusCode).toBe(400);
    expect(missingRef.json()).toMatchObject({
      code: 'reports.invalid_template',
      details: { template: 'bericht_x', reference: 'gibt_es_nicht' },
    });
    expect(missingRef.json<{ message: string }>().message).toMatch(
      /Vorlage „gibt_es_nicht“, die es nicht gibt/,
    );
    const cityRef = await put('bericht_x', cityTemplate('bericht_x', 'beschlussvorlage'));
    expect(cityRef.statusCode).toBe(400);
    expect(cityRef.json<{ message: string }>().message).toContain('nicht für ein einzelnes Gebiet');
    expect((await get('bericht_x')).statusCode).toBe(404);

    // the two-page Steckbrief of the Sozialbericht must stay an area template
    const scope = await put('steckbrief_kurz', { ...BUILTIN_TEMPLATES.steckbrief_kurz, scope: 'city' });
    expect(scope.statusCode).toBe(400);
    expect(scope.json()).toMatchObject({
      code: 'reports.invalid_template',
      details: { template: 'sozialbericht' },
    });
  });

  it('deletes own templates (204), refuses built-ins (409) and templates others use (409)', async () => {
    expect((await put('weg_damit', areaTemplate('weg_damit'))).statusCode).toBe(200);
    const del = (key: string, cookie = t.planner) =>
      t.app.inject({ method: 'DELETE', url: `/api/reports/templates/${key}`, headers: { cookie } });
    expect((await del('weg_damit')).statusCode).toBe(204);
    expect((await get('weg_damit')).statusCode).toBe(404);
    expect((await del('weg_damit')).statusCode).toBe(404);

    const builtin = await del('steckbrief', t.admin);
    expect(builtin.statusCode).toBe(409);
    expect(builtin.json()).toMatchObject({ code: 'reports.builtin_template' });
    expect((await get('steckbrief')).statusCode).toBe(200);

    expect((await put('kurz2', areaTemplate('kurz2'))).statusCode).toBe(200);
    expect((await put('bericht2', cityTemplate('bericht2', 'kurz2'))).statusCode).toBe(200);
    const inUse = await del('kurz2');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({
      code: 'reports.template_in_use',
      details: { usedBy: ['bericht2'] },
    });
    expect((await del('bericht2')).statusCode).toBe(204);
    expect((await del('kurz2')).statusCode).toBe(204);
  });

  it('imports one template or several, all or nothing, references inside the file allowed', async () => {
    const bad = await importBody([areaTemplate('imp_a'), cityTemplate('imp_b', 'imp_fehlt')]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'reports.invalid_template' });
    expect((await get('imp_a')).statusCode).toBe(404); // nothing of the file was stored

    const dup = await importBody([areaTemplate('imp_a'), areaTemplate('imp_a')]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json()).toMatchObject({ code: 'reports.duplicate_template' });

    const ok = await importBody([cityTemplate('imp_b', 'imp_a'), areaTemplate('imp_a')]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: ['imp_b', 'imp_a'] });
    const single = await importBody(areaTemplate('imp_c'));
    expect(single.json()).toEqual({ imported: ['imp_c'] });

    // an exported file goes back in unchanged
    const exported = (await t.app.inject('/api/reports/templates/imp_b?download=1')).json<unknown>();
    expect((await importBody(exported)).statusCode).toBe(200);
  });

  it('keeps an edited built-in over re-seeding and resets it to the shipped definition', async () => {
    const edited = {
      ...STECKBRIEF,
      name: 'Steckbrief (angepasst)',
      chapters: STECKBRIEF.chapters.slice(0, 1),
    };
    expect((await put('steckbrief', edited)).statusCode).toBe(200);
    await seedDefaults(t.db); // as on the next start
    expect((await get('steckbrief')).json()).toEqual(edited);
    const list = (await t.app.inject('/api/reports/templates')).json<{
      templates: { key: string; builtin: boolean }[];
    }>();
    expect(list.templates.find((x) => x.key === 'steckbrief')?.builtin).toBe(true);

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/reports/templates/steckbrief/reset',
      headers: { cookie: t.planner },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual(STECKBRIEF);
    expect((await get('steckbrief')).json()).toEqual(STECKBRIEF);

    expect((await put('eigen_reset', areaTemplate('eigen_reset'))).statusCode).toBe(200);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/reports/templates/eigen_reset/reset',
      headers: { cookie: t.planner },
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'reports.not_builtin' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/reports/templates/gibt_es_nicht/reset',
      headers: { cookie: t.planner },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
