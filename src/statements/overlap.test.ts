/**
 * Plan area ∩ areas: shares by true area, slivers along a border left out, the part outside every
 * area reported; and the plan area read from GeoJSON in lon/lat or a projected CRS, joined from
 * several features, with the area import's checks.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../geo/crs.ts';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { planOverlap } from './overlap.ts';
import { readPlanAreaJson } from './plan-area.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const areas = [
  { key: 'B', name: 'Bahnhof', geometry: box(7.01, 51, 7.02, 51.01) },
  { key: 'A', name: 'Altstadt', geometry: box(7.0, 51, 7.01, 51.01) },
  { key: 'C', name: 'Chausseeviertel', geometry: box(7.0, 51.01, 7.02, 51.02) },
];

describe('planOverlap', () => {
  it('shares the plan area by how much of it lies in each area, sorted by key', () => {
    const plan = box(7.005, 51.002, 7.0125, 51.008);
    const r = planOverlap(plan, areas);
    expect(r.areas.map((a) => a.key)).toEqual(['A', 'B']);
    expect(r.areas[0]!.share).toBeCloseTo(2 / 3, 4);
    expect(r.areas[1]!.share).toBeCloseTo(1 / 3, 4);
    expect(r.areas[0]!.overlapM2 + r.areas[1]!.overlapM2).toBeCloseTo(geodesicAreaM2(plan), 0);
    expect(r.outsideM2).toBeCloseTo(0, 0);
  });

  it('leaves out a sliver below 0.5 % of the plan and reports the part outside every area', () => {
    // 0.2 % of the plan's height reaches into C
    const sliver = planOverlap(box(7.001, 51.005, 7.004, 51.01001), areas);
    expect(sliver.areas.map((a) => a.key)).toEqual(['A']);
    expect(sliver.areas[0]!.share).toBe(1);
    const outside = planOverlap(box(6.99, 51.002, 7.002, 51.004), areas);
    expect(outside.areas.map((a) => a.key)).toEqual(['A']);
    expect(outside.outsideM2 / outside.planM2).toBeCloseTo(10 / 12, 3);
    expect(planOverlap(box(8, 52, 8.01, 52.01), areas).areas).toEqual([]);
  });
});

describe('readPlanAreaJson', () => {
  it('takes a bare polygon in lon/lat, and the same plan in UTM 32 through the crs option', () => {
    const lonlat = readPlanAreaJson(box(6.95, 50.94, 6.96, 50.945));
    expect(lonlat.crs).toBe('EPSG:4326');
    expect(lonlat.areaM2).toBeCloseTo(geodesicAreaM2(box(6.95, 50.94, 6.96, 50.945)), 0);
    const utm = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' });
    const ring = (lonlat.geometry as Polygon).coordinates[0]!.map(([x, y]) => utm.fromWgs84(x!, y!));
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    const projected = readPlanAreaJson(feature, { crs: 'EPSG:25832' });
    expect(projected.crs).toBe('EPSG:25832');
    expect(Math.abs(projected.areaM2 - lonlat.areaM2) / lonlat.areaM2).toBeLessThan(1e-6);
    // a legacy GeoJSON crs member names it as well
    const named = readPlanAreaJson({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
      features: [feature],
    });
    expect(named.crs).toBe('EPSG:25832');
    // projected coordinates without a CRS are refused rather than guessed
    expect(() => readPlanAreaJson(feature)).toThrow(expect.objectContaining({ code: 'import.crs_missing' }));
  });

  it('joins the features of a collection into one geometry', () => {
    const two = readPlanAreaJson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: box(7, 51, 7.01, 51.01) },
        { type: 'Feature', properties: {}, geometry: box(7.01, 51, 7.02, 51.01) },
        { type: 'Feature', properties: {}, geometry: box(7.05, 51, 7.06, 51.01) },
      ],
    });
    expect(two.geometry.type).toBe('MultiPolygon');
    expect(two.geometry.coordinates).toHaveLength(2);
    expect(two.areaM2).toBeCloseTo(
      geodesicAreaM2(box(7, 51, 7.02, 51.01)) + geodesicAreaM2(box(7.05, 51, 7.06, 51.01)),
      -1,
    );
  });

  it('refuses lines, crossing edges and collections without a polygon, naming the problem', () => {
    expect(() =>
      readPlanAreaJson({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [7, 51],
            [7.1, 51],
          ],
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'import.not_polygon' }));
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [7, 51],
          [7.01, 51.01],
          [7.01, 51],
          [7, 51.01],
          [7, 51],
        ],
      ],
    };
    expect(() => readPlanAreaJson(bowtie)).toThrow(
      expect.objectContaining({ code: 'import.self_intersection' }),
    );
    expect(() => readPlanAreaJson({ type: 'FeatureCollection', features: [] })).toThrow(
      expect.objectContaining({ code: 'import.empty_plan_area' }),
    );
  });
});
