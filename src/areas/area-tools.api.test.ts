/**
 * Upload preview and deriving a parent level through the API: only planners and administrators,
 * the preview writes nothing, errors are German.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { engines } from '../test/databases.ts';

const KOELN = resolve('../shared/data/koeln-stadtteile');

async function koelnZip(): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const ext of ['shp', 'shx', 'dbf', 'prj'])
    entries[`Stadtteil.${ext}`] = new Uint8Array(await readFile(join(KOELN, `Stadtteil.${ext}`)));
  return zipSync(entries);
}

function upload(zip: Uint8Array, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'koeln.zip');
  return form;
}

describe.each(engines)('area tools API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let zip: Uint8Array;
  const counts = async () =>
    (
      await ctx.db.query<{ levels: number; areas: number; sources: number }>(
        `SELECT (SELECT count(*)::int FROM area_level) AS levels, (SELECT count(*)::int FROM area) AS areas,
                (SELECT count(*)::int FROM data_source) AS sources`,
      )
    )[0]!;

  beforeAll(async () => {
    ctx = await demoApp(engine);
    zip = await koelnZip();
  }, 120_000);
  afterAll(() => ctx.close());

  it('guards preview and derive: 401 anonymous, 403 for viewers', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/areas/preview', payload: upload(zip, {}) },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/areas/derive', payload: { level: 'x', from: 'sozialraum', keyPrefix: 1 } },
      ctx.viewer,
    );
  });

  it('previews the Köln zip for a planner and writes nothing', async () => {
    const before = await counts();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/preview',
      payload: upload(zip, { nameField: 'STT_NAME' }),
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ featureCount: number; crs: string; problems: unknown[]; suggested: unknown }>();
    expect(body).toMatchObject({ featureCount: 86, problems: [] });
    expect(body.crs).toContain('+x_0=2500000');
    expect(body.suggested).toMatchObject({ idField: 'STT_NR', nameField: 'STT_NAME' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a derive without a rule with a German 400', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/derive',
      payload: { level: 'bezirk_k', from: 'sozialraum' },
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Schlüsselanfangs');
  });

  it('imports Köln’s Stadtteile and derives the Stadtbezirke with names', async () => {
    const imported = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/import',
      payload: upload(zip, {
        level: 'koeln_stadtteil',
        name: 'Stadtteil (Köln)',
        idField: 'STT_NR',
        validFrom: '2014-01-01',
      }),
      headers: { cookie: ctx.planner },
    });
    expect(imported.statusCode).toBe(200);
    const levels = await ctx.app.inject({ url: '/api/areas/levels' });
    expect(levels.json<{ key: string; name: string }[]>()).toContainEqual(
      expect.objectContaining({ key: 'koeln_stadtteil', name: 'Stadtteil (Köln)', areaCount: 86 }),
    );
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/derive',
      payload: { level: 'koeln_bezirk', from: 'koeln_teil', keyPrefix: 1 },
      headers: { cookie: ctx.planner },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'areas.unknown_level' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/derive',
      payload: {
        level: 'koeln_bezirk',
        name: 'Stadtbezirk (Köln)',
        from: 'koeln_stadtteil',
        keyPrefix: 1,
        names: { fileName: 'bezirke.csv', text: 'nr;name\n1;Innenstadt\n9;Mülheim\n' },
        validFrom: '2014-01-01',
      },
      headers: { cookie: ctx.admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'koeln_bezirk', derived: 9, children: 86 });
    const areas = await ctx.app.inject({
      url: '/api/areas?level=koeln_bezirk',
      headers: { cookie: ctx.planner },
    });
    const list = areas.json<{ id: string; name: string }[]>();
    expect(list).toHaveLength(9);
    expect(list[8]).toMatchObject({ id: '9', name: 'Mülheim' });
    const teile = await ctx.app.inject({
      url: '/api/areas?level=koeln_stadtteil',
      headers: { cookie: ctx.planner },
    });
    expect(teile.json<{ id: string; parent: string }[]>().every((t) => t.parent === t.id[0])).toBe(true);
  }, 60_000);

  it('names children missing from a key table', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/areas/derive',
      payload: {
        level: 'koeln_bezirk',
        from: 'koeln_stadtteil',
        keyTable: {
          fileName: 'tabelle.csv',
          text: 'teil,bezirk\n101,1\n',
          childField: 'teil',
          parentField: 'bezirk',
        },
      },
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'areas.derive_child_not_in_table' });
    expect(res.json<{ message: string }>().message).toContain('85 Gebiete der Ebene „koeln_stadtteil“');
  });
});
