import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LagebildError } from '../core/errors.ts';
import {
  checkInsideParents,
  matchParents,
  placeNewLevel,
  type MatchContext,
  type MatchLevel,
  type ParentShape,
} from './parent-match.ts';
import type { RawArea } from './readers/area-file.ts';

const stadt: MatchLevel = { id: 1, key: 'stadt', name: 'Kreis', rank: 0 };
const gemeinde: MatchLevel = { id: 2, key: 'gemeinde', name: 'Gemeinde', rank: 1 };
const sozialraum: MatchLevel = { id: 3, key: 'sozialraum', name: 'Sozialraum', rank: 2 };
const wohnplatz: MatchLevel = { id: 4, key: 'wohnplatz', name: 'Wohnplatz', rank: 3 };

const geometry: Polygon = { type: 'Polygon', coordinates: [] };
const area = (record: number, key: string, parentKey: string | null): RawArea => ({
  record,
  key,
  name: key,
  parentKey,
  geometry,
  areaM2: 1,
  properties: {},
  repairs: [],
});
const candidates = [
  { id: 10, key: '05999', level: stadt },
  { id: 20, key: '05999020', level: gemeinde },
  { id: 21, key: '05999008', level: gemeinde },
  { id: 30, key: '05999020S01', level: sozialraum },
  { id: 40, key: '05999008001', level: wohnplatz },
];
const ctx: MatchContext = {
  fileName: 'wohnplaetze.geojson',
  parentField: 'eltern',
  rank: wohnplatz.rank,
  levelName: 'Wohnplatz',
  preferred: gemeinde,
};
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as LagebildError;
  }
  throw new Error('no error');
};

describe('parents in a ragged hierarchy', () => {
  it('finds a parent on the declared level or on any other coarser one', () => {
    const m = matchParents(
      [area(1, '05999020001', '05999020S01'), area(2, '05999008002', '05999008'), area(3, 'x', null)],
      candidates,
      ctx,
    );
    expect(m.get(1)).toEqual({ id: 30, level: sozialraum });
    expect(m.get(2)).toEqual({ id: 21, level: gemeinde });
    expect(m.has(3)).toBe(false);
  });

  it('refuses a parent on the same or a finer level, naming file, record and field', () => {
    const e = failure(() => matchParents([area(7, '05999008003', '05999008001')], candidates, ctx));
    expect(e.code).toBe('import.parent_not_coarser');
    expect(e.message).toBe(
      'wohnplaetze.geojson, Datensatz 7 (05999008003), Feld „eltern“: das übergeordnete Gebiet „05999008001“ liegt auf der Ebene „Wohnplatz“, die nicht über der Ebene „Wohnplatz“ liegt. Ein übergeordnetes Gebiet muss auf einer gröberen Ebene liegen.',
    );
  });

  it('names unknown parents and keys found on several coarser levels', () => {
    expect(failure(() => matchParents([area(2, 'a', 'gibtsnicht')], candidates, ctx)).message).toBe(
      'wohnplaetze.geojson, Datensatz 2 (a), Feld „eltern“: übergeordnetes Gebiet „gibtsnicht“ gibt es auf der Ebene „Gemeinde“ und auf keiner anderen gröberen Ebene.',
    );
    const twice = [...candidates, { id: 31, key: '05999', level: sozialraum }];
    const e = failure(() => matchParents([area(3, 'b', '05999')], twice, { ...ctx, preferred: null }));
    expect(e.code).toBe('import.ambiguous_parent');
    expect(e.details).toMatchObject({ levels: ['stadt', 'sozialraum'], record: 3 });
    // the declared parent level settles it
    expect(matchParents([area(3, 'b', '05999')], twice, { ...ctx, preferred: sozialraum }).get(3)?.id).toBe(
      31,
    );
  });

  it('places a new level below the finest parent and nests it in the coarsest', () => {
    expect(placeNewLevel([gemeinde, sozialraum, gemeinde])).toEqual({ parent: gemeinde, rank: 3 });
    expect(placeNewLevel([gemeinde])).toEqual({ parent: gemeinde, rank: 2 });
    expect(placeNewLevel([])).toBeNull();
  });
});

describe('a child lies in its parent', () => {
  const ring = (...xy: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...xy, xy[0]!]] });
  const box = (x0: number, x1: number, y0: number, y1: number) =>
    ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
  const shaped = (record: number, key: string, g: Polygon): RawArea => ({
    ...area(record, key, 'S'),
    geometry: g,
  });
  // two Sozialräume of two Gemeinden side by side: [0,1]×[0,1] and [1,2]×[0,1]
  const mitte: ParentShape = { key: '05999020S01', name: 'Musterhausen-Mitte', geometry: box(0, 1, 0, 1) };
  const ost: ParentShape = { key: '05999008S01', name: 'Heiderath-Ost', geometry: box(1, 2, 0, 1) };

  it('accepts children sharing the parent’s border, also an L whose centroid lies outside it', () => {
    // the thin L's centroid (≈ 0.29, 0.29) lies in its notch, outside the child and the identical parent
    const thinL = ring([0, 0], [1, 0], [1, 0.1], [0.1, 0.1], [0.1, 1], [0, 1]);
    const parents = new Map([
      [1, mitte],
      [2, mitte],
      [3, { ...mitte, geometry: thinL }],
    ]);
    expect(() =>
      checkInsideParents(
        [shaped(1, 'links', box(0, 0.5, 0, 1)), shaped(2, 'gleich', box(0, 1, 0, 1)), shaped(3, 'L', thinL)],
        parents,
        ctx,
      ),
    ).not.toThrow();
  });

  it('refuses a Wohnplatz naming the Sozialraum of another Gemeinde, with file, record, keys and name', () => {
    const e = failure(() =>
      checkInsideParents([shaped(4, '05999008004', box(1.2, 1.4, 0.2, 0.4))], new Map([[4, mitte]]), ctx),
    );
    expect(e.code).toBe('import.outside_parent');
    expect(e.message).toBe(
      'wohnplaetze.geojson, Datensatz 4 (05999008004), Feld „eltern“: das Gebiet liegt nicht in seinem übergeordneten Gebiet „05999020S01“ (Musterhausen-Mitte). Bitte den Schlüssel des übergeordneten Gebiets prüfen.',
    );
    expect(e.details).toMatchObject({
      record: 4,
      key: '05999008004',
      parent: '05999020S01',
      parentName: 'Musterhausen-Mitte',
    });
    // in its own Gemeinde's Sozialraum it is fine
    expect(() =>
      checkInsideParents([shaped(4, '05999008004', box(1.2, 1.4, 0.2, 0.4))], new Map([[4, ost]]), ctx),
    ).not.toThrow();
  });

  it('skips parents without geometry', () => {
    const kreis: ParentShape = {
      key: '05999',
      name: 'Kreis',
      geometry: { type: 'MultiPolygon', coordinates: [] },
    };
    expect(() =>
      checkInsideParents([shaped(5, 'x', box(5, 6, 5, 6))], new Map([[5, kreis]]), ctx),
    ).not.toThrow();
  });
});
