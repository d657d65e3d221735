import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoArea, DemoCity } from './generate.ts';
import { generateCity } from './generate.ts';
import type { Pt } from './planar.ts';
import { isSimpleRing, ringSignedArea } from './planar.ts';
import { areaM2, neighbours, polygons, sgb2Quote, totalsIndex } from './test-helpers.ts';

let city: DemoCity;
let srs: DemoArea[];
beforeAll(() => {
  city = generateCity({ seed: 1 });
  srs = city.areas.filter((a) => a.level === 'sozialraum');
});

describe('demo city geometry', () => {
  it('has valid polygons: closed simple rings, exterior counter-clockwise, holes clockwise', () => {
    for (const a of city.areas) {
      for (const poly of polygons(a)) {
        poly.forEach((ring, i) => {
          const pts = ring as Pt[];
          expect(isSimpleRing(pts), `ring ${i} of ${a.key}`).toBe(true);
          expect(ringSignedArea(pts) > 0).toBe(i === 0);
        });
      }
    }
  });

  it('lies in NRW', () => {
    const [lon, lat] = polygons(city.areas[0] as DemoArea)[0]?.[0]?.[0] ?? [0, 0];
    expect(lon).toBeGreaterThan(7);
    expect(lon).toBeLessThan(8.5);
    expect(lat).toBeGreaterThan(51);
    expect(lat).toBeLessThan(52.3);
  });

  it('is about 14 × 11 km and tiles without gaps or overlaps', () => {
    const stadt = city.areas.find((a) => a.level === 'stadt') as DemoArea;
    const total = areaM2(stadt);
    expect(total / 1e6).toBeGreaterThan(90);
    expect(total / 1e6).toBeLessThan(160);
    const sum = srs.reduce((s, a) => s + areaM2(a), 0);
    expect(Math.abs(sum / total - 1)).toBeLessThan(0.005);
    for (const d of city.areas.filter((a) => a.level === 'stadtbezirk')) {
      const parts = srs.filter((a) => a.parentKey === d.key).reduce((s, a) => s + areaM2(a), 0);
      expect(Math.abs(parts / areaM2(d) - 1)).toBeLessThan(0.005);
    }
  });

  it('shares borders exactly: no vertex of one Sozialraum is missing from its neighbour', () => {
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const vertices = (a: DemoArea) => new Set(polygons(a).flat(2).map(key));
    const stadt = vertices(city.areas.find((a) => a.level === 'stadt') as DemoArea);
    const count = new Map<string, number>();
    for (const a of srs) for (const k of vertices(a)) count.set(k, (count.get(k) ?? 0) + 1);
    // A vertex used by only one Sozialraum must lie on the city boundary; otherwise a neighbour
    // would have a gap or a sliver there.
    expect([...count].filter(([k, n]) => n === 1 && !stadt.has(k))).toEqual([]);
    for (const a of city.areas.filter((x) => x.level !== 'sozialraum')) {
      expect(
        [...vertices(a)].filter((k) => !count.has(k)),
        a.key,
      ).toEqual([]);
    }
  });

  it('has contiguous Stadtbezirke', () => {
    const nb = neighbours(srs);
    for (const d of city.areas.filter((a) => a.level === 'stadtbezirk')) {
      const members = srs.map((a, i) => (a.parentKey === d.key ? i : -1)).filter((i) => i >= 0);
      const reached = new Set([members[0]]);
      const queue = [members[0] as number];
      while (queue.length > 0) {
        const i = queue.pop() as number;
        for (const j of nb[i] ?? []) {
          if (!reached.has(j) && members.includes(j)) {
            reached.add(j);
            queue.push(j);
          }
        }
      }
      expect(reached.size, `Stadtbezirk ${d.key}`).toBe(members.length);
    }
  });

  it('clusters poverty in space (Moran’s I of the SGB-II-Quote > 0.3)', () => {
    const get = totalsIndex(city);
    const last = city.dates.at(-1) ?? '';
    const valid = srs.filter((a) => get('ew', a.key, last) >= 300);
    const x = valid.map((a) => sgb2Quote(get, a.key, last));
    const nb = neighbours(valid);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    let num = 0;
    let weights = 0;
    nb.forEach((set, i) => {
      for (const j of set) {
        num += ((x[i] ?? 0) - mean) * ((x[j] ?? 0) - mean);
        weights++;
      }
    });
    const den = x.reduce((s, v) => s + (v - mean) ** 2, 0);
    const moran = (x.length / weights) * (num / den);
    expect(moran).toBeGreaterThan(0.3);
  });
});

describe('demo city facilities', () => {
  it('has the expected kinds, counts and capacities', () => {
    const count = (kind: string) => city.facilities.filter((f) => f.kind === kind).length;
    expect(count('kita')).toBe(150);
    expect(count('pflegeheim')).toBe(25);
    expect(count('tagespflege')).toBe(15);
    expect(count('spielplatz')).toBe(200);
    expect(count('begegnungsstaette')).toBe(20);
    const bounds = {
      kita: [20, 120],
      pflegeheim: [60, 150],
      tagespflege: [12, 25],
      spielplatz: [200, 3000],
      begegnungsstaette: [30, 150],
    };
    for (const f of city.facilities) {
      const [lo = 0, hi = 0] = bounds[f.kind];
      expect(f.capacity).toBeGreaterThanOrEqual(lo);
      expect(f.capacity).toBeLessThanOrEqual(hi);
    }
    expect(new Set(city.facilities.map((f) => f.key)).size).toBe(city.facilities.length);
    expect(new Set(city.facilities.map((f) => f.name)).size).toBe(city.facilities.length);
  });

  it('places every facility inside its Sozialraum', () => {
    const byKey = new Map(srs.map((a) => [a.key, a]));
    for (const f of city.facilities) {
      const area = byKey.get(f.area);
      expect(area, f.key).toBeDefined();
      expect(booleanPointInPolygon([f.lon, f.lat], (area as DemoArea).geometry), f.key).toBe(true);
    }
  });
});
