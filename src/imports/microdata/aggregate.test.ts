import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCity } from '../../demo/generate.ts';
import { generateCity } from '../../demo/generate.ts';
import { writeMicrodata } from '../../demo/microdata.ts';
import { DEMO_VARIABLES } from '../../demo/variables.ts';
import { AreaIndex } from '../../geo/area-index.ts';
import { resolveCrs } from '../../geo/crs.ts';
import type { MicrodataArea, MicrodataResult } from './aggregate.ts';
import { aggregateMicrodata } from './aggregate.ts';
import { splitAreas } from './finer-level.ts';

let dir: string;
let city: DemoCity;
let csv: string;
let lines: string[];
let srs: MicrodataArea[];
let last: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagebild-microdata-'));
  city = generateCity({ seed: 3, population: 20_000 });
  csv = join(dir, 'personen.csv');
  await writeMicrodata(city, { seed: 3, path: csv });
  lines = (await readFile(csv, 'utf8')).split('\n');
  srs = city.areas.filter((a) => a.level === 'sozialraum').map((a) => ({ key: a.key, geometry: a.geometry }));
  last = city.dates.at(-1) ?? '';
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Value of a count, failing loudly if it is missing. */
function value(r: MicrodataResult, area: string, variable: string, breakdown = ''): number {
  const c = r.counts.find((x) => x.area === area && x.variable === variable && x.breakdown === breakdown);
  if (!c) throw new Error(`missing ${variable} ${breakdown} for ${area}`);
  return c.value;
}

/** The demo city's published counts at the latest Stichtag, by `variable|area|breakdown`. */
function published(): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of city.observations)
    if (o.date === last) m.set(`${o.variable}|${o.area}|${o.breakdown}`, o.value);
  return m;
}

/** Expected counts per area from the published figures: all totals and `bev` summed into groups. */
function expectMatchesPublished(r: MicrodataResult) {
  const pub = published();
  const produced = new Set(r.counts.map((c) => c.variable));
  const totals = DEMO_VARIABLES.map((v) => v.key).filter((k) => k !== 'bev' && produced.has(k));
  expect(totals).toEqual(
    expect.arrayContaining(['ew', 'ew_m', 'ew_w', 'ew_u3', 'ausl', 'sgb2', 'sgb2_u15', 'hh']),
  );
  const groups = r.source.ageGroups.map((label) => {
    const [from = '0', to = ''] = label.split('-');
    return { label, from: Number(from), to: to === '' ? 100 : Number(to) };
  });
  for (const { key: area } of srs) {
    for (const variable of totals) {
      expect(value(r, area, variable), `${variable} in ${area}`).toBe(pub.get(`${variable}|${area}|`));
    }
    for (const g of groups)
      for (const sex of ['m', 'w']) {
        let want = 0;
        for (let age = g.from; age <= g.to; age++) want += pub.get(`bev|${area}|age=${age};sex=${sex}`) ?? 0;
        expect(value(r, area, 'bev', `age=${g.label};sex=${sex}`), `${g.label} ${sex} in ${area}`).toBe(want);
      }
  }
}

describe('aggregateMicrodata on the demo city', () => {
  it('reproduces the published counts of every Sozialraum from coordinates', async () => {
    const r = await aggregateMicrodata(csv, srs, { date: last });
    expect(r.rows).toBe(20_000);
    expect(r.persons).toBe(20_000);
    expect(r.unplaced).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.source).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      location: 'coordinates',
      crs: 'EPSG:25832',
    });
    expectMatchesPublished(r);
    // Every area gets every count, zeros included: 20 bev cells and the totals.
    const perArea = r.counts.filter((c) => c.area === srs[0]!.key);
    expect(perArea.filter((c) => c.variable === 'bev')).toHaveLength(20);
    expect(r.counts).toHaveLength(perArea.length * srs.length);
  });

  it('produces only variable keys of the demo catalogue (plus the flag counts)', async () => {
    const r = await aggregateMicrodata(csv, srs, { date: last });
    const known = new Set(DEMO_VARIABLES.map((v) => v.key));
    expect([...new Set(r.counts.map((c) => c.variable))].filter((k) => !known.has(k))).toEqual([]);
  });

  it('places by an area key column, with leading zeros lost by a spreadsheet', async () => {
    // Keys from the exact point-in-polygon test, written as a key column instead of x/y.
    const crs = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' });
    const index = new AreaIndex(srs.map((a) => ({ key: a.key, geometry: a.geometry! })));
    const out = ['pseudonym;geburtsdatum;geschlecht;staatsangehoerigkeit;haushalt;sgb2;sozialraum'];
    for (const line of lines.slice(1, -1)) {
      const f = line.split(';');
      const [lon, lat] = crs.toWgs84(Number(f[6]), Number(f[7]));
      out.push([...f.slice(0, 6), `0${index.locate(lon, lat) ?? ''}`].join(';'));
    }
    out.push('ffffffff;1980-01-01;w;deutsch;Hxyz;0;999', 'eeeeeeee;1980-01-01;w;deutsch;Hxyz;0;');
    const path = join(dir, 'schluessel.csv');
    await writeFile(path, out.join('\n'));
    const r = await aggregateMicrodata(path, srs, { date: last });
    expect(r.source.location).toBe('key');
    expect(r.source.columns.area).toBe('sozialraum');
    expectMatchesPublished(r);
    expect(r.unplaced).toEqual([
      {
        reason: 'unknown_key',
        label: 'Gebietsschlüssel unbekannt',
        count: 1,
        rows: [20_002],
        values: ['999'],
      },
      { reason: 'missing_key', label: 'Gebietsschlüssel fehlt', count: 1, rows: [20_003] },
    ]);
  });

  it('adds up on a finer level cut from the Sozialräume', async () => {
    const fine = splitAreas(
      srs.map((a) => ({ key: a.key, geometry: a.geometry! })),
      300,
    );
    expect(fine.length).toBeGreaterThan(270);
    expect(fine.length).toBeLessThan(330);
    const r = await aggregateMicrodata(csv, fine, { date: last });
    expect(r.persons).toBe(20_000);
    const pub = published();
    const sums = new Map<string, number>();
    for (const c of r.counts) {
      if (c.variable !== 'ew') continue;
      const parent = fine.find((f) => f.key === c.area)!.parent;
      sums.set(parent, (sums.get(parent) ?? 0) + c.value);
    }
    let moved = 0;
    for (const a of srs) moved += Math.abs((sums.get(a.key) ?? 0) - (pub.get(`ew|${a.key}|`) ?? 0));
    expect(moved).toBeLessThanOrEqual(40); // cut lines are rounded by polygon-clipping (see splitAreas)
  });

  it('keeps no person: the result holds counts, never pseudonyms, household ids or coordinates', async () => {
    const r = await aggregateMicrodata(csv, srs, { date: last });
    const text = JSON.stringify(r);
    const sample = lines.slice(1, 2001);
    for (const line of sample) {
      const [pseudonym = '', , , , household = '', , x = ''] = line.split(';');
      expect(text).not.toContain(pseudonym);
      expect(text).not.toContain(household);
      expect(text).not.toContain(x);
    }
    expect(Object.keys(r.counts[0]!).sort()).toEqual(['area', 'breakdown', 'value', 'variable']);
  });
});
