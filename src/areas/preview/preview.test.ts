import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { previewAreaFiles } from './preview.ts';

const KOELN = resolve('../shared/data/koeln-stadtteile');
const BERLIN = resolve('../shared/data/berlin-lor-2021-plr-shp');
const FIXTURES = resolve('src/areas/readers/fixtures');

const load = async (dir: string, name: string) => ({
  name,
  data: new Uint8Array(await readFile(join(dir, name))),
});

async function koelnZip() {
  const entries: Record<string, Uint8Array> = {};
  for (const ext of ['shp', 'shx', 'dbf', 'prj'])
    entries[`Stadtteil.${ext}`] = (await load(KOELN, `Stadtteil.${ext}`)).data;
  return { name: 'koeln-stadtteile.zip', data: zipSync(entries) };
}

describe('area upload preview', () => {
  it('shows Köln’s 86 Stadtteile from a zip: UTM with false easting, fields, map', async () => {
    const p = previewAreaFiles([await koelnZip()]);
    expect(p.fileName).toBe('koeln-stadtteile.zip');
    expect(p.featureCount).toBe(86);
    expect(p.crs).toContain('+x_0=2500000');
    expect(p.fields.map((f) => f.name)).toEqual(['STT_NR', 'STT_NAME', 'SHAPE_AREA', 'SHAPE_LEN']);
    expect(p.fields[0]).toMatchObject({ distinct: 86, empty: 0 });
    expect(p.fields[1]!.samples).toHaveLength(3);
    expect(p.suggested).toEqual({ idField: 'STT_NR', nameField: 'STT_NAME', parentField: null });
    expect(p.problems).toEqual([]);
    expect(p.geojson.features).toHaveLength(86);
    const muelheim = p.geojson.features.find((f) => f.properties.name === 'Mülheim')!;
    expect(muelheim.properties.key).toBe('901');
    const [lon, lat] = (muelheim.geometry.coordinates as number[][][])[0]![0]!;
    expect(lon).toBeGreaterThan(6.9);
    expect(lat).toBeGreaterThan(50.9);
    expect(p.areaM2 / 1e6).toBeCloseTo(405.2, 0);
  });

  it('suggests BEZ as parent of Berlin’s Planungsräume (the keys start with it)', async () => {
    const files = await Promise.all(
      ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => load(BERLIN, `lor_planungsraeume_2021.${e}`)),
    );
    const p = previewAreaFiles(files);
    expect(p.featureCount).toBe(542);
    expect(p.suggested).toEqual({ idField: 'PLR_ID', nameField: 'PLR_NAME', parentField: 'BEZ' });
    expect(p.problems).toEqual([]);
    const plr = p.geojson.features.find((f) => f.properties.key === '01100101')!;
    expect(plr.properties).toMatchObject({ name: 'Stülerstraße', parent: '01' });
  });

  it('lists a missing .dbf as the only problem', async () => {
    const p = previewAreaFiles([await load(KOELN, 'Stadtteil.shp'), await load(KOELN, 'Stadtteil.prj')]);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ code: 'import.dbf_missing', record: null });
    expect(p.problems[0]!.message).toContain('.dbf-Datei');
    expect(p.geojson.features).toEqual([]);
  });

  it('lists every problem: duplicate keys, a self-intersection with its place', async () => {
    const dup = previewAreaFiles([await load(FIXTURES, 'duplicate-ids.geojson')], { idField: 'gebiet_nr' });
    expect(dup.problems.map((x) => x.code)).toContain('import.duplicate_key');
    expect(dup.problems.find((x) => x.code === 'import.duplicate_key')!.message).toContain(
      'Datensatz 1 und Datensatz 3',
    );
    const bow = previewAreaFiles([await load(FIXTURES, 'bow-tie.geojson')]);
    const crossing = bow.problems.find((x) => x.code === 'import.self_intersection')!;
    expect(crossing).toMatchObject({ record: 2, key: 'B' });
    expect(crossing.lon).toBeCloseTo(7.05, 4);
    expect(crossing.lat).toBeCloseTo(50.95, 4);
    expect(crossing.message).toContain('schneidet sich selbst');
    expect(bow.geojson.features.map((f) => f.properties.key)).not.toContain('B');
  });

  it('names an unknown field chosen by the user', async () => {
    const p = previewAreaFiles([await koelnZip()], { idField: 'GEBIET' });
    expect(p.problems[0]).toMatchObject({ code: 'import.field_not_found' });
    expect(p.problems[0]!.message).toContain('„STT_NR“');
  });
});
