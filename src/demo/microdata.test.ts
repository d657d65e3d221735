import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Flatbush from 'flatbush';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCity } from './generate.ts';
import { generateCity } from './generate.ts';
import { MICRODATA_HEADER, writeMicrodata } from './microdata.ts';
import type { MultiPoly } from './planar.ts';
import { multiPolyBbox, pointInMultiPoly } from './planar.ts';
import { geoJsonToUtm } from './projection.ts';
import { sozialraumKeys, totalsIndex } from './test-helpers.ts';

let dir: string;
let city: DemoCity;
let lines: string[];
let rows: number;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagebild-demo-'));
  city = generateCity({ seed: 3, population: 20_000 });
  const path = join(dir, 'personen.csv');
  rows = (await writeMicrodata(city, { seed: 3, path })).rows;
  lines = (await readFile(path, 'utf8')).split('\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeMicrodata', () => {
  it('writes a header and one row per inhabitant', () => {
    expect(lines[0]).toBe(MICRODATA_HEADER);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(rows);
    expect(rows).toBe(20_000);
  });

  it('matches the published counts of every Sozialraum', () => {
    const srs = city.areas.filter((a) => a.level === 'sozialraum');
    const shapes: MultiPoly[] = srs.map((a) => geoJsonToUtm(a.geometry));
    const index = new Flatbush(shapes.length);
    for (const s of shapes) index.add(...multiPolyBbox(s));
    index.finish();
    const locate = (x: number, y: number) => {
      const hits = index.search(x, y, x, y).filter((i) => pointInMultiPoly(x, y, shapes[i] ?? []));
      return hits.length === 1 ? (srs[hits[0] ?? -1]?.key ?? '') : `ambiguous ${hits.length}`;
    };

    const stats = new Map<string, { ew: number; ausl: number; sgb2: number; hh: Set<string> }>();
    const households = new Map<string, { area: string; ages: number[] }>();
    const pseudonyms = new Set<string>();
    const row = /^[0-9a-f]{8};\d{4}-\d\d-\d\d;[mw];(deutsch|[A-Z]{2});H[0-9a-f]{8};[01];\d+\.\d;\d+\.\d$/;
    const bad: string[] = [];
    for (const line of lines.slice(1, -1)) {
      if (!row.test(line)) bad.push(line);
      const [id = '', birth = '', , nat, hh = '', sgb2, x, y] = line.split(';');
      pseudonyms.add(id);
      const area = locate(Number(x), Number(y));
      const s = stats.get(area) ?? { ew: 0, ausl: 0, sgb2: 0, hh: new Set<string>() };
      s.ew++;
      if (nat !== 'deutsch') s.ausl++;
      if (sgb2 === '1') s.sgb2++;
      s.hh.add(hh);
      stats.set(area, s);
      const members = households.get(hh) ?? { area, ages: [] };
      if (members.area !== area) bad.push(`household ${hh} in two areas`); // one address per household
      members.ages.push(2024 - Number(birth.slice(0, 4)));
      households.set(hh, members);
    }
    const types = new Map<string, Record<string, number>>();
    for (const { area, ages } of households.values()) {
      const t = types.get(area) ?? { hh_1p: 0, hh_1p_65: 0, hh_kinder: 0, hh_alleinerz: 0 };
      const adults = ages.filter((a) => a >= 18).length;
      if (ages.length === 1) t.hh_1p = (t.hh_1p ?? 0) + 1;
      if (ages.length === 1 && (ages[0] ?? 0) >= 65) t.hh_1p_65 = (t.hh_1p_65 ?? 0) + 1;
      if (adults < ages.length) t.hh_kinder = (t.hh_kinder ?? 0) + 1;
      if (adults < ages.length && adults === 1) t.hh_alleinerz = (t.hh_alleinerz ?? 0) + 1;
      types.set(area, t);
    }
    expect(bad).toEqual([]);
    expect(pseudonyms.size).toBe(rows);

    const get = totalsIndex(city);
    const last = city.dates.at(-1) ?? '';
    for (const area of sozialraumKeys(city)) {
      const s = stats.get(area);
      expect(s?.ew ?? 0, area).toBe(get('ew', area, last));
      expect(s?.ausl ?? 0, area).toBe(get('ausl', area, last));
      expect(s?.sgb2 ?? 0, area).toBe(get('sgb2', area, last));
      expect(s?.hh.size ?? 0, area).toBe(get('hh', area, last));
      for (const [variable, value] of Object.entries(types.get(area) ?? {})) {
        expect(value, `${variable} in ${area}`).toBe(get(variable, area, last));
      }
    }
  });

  it('gives birth dates that match the age at the Stichtag', () => {
    const counts = new Map<string, number>();
    for (const line of lines.slice(1, -1)) {
      const [, birth = '', sex = ''] = line.split(';');
      const age = Math.min(100, 2024 - Number(birth.slice(0, 4)));
      counts.set(`age=${age};sex=${sex}`, (counts.get(`age=${age};sex=${sex}`) ?? 0) + 1);
    }
    const last = city.dates.at(-1) ?? '';
    const expected = new Map<string, number>();
    for (const o of city.observations) {
      if (o.variable === 'bev' && o.date === last)
        expected.set(o.breakdown, (expected.get(o.breakdown) ?? 0) + o.value);
    }
    for (const [breakdown, value] of expected) expect(counts.get(breakdown) ?? 0, breakdown).toBe(value);
  });

  it('is deterministic and rejects an unknown Stichtag', async () => {
    const path = join(dir, 'again.csv');
    await writeMicrodata(city, { seed: 3, path });
    expect((await readFile(path, 'utf8')).split('\n')).toEqual(lines);
    await expect(writeMicrodata(city, { seed: 3, path, date: '2030-12-31' })).rejects.toThrow(RangeError);
  });
});
