import { describe, expect, it } from 'vitest';
import { insideScope, levelsToWalk, publicChoice, type AreaLists } from './own-areas.ts';

/** A small Kreis as in src/demo/kreis: Sozialräume only in the Mittelzentrum. */
const levels = [
  { key: 'stadt', rank: 0 },
  { key: 'gemeinde', rank: 1 },
  { key: 'sozialraum', rank: 2 },
  { key: 'wohnplatz', rank: 3 },
];
const MUSTER = '05999020';
const HEIDE = '05999008';
const lists: AreaLists = {
  gemeinde: [
    { id: MUSTER, parent: 'K', parentLevel: 'stadt' },
    { id: HEIDE, parent: 'K', parentLevel: 'stadt' },
  ],
  sozialraum: [{ id: `${MUSTER}-S1`, parent: MUSTER, parentLevel: 'gemeinde' }],
  wohnplatz: [
    // a Musterhausen Wohnplatz lies in a Sozialraum, a rural one directly in its Gemeinde
    { id: `${MUSTER}001`, parent: `${MUSTER}-S1`, parentLevel: 'sozialraum' },
    { id: `${HEIDE}001`, parent: HEIDE, parentLevel: 'gemeinde' },
  ],
};
const muster = { level: 'gemeinde', key: MUSTER };
const heide = { level: 'gemeinde', key: HEIDE };

describe('levelsToWalk', () => {
  it('asks for every level finer than the scope down to the target', () => {
    expect(levelsToWalk(levels, muster, 'wohnplatz')).toEqual(['sozialraum', 'wohnplatz']);
    expect(levelsToWalk([...levels].reverse(), muster, 'sozialraum')).toEqual(['sozialraum']);
    expect(levelsToWalk(levels, muster, 'gemeinde')).toEqual([]);
    expect(levelsToWalk(levels, muster, 'stadt')).toEqual([]);
    expect(levelsToWalk(levels, { level: 'kreis', key: 'x' }, 'wohnplatz')).toEqual([]);
  });
});

describe('insideScope', () => {
  it('walks a ragged hierarchy up both ways: through a Sozialraum and directly to the Gemeinde', () => {
    const wp = (id: string) => ({ level: 'wohnplatz', id });
    expect(insideScope(muster, wp(`${MUSTER}001`), levels, lists)).toBe(true);
    expect(insideScope(muster, wp(`${HEIDE}001`), levels, lists)).toBe(false);
    expect(insideScope(heide, wp(`${HEIDE}001`), levels, lists)).toBe(true);
    expect(insideScope(heide, wp(`${MUSTER}001`), levels, lists)).toBe(false);
  });

  it('counts the scope’s own area, and nothing coarser or unknown', () => {
    expect(insideScope(muster, { level: 'gemeinde', id: MUSTER }, levels, lists)).toBe(true);
    expect(insideScope(muster, { level: 'gemeinde', id: HEIDE }, levels, lists)).toBe(false);
    expect(insideScope(muster, { level: 'stadt', id: 'K' }, levels, lists)).toBe(false);
    expect(insideScope(muster, { level: 'wohnplatz', id: 'gibt-es-nicht' }, levels, lists)).toBe(false);
    expect(insideScope(muster, { level: 'ortsteil', id: '1' }, levels, lists)).toBe(false);
  });

  it('waits for a list the walk needs', () => {
    const partial = { ...lists, sozialraum: undefined };
    expect(insideScope(muster, { level: 'wohnplatz', id: `${MUSTER}001` }, levels, partial)).toBeUndefined();
    // the rural Wohnplatz needs no Sozialraum
    expect(insideScope(heide, { level: 'wohnplatz', id: `${HEIDE}001` }, levels, partial)).toBe(true);
  });

  it('ends on a list whose parents go round in a circle', () => {
    const circle: AreaLists = {
      wohnplatz: [
        { id: 'a', parent: 'b', parentLevel: 'wohnplatz' },
        { id: 'b', parent: 'a', parentLevel: 'wohnplatz' },
      ],
    };
    expect(insideScope(muster, { level: 'wohnplatz', id: 'a' }, levels, circle)).toBe(false);
  });
});

describe('publicChoice', () => {
  const wohnplatz = (id: string | null) => ({ level: 'wohnplatz', id });

  it('lets a scoped planner choose for the Steckbrief of an own area only', () => {
    expect(publicChoice(muster, 'area', wohnplatz(`${MUSTER}001`), levels, lists)).toBe('free');
    expect(publicChoice(muster, 'area', wohnplatz(`${HEIDE}001`), levels, lists)).toBe('published');
    expect(publicChoice(heide, 'area', wohnplatz(`${MUSTER}001`), levels, lists)).toBe('published');
  });

  it('publishes a city template whatever the level', () => {
    expect(publicChoice(muster, 'city', { level: 'gemeinde', id: null }, levels, {})).toBe('published');
    expect(publicChoice(muster, 'city', wohnplatz(null), levels, lists)).toBe('published');
  });

  it('waits for the lists, and leaves the choice free before an area is chosen', () => {
    expect(publicChoice(muster, 'area', wohnplatz(`${MUSTER}001`), levels, {})).toBe('unknown');
    expect(publicChoice(muster, 'area', wohnplatz(null), levels, {})).toBe('free');
  });

  it('leaves a planner without scope free for every target', () => {
    expect(publicChoice(null, 'city', { level: 'gemeinde', id: null }, levels, {})).toBe('free');
    expect(publicChoice(null, 'area', wohnplatz(`${HEIDE}001`), levels, lists)).toBe('free');
    expect(publicChoice(null, 'area', wohnplatz(`${MUSTER}001`), levels, {})).toBe('free');
  });
});
