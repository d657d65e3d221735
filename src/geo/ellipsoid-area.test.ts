import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaM2 } from './ellipsoid-area.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('geodesicAreaM2', () => {
  it('gives a square of 0.01° at 52° N its ellipsoidal size', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(13, 52, 13.01, 52.01)] };
    // Meridian arc 0.01° at 52° ≈ 1113.3 m, parallel 0.01° ≈ 686.4 m (WGS84 radii of curvature).
    expect(geodesicAreaM2(g)).toBeGreaterThan(1113 * 685.5);
    expect(geodesicAreaM2(g)).toBeLessThan(1114 * 686.5);
  });

  it('does not depend on ring orientation and subtracts holes', () => {
    const outer = box(13, 52, 13.02, 52.02);
    const hole = box(13.005, 52.005, 13.01, 52.01);
    const full = geodesicAreaM2({ type: 'Polygon', coordinates: [outer] });
    const reversed = geodesicAreaM2({ type: 'Polygon', coordinates: [[...outer].reverse()] });
    const holeArea = geodesicAreaM2({ type: 'Polygon', coordinates: [hole] });
    expect(reversed).toBeCloseTo(full, 6);
    expect(geodesicAreaM2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(full - holeArea, 6);
  });

  it('adds the parts of a multipolygon; accepts unclosed rings', () => {
    const a = box(13, 52, 13.01, 52.01);
    const b = box(14, 52, 14.01, 52.01);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[a], [b.slice(0, 4)]] };
    const single = geodesicAreaM2({ type: 'Polygon', coordinates: [a] });
    expect(geodesicAreaM2(multi)).toBeCloseTo(2 * single, 3);
  });
});
