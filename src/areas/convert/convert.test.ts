import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Cell, ValueStatus } from '../../core/value-status.ts';
import { allocate, constrainToParents, largestRemainder } from './allocate.ts';
import { buildCorrespondence, correspondenceCsv, type ConvertArea } from './correspondence.ts';
import { populationShares } from './weights.ts';

/** A lon/lat box near Berlin; boxes of equal longitude width in one latitude band are congruent. */
const box = (x0: number, x1: number, y0 = 52, y1 = 52.02): Polygon => ({
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
const area = (key: string, geometry: Polygon, parent: string | null = 'P'): ConvertArea => ({
  key,
  parent,
  geometry,
});

// old: A | B, each 0.02° wide; new: L (left half of A) | M (right half of A + left half of B) | R
const OLD = [area('A', box(13, 13.02)), area('B', box(13.02, 13.04))];
const NEW = [area('L', box(13, 13.01)), area('M', box(13.01, 13.03)), area('R', box(13.03, 13.04))];

const shares = (rows: { from: string; to: string; share: number }[]) =>
  rows.map((r) => `${r.from}→${r.to} ${r.share.toFixed(6)}`);

describe('buildCorrespondence', () => {
  it('splits each old area by the share of its surface in each new area', () => {
    const c = buildCorrespondence(OLD, NEW);
    expect(shares(c.rows)).toEqual(['A→L 0.500000', 'A→M 0.500000', 'B→M 0.500000', 'B→R 0.500000']);
    expect(c.unmatched).toEqual([]);
    // half of A on the ellipsoid: 0.01° × 0.02° at 52° N ≈ 685 m × 2,225 m
    expect(c.rows[0]!.overlapM2 / 1e6).toBeCloseTo(1.525, 2);
  });

  it('drops slivers below the tolerance and renormalises, but keeps a small area lying inside', () => {
    // the new border is digitised 0.00001° (≈ 0.7 m) east of the old one: a sliver of B in L;
    // 'tiny' (overlapping L, which only this test allows) is 0.0025 % of A but all of itself
    const newLayer = [
      area('L', box(13, 13.02001)),
      area('R', box(13.02001, 13.04)),
      area('tiny', box(13.0, 13.0001, 52.0, 52.0001)),
    ];
    const oldLayer = [...OLD, area('C', box(12.9, 12.95))];
    const c = buildCorrespondence(oldLayer, newLayer);
    expect(shares(c.slivers)).toEqual(['B→L 0.000500']);
    expect(shares(c.rows)).toEqual(['A→L 0.999975', 'A→tiny 0.000025', 'B→R 1.000000']);
    expect(c.rows.find((r) => r.to === 'L')!.share + c.rows.find((r) => r.to === 'tiny')!.share).toBe(1);
    expect(c.unmatched).toEqual(['C']);
    // without tolerance the sliver stays
    expect(buildCorrespondence(oldLayer, newLayer, { tolerance: 0 }).rows).toHaveLength(4);
  });

  it('writes the table as a German CSV', () => {
    expect(correspondenceCsv(buildCorrespondence(OLD, NEW).rows).split('\n').slice(0, 2)).toEqual([
      'alter_schluessel;neuer_schluessel;anteil;flaeche_m2',
      expect.stringMatching(/^A;L;0,500000;15\d{5}$/),
    ]);
  });
});

describe('allocate', () => {
  const rows = buildCorrespondence(OLD, NEW).rows;
  const cells = (entries: [string, number | null, ValueStatus?][]) =>
    new Map<string, Cell>(
      entries.map(([k, v, s]) => [k, { value: v, status: s ?? (v === null ? 'missing' : 'value') }]),
    );

  it('area-weights counts: the hand-computed answer', () => {
    const out = allocate(
      cells([
        ['A', 100],
        ['B', 50],
      ]),
      rows,
    );
    expect(Object.fromEntries([...out].map(([k, c]) => [k, c.value]))).toEqual({ L: 50, M: 75, R: 25 });
    expect(out.get('L')!.status).toBe('estimated');
  });

  it('rounds by largest remainder so the total stays exact', () => {
    const out = allocate(
      cells([
        ['A', 101],
        ['B', 51],
      ]),
      rows,
    );
    const values = [...out.values()].map((c) => c.value!);
    expect(values.every(Number.isInteger)).toBe(true);
    expect(values.reduce((s, v) => s + v, 0)).toBe(152);
    const unrounded = allocate(
      cells([
        ['A', 101],
        ['B', 51],
      ]),
      rows,
      { round: false },
    );
    expect(unrounded.get('M')!.value).toBeCloseTo(76, 9);
  });

  it('keeps decimals when an input is not a whole number', () => {
    expect(
      allocate(
        cells([
          ['A', 10.5],
          ['B', 0],
        ]),
        rows,
      ).get('L')!.value,
    ).toBeCloseTo(5.25, 9);
  });

  it('passes secret and missing on, and keeps the status of whole areas', () => {
    const out = allocate(
      cells([
        ['A', 100, 'secret'],
        ['B', null],
      ]),
      rows,
    );
    expect([...out].map(([k, c]) => `${k} ${c.status}`)).toEqual(['L secret', 'M secret', 'R missing']);
    const whole = allocate(cells([['A', 7]]), [{ from: 'A', to: 'X', share: 1 }]);
    expect(whole.get('X')).toEqual({ value: 7, status: 'value', exact: true });
  });
});

describe('constrainToParents', () => {
  it('keeps values inside an unchanged parent and reports areas whose parent moved', () => {
    const rows = [
      { from: 'a', to: 'x', share: 0.96 },
      { from: 'a', to: 'y', share: 0.04 },
      { from: 'b', to: 'y', share: 1 },
    ];
    const out = constrainToParents(
      rows,
      new Map([
        ['a', 'B1'],
        ['b', 'B3'],
      ]),
      new Map([
        ['x', 'B1'],
        ['y', 'B2'],
      ]),
    );
    expect(out.rows).toEqual([
      { from: 'a', to: 'x', share: 1 },
      { from: 'b', to: 'y', share: 1 },
    ]);
    expect(out.unconstrained).toEqual(['b']);
  });
});

describe('largestRemainder', () => {
  it('gives the missing units to the largest remainders, ties to the first', () => {
    expect(largestRemainder([1.5, 1.5, 2])).toEqual([2, 1, 2]);
    expect(largestRemainder([0.2, 0.3, 0.5])).toEqual([0, 0, 1]);
    expect(largestRemainder([4.9999999999, 5.0000000001])).toEqual([5, 5]);
  });
});

describe('populationShares', () => {
  it('splits by the inhabitants of the new areas, spread evenly within each', () => {
    const c = buildCorrespondence(OLD, NEW);
    const areaM2 = new Map(
      NEW.map((a) => [a.key, c.rows.filter((r) => r.to === a.key).reduce((s, r) => s + r.overlapM2, 0)]),
    );
    const { rows, areaFallback } = populationShares(
      c.rows,
      new Map([
        ['L', 300],
        ['M', 100],
        ['R', 0],
      ]),
      areaM2,
    );
    // A: L holds 300, A's half of M holds 50 → 6/7 and 1/7; B: R is empty → all of B to M
    expect(shares(rows)).toEqual(['A→L 0.857143', 'A→M 0.142857', 'B→M 1.000000', 'B→R 0.000000']);
    expect(areaFallback).toEqual([]);
    const out = allocate(
      new Map([
        ['A', { value: 70, status: 'value' }],
        ['B', { value: 50, status: 'value' }],
      ]),
      rows,
    );
    expect(Object.fromEntries([...out].map(([k, v]) => [k, v.value]))).toEqual({ L: 60, M: 60, R: 0 });
    const empty = populationShares(c.rows, new Map(), areaM2);
    expect(empty.areaFallback).toEqual(['A', 'B']);
    expect(shares(empty.rows)).toEqual(shares(c.rows));
  });
});
