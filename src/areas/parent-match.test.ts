import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LagebildError } from '../core/errors.ts';
import { matchParents, placeNewLevel, type MatchContext, type MatchLevel } from './parent-match.ts';
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
