/**
 * Parent rows in a ragged hierarchy, on every engine: in the small Kreis (src/test/kreis-fixture.ts)
 * a Wohnplatz of Cestadt lies in a Sozialraum, one of Bedorf directly in its Gemeinde. The
 * statistics table and the coverage name each parent row by its own level — in JSON, CSV and XLSX —
 * not by the level's declared parent level, which would call a Sozialraum „Gemeinde“.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatTable } from '../analysis/table.schema.ts';
import type { Coverage } from '../coverage/coverage.schema.ts';
import type { AreaLevel } from './area.schema.ts';
import { engines } from '../test/databases.ts';
import { useKreisFixtureApp } from '../test/kreis-fixture-app.ts';
import { KREIS_DATES } from '../test/kreis-fixture.ts';

const DATE = KREIS_DATES.at(-1)!;
/** Cestadt-Süd, in the Sozialraum Cestadt-Land; Unterbedorf, directly in the Gemeinde Bedorf. */
const IN_SOZIALRAUM = '09190133002';
const IN_GEMEINDE = '09190122002';

/** The CSV's lines as fields (no field of these files holds a `;`). */
const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(';'));

async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : '')));
  });
  return rows;
}

describe.each(engines)('parent rows in a ragged hierarchy on $name', (engine) => {
  const kreis = useKreisFixtureApp(engine, { sozialraeume: true });

  const get = async (url: string) => {
    const res = await kreis.app.inject({ url, headers: { cookie: kreis.admin } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it('lists where a partial level exists, in the levels and the start configuration', async () => {
    const levels = (await get('/api/areas/levels')).json<AreaLevel[]>();
    expect(levels.map((l) => [l.key, l.partial, l.partialIn])).toEqual([
      ['stadt', false, undefined],
      ['gemeinde', false, undefined],
      ['sozialraum', true, ['Cestadt']],
      ['wohnplatz', false, undefined],
    ]);
    const config = (await get('/api/config')).json<{ levels: AreaLevel[] }>();
    expect(config.levels.find((l) => l.key === 'sozialraum')?.partialIn).toEqual(['Cestadt']);
  });

  it('labels a statistics table’s parent rows with their own level', async () => {
    const query = `indicators=einwohner&level=wohnplatz&date=${DATE}&areas=${IN_SOZIALRAUM},${IN_GEMEINDE}`;
    const table = (await get(`/api/analysis/table?${query}`)).json<StatTable>();
    expect(table.parentLevelName).toBe('Gemeinde');
    const parents = table.rows.filter((r) => r.kind === 'parent');
    expect(parents.map((r) => [r.key, r.name, r.level, r.levelName])).toEqual([
      ['09190133S02', 'Cestadt-Land', 'sozialraum', 'Sozialraum'],
      ['09190122', 'Bedorf', 'gemeinde', 'Gemeinde'],
    ]);
    expect(table.rows.filter((r) => r.kind === 'area').map((r) => r.levelName)).toEqual([
      'Wohnplatz',
      'Wohnplatz',
    ]);

    const kinds = (rows: string[][]) => new Map(rows.map((r) => [r[0], r[2]]));
    const csv = kinds(csvRows((await get(`/api/analysis/table?${query}&format=csv`)).body));
    expect(csv.get('09190133S02')).toBe('Sozialraum');
    expect(csv.get('09190122')).toBe('Gemeinde');
    expect(csv.get(IN_SOZIALRAUM)).toBe('Wohnplatz');
    const xlsx = kinds(await xlsxRows((await get(`/api/analysis/table?${query}&format=xlsx`)).rawPayload));
    expect(xlsx.get('09190133S02')).toBe('Sozialraum');
    expect(xlsx.get('09190122')).toBe('Gemeinde');
  });

  it('labels coverage parent rows with their own level, the Sozialräume beside the Gemeinden', async () => {
    const query = `norm=kita_u3&level=wohnplatz&date=${DATE}`;
    const c = (await get(`/api/coverage?${query}`)).json<Coverage>();
    expect(c.parentLevelName).toBe('Gemeinde');
    const parents = new Map(c.parents.map((r) => [r.area, [r.level, r.levelName]]));
    expect(parents.get('09190133S02')).toEqual(['sozialraum', 'Sozialraum']);
    expect(parents.get('09190133S01')).toEqual(['sozialraum', 'Sozialraum']);
    expect(parents.get('09190122')).toEqual(['gemeinde', 'Gemeinde']);
    expect(parents.get('09190133')).toEqual(['gemeinde', 'Gemeinde']);

    const levels = (rows: string[][]) => new Map(rows.map((r) => [r[0], r[2]]));
    const csv = levels(csvRows((await get(`/api/coverage/export?${query}&format=csv`)).body));
    expect(csv.get('09190133S02')).toBe('Sozialraum');
    expect(csv.get('09190122')).toBe('Gemeinde');
    expect(csv.get(IN_SOZIALRAUM)).toBe('Wohnplatz');
    const xlsx = levels(await xlsxRows((await get(`/api/coverage/export?${query}&format=xlsx`)).rawPayload));
    expect(xlsx.get('09190133S02')).toBe('Sozialraum');
    expect(xlsx.get('09190122')).toBe('Gemeinde');
  });

  it('sums reached places into every parent an area lies in: Sozialraum and Gemeinde', async () => {
    const send = async (url: string, payload: object) => {
      const res = await kreis.app.inject({ method: 'POST', url, payload, headers: { cookie: kreis.admin } });
      expect(res.statusCode, res.body).toBe(201);
    };
    // in the Wohnplatz Cestadt (Sozialraum Cestadt-Mitte), reaching every Wohnplatz of Cestadt
    await send('/api/facilities', {
      type: 'kita',
      name: 'Kita Cestadt',
      capacity: 40,
      lon: 11.25,
      lat: 49.01,
      validFrom: '2020-01-01',
    });
    await send('/api/norms', {
      key: 'kita_reach',
      facilityType: 'kita',
      name: 'Kita U3 in 20 km',
      demand: ['ew_u3'],
      factor: 1,
      catchment: { kind: 'distance', maxDistance: 20_000, cellSize: 500 },
    });
    const c = (await get(`/api/coverage?norm=kita_reach&level=wohnplatz&date=${DATE}`)).json<Coverage>();
    const supply = (rows: Coverage['rows'], keys: readonly string[]) =>
      rows.filter((r) => keys.includes(r.area)).reduce((s, r) => s + r.supply!, 0);
    const wohnplaetze = c.rows.map((r) => r.area);
    const inCestadt = wohnplaetze.filter((k) => k.startsWith('09190133'));
    const inMitte = ['09190133001', '09190133004'];
    expect(supply(c.rows, inCestadt)).toBeGreaterThan(0);
    expect(supply(c.parents, ['09190133'])).toBeCloseTo(supply(c.rows, inCestadt), 6);
    expect(supply(c.parents, ['09190133S01'])).toBeCloseTo(supply(c.rows, inMitte), 6);
    expect(supply(c.city, [c.city[0]!.area])).toBeCloseTo(supply(c.rows, wohnplaetze), 6);
  });
});
