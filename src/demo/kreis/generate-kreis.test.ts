import { createHash } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoArea, DemoCity } from '../types.ts';
import type { Pt } from '../planar.ts';
import { isSimpleRing, ringSignedArea } from '../planar.ts';
import { areaM2, isContiguous, neighbours, polygons, sgb2Quote, totalsIndex } from '../test-helpers.ts';
import { generateKreis } from './generate-kreis.ts';
import { DEMO_KREIS, KREIS_LEVELS, MITTELZENTRUM, MUNICIPALITIES } from './municipalities.ts';

const hash = (k: DemoCity) => createHash('sha256').update(JSON.stringify(k)).digest('hex');

let kreis: DemoCity;
let get: ReturnType<typeof totalsIndex>;
let gemeinden: DemoArea[];
let wps: DemoArea[];
let last: string;
beforeAll(() => {
  kreis = generateKreis({ seed: 1 });
  get = totalsIndex(kreis);
  gemeinden = kreis.areas.filter((a) => a.level === KREIS_LEVELS.gemeinde);
  wps = kreis.areas.filter((a) => a.level === KREIS_LEVELS.wohnplatz);
  last = kreis.dates.at(-1) ?? '';
});

/** The Gemeinde of a Wohnplatz: the first 8 digits of its key (its parent may be a Sozialraum). */
const gemeindeOf = (w: DemoArea) => w.key.slice(0, 8);
/** Sum of a variable over the Wohnplätze of a Gemeinde. */
const gemeindeSum = (variable: string, key: string, date = last) =>
  wps.filter((w) => gemeindeOf(w) === key).reduce((s, w) => s + get(variable, w.key, date), 0);
const typeOf = (key: string) => MUNICIPALITIES.find((m) => m.key === key)?.type;

describe('generateKreis: structure', () => {
  it('is deterministic per seed', () => {
    expect(hash(generateKreis({ seed: 1 }))).toBe(hash(kreis));
    expect(hash(generateKreis({ seed: 2 }))).not.toBe(hash(kreis));
  });

  it('has one Kreis, eight Gemeinden and 80–90 Wohnplätze with AGS-like keys under their parents', () => {
    expect(kreis.territory).toEqual({ key: '05999', name: 'Musterkreis', kind: 'kreis' });
    expect(kreis.levels.map((l) => [l.key, l.name, l.rank, l.parent])).toEqual([
      [KREIS_LEVELS.kreis, 'Kreis', 0, null],
      ['gemeinde', 'Gemeinde', 1, KREIS_LEVELS.kreis],
      ['sozialraum', 'Sozialraum', 2, 'gemeinde'],
      ['wohnplatz', 'Wohnplatz', 3, 'gemeinde'],
    ]);
    expect(kreis.areas.filter((a) => a.level === KREIS_LEVELS.kreis).map((a) => a.key)).toEqual([
      DEMO_KREIS.key,
    ]);
    expect(gemeinden.map((g) => g.key)).toEqual(MUNICIPALITIES.map((m) => m.key));
    for (const g of gemeinden) {
      expect(g.key).toMatch(/^05999\d{3}$/);
      expect(g.parentKey).toBe(DEMO_KREIS.key);
    }
    expect(wps.length).toBeGreaterThanOrEqual(80);
    expect(wps.length).toBeLessThanOrEqual(90);
    for (const w of wps) {
      expect(w.key).toMatch(/^05999\d{6}$/);
      if (w.parentLevel === KREIS_LEVELS.sozialraum) expect(w.parentKey?.slice(0, 8)).toBe(gemeindeOf(w));
      else expect(gemeindeOf(w)).toBe(w.parentKey);
    }
    const count = (key: string) => wps.filter((w) => gemeindeOf(w) === key).length;
    const mz = MUNICIPALITIES.find((m) => m.type === 'mittelzentrum')!;
    for (const g of gemeinden) {
      expect(count(g.key)).toBeGreaterThanOrEqual(4);
      if (g.key !== mz.key) expect(count(g.key)).toBeLessThan(count(mz.key));
    }
    const names = kreis.areas.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has ten Stichtage and every variable for every Wohnplatz and date exactly once', () => {
    expect(kreis.dates).toEqual(Array.from({ length: 10 }, (_, i) => `${2015 + i}-12-31`));
    const areas = new Set(kreis.observations.map((o) => o.area));
    expect(areas).toEqual(new Set(wps.map((w) => w.key)));
    const seen = new Set(kreis.observations.map((o) => `${o.variable}|${o.area}|${o.date}|${o.breakdown}`));
    expect(seen.size).toBe(kreis.observations.length);
    expect(kreis.observations.length).toBe((2 * 101 + kreis.variables.length - 1) * wps.length * 10);
  });
});

describe('generateKreis: population by kind of municipality', () => {
  it('meets the sizes: Mittelzentrum about 110,000, towns 20–60k, rural Gemeinden 8–15k, 280,000 in all', () => {
    const total = wps.reduce((s, w) => s + get('ew', w.key, last), 0);
    expect(total).toBe(282_000);
    const bounds = { mittelzentrum: [100_000, 120_000], stadt: [20_000, 60_000], land: [8_000, 15_000] };
    for (const date of kreis.dates) {
      for (const g of gemeinden) {
        const [lo = 0, hi = 0] = bounds[typeOf(g.key) ?? 'land'];
        expect(gemeindeSum('ew', g.key, date), `${g.name} ${date}`).toBeGreaterThanOrEqual(lo);
        expect(gemeindeSum('ew', g.key, date), `${g.name} ${date}`).toBeLessThanOrEqual(hi);
      }
    }
  });

  it('has small Wohnplätze for disclosure control: several under 1,000, some under 300', () => {
    const ew = wps.map((w) => get('ew', w.key, last));
    expect(ew.filter((v) => v < 1000).length).toBeGreaterThanOrEqual(5);
    expect(ew.filter((v) => v < 300).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...ew)).toBeLessThan(10_000);
  });

  it('makes the Mittelzentrum poorer and younger, the rural Gemeinden older', () => {
    const share = (num: string, den: string, key: string) => gemeindeSum(num, key) / gemeindeSum(den, key);
    const quote = (key: string) =>
      (100 * gemeindeSum('sgb2', key)) / (gemeindeSum('ew', key) - gemeindeSum('ew_65plus', key));
    const mz = gemeinden.find((g) => typeOf(g.key) === 'mittelzentrum')!.key;
    const rural = gemeinden.filter((g) => typeOf(g.key) === 'land').map((g) => g.key);
    for (const r of rural) {
      expect(quote(mz)).toBeGreaterThan(quote(r) + 3);
      expect(share('ew_65plus', 'ew', r)).toBeGreaterThan(share('ew_65plus', 'ew', mz) + 0.02);
      expect(share('ew_18_64', 'ew', mz)).toBeGreaterThan(share('ew_18_64', 'ew', r));
    }
    const kreisQuote =
      (100 * wps.reduce((s, w) => s + get('sgb2', w.key, last), 0)) /
      wps.reduce((s, w) => s + get('ew', w.key, last) - get('ew_65plus', w.key, last), 0);
    expect(kreisQuote).toBeGreaterThan(5);
    expect(kreisQuote).toBeLessThan(11);
    const big = wps.filter((w) => get('ew', w.key, last) >= 300);
    expect(Math.max(...big.map((w) => sgb2Quote(get, w.key, last)))).toBeLessThan(35);
  });
});

describe('generateKreis: geometry', () => {
  it('has valid polygons in NRW: closed simple rings, exterior counter-clockwise, holes clockwise', () => {
    for (const a of kreis.areas) {
      for (const poly of polygons(a)) {
        poly.forEach((ring, i) => {
          expect(isSimpleRing(ring as Pt[]), `ring ${i} of ${a.key}`).toBe(true);
          expect(ringSignedArea(ring as Pt[]) > 0).toBe(i === 0);
          for (const [lon = 0, lat = 0] of ring) {
            expect(lon > 6.5 && lon < 7.8 && lat > 50.7 && lat < 51.3, a.key).toBe(true);
          }
        });
      }
    }
  });

  it('tiles without gaps or overlaps: Kreis = Σ Gemeinden = Σ Wohnplätze in area', () => {
    const total = areaM2(kreis.areas[0] as DemoArea);
    expect(total / 1e6).toBeGreaterThan(300);
    expect(total / 1e6).toBeLessThan(600);
    const sum = (list: DemoArea[]) => list.reduce((s, a) => s + areaM2(a), 0);
    expect(Math.abs(sum(wps) / total - 1)).toBeLessThan(0.005);
    expect(Math.abs(sum(gemeinden) / total - 1)).toBeLessThan(0.005);
    for (const g of gemeinden) {
      expect(Math.abs(sum(wps.filter((w) => gemeindeOf(w) === g.key)) / areaM2(g) - 1)).toBeLessThan(0.005);
    }
  });

  it('shares borders exactly and keeps every Wohnplatz inside its Gemeinde', () => {
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const vertices = (a: DemoArea) => new Set(polygons(a).flat(2).map(key));
    const outline = vertices(kreis.areas[0] as DemoArea);
    const count = new Map<string, number>();
    for (const a of wps) for (const k of vertices(a)) count.set(k, (count.get(k) ?? 0) + 1);
    expect([...count].filter(([k, n]) => n === 1 && !outline.has(k))).toEqual([]);
    const byKey = new Map(gemeinden.map((g) => [g.key, g]));
    for (const w of wps) {
      const g = byKey.get(gemeindeOf(w)) as DemoArea;
      const outside = polygons(w)
        .flat(2)
        .filter((p) => !booleanPointInPolygon(p, g.geometry));
      expect(outside, w.key).toEqual([]);
    }
  });

  it('has contiguous Gemeinden', () => {
    const nb = neighbours(wps);
    for (const g of gemeinden) {
      const members = wps.map((w, i) => (gemeindeOf(w) === g.key ? i : -1)).filter((i) => i >= 0);
      expect(isContiguous(members, nb), g.name).toBe(true);
    }
  });
});

describe('generateKreis: Sozialräume of the Mittelzentrum only (a ragged hierarchy)', () => {
  it('groups every Wohnplatz of the Mittelzentrum into 6–8 Sozialräume, the others stay under their Gemeinde', () => {
    const srs = kreis.areas.filter((a) => a.level === KREIS_LEVELS.sozialraum);
    expect(srs.length).toBeGreaterThanOrEqual(6);
    expect(srs.length).toBeLessThanOrEqual(8);
    expect(srs[0]?.name).toBe(`${MITTELZENTRUM.name}-Innenstadt`);
    for (const [i, s] of srs.entries()) {
      expect(s.key).toBe(`${MITTELZENTRUM.key}S${String(i + 1).padStart(2, '0')}`);
      expect(s.parentKey).toBe(MITTELZENTRUM.key);
      expect(s.name).toMatch(/^Musterhausen-(Innenstadt|Nord|Nordost|Nordwest|Süd|Südost|Südwest)$/);
      expect(wps.filter((w) => w.parentKey === s.key).length, s.name).toBeGreaterThanOrEqual(2);
    }
    for (const w of wps) {
      if (gemeindeOf(w) === MITTELZENTRUM.key) {
        expect(w.parentLevel).toBe(KREIS_LEVELS.sozialraum);
        expect(srs.map((s) => s.key)).toContain(w.parentKey);
      } else expect(w.parentLevel).toBeUndefined();
    }
  });

  it('tiles the Mittelzentrum: each Sozialraum the union of its Wohnplätze, contiguous', () => {
    const srs = kreis.areas.filter((a) => a.level === KREIS_LEVELS.sozialraum);
    const sum = (list: DemoArea[]) => list.reduce((s, a) => s + areaM2(a), 0);
    const mz = gemeinden.find((g) => g.key === MITTELZENTRUM.key)!;
    expect(Math.abs(sum(srs) / areaM2(mz) - 1)).toBeLessThan(0.005);
    const nb = neighbours(wps);
    for (const s of srs) {
      const members = wps.filter((w) => w.parentKey === s.key);
      expect(Math.abs(sum(members) / areaM2(s) - 1), s.name).toBeLessThan(0.005);
      const idx = wps.map((w, i) => (w.parentKey === s.key ? i : -1)).filter((i) => i >= 0);
      expect(isContiguous(idx, nb), s.name).toBe(true);
    }
  });
});

describe('generateKreis: facilities', () => {
  it('has the city’s kinds scaled to the Kreis, each inside its Wohnplatz, with a Träger of its town', () => {
    const kinds = new Set(kreis.facilities.map((f) => f.kind));
    expect(kinds).toEqual(new Set(['kita', 'pflegeheim', 'tagespflege', 'spielplatz', 'begegnungsstaette']));
    expect(kreis.facilities.filter((f) => f.kind === 'kita').length).toBe(
      Math.round((150 * 282_000) / 250_000),
    );
    const byKey = new Map(wps.map((w) => [w.key, w]));
    for (const f of kreis.facilities) {
      const area = byKey.get(f.area);
      expect(area, f.key).toBeDefined();
      expect(booleanPointInPolygon([f.lon, f.lat], (area as DemoArea).geometry), f.key).toBe(true);
      expect(f.carrier ?? '').not.toContain('Musterstadt');
      expect(f.address).not.toContain('Musterstadt');
    }
    expect(new Set(kreis.facilities.map((f) => f.name)).size).toBe(kreis.facilities.length);
    expect(new Set(kreis.facilities.map((f) => f.key)).size).toBe(kreis.facilities.length);
    expect(kreis.facilities.some((f) => f.carrier?.startsWith('Gemeinde '))).toBe(true);
  });
});
