/**
 * A report map classes every area as the atlas's map does (`classification/`): with the indicator's
 * stored classification, else its default — so a reader never finds an area in another class in
 * the Sozialbericht than on the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../classification/classify.ts';
import { DEFAULT_CLASSIFICATION } from '../classification/defaults.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { patchIndicator } from '../indicators/indicator.repository.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { engines } from '../test/databases.ts';
import { choropleth } from './figures.ts';
import { classColours } from './svg.ts';

const KEY = 'sgb2_quote';

describe('report maps classed as the atlas classes them', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemo(db, { seed: 1 });
  });
  afterAll(() => drop?.());

  const mapAndAtlas = async () => {
    const table = await loadLevelTable(db, null, 'sozialraum');
    const date = table.dates.at(-1)!;
    const map = await choropleth(db, table, {
      level: 'sozialraum',
      levelName: 'Sozialräumen',
      date,
      indicator: KEY,
    });
    const grid = table.grids.get(KEY)!;
    const cells = grid.cells[table.dates.indexOf(date)]!;
    const values = cells.map((c) => (c.status === 'secret' ? null : c.value));
    const { decimals, unit } = grid.indicator;
    const atlas = classify(values, grid.indicator.classification ?? DEFAULT_CLASSIFICATION, {
      decimals,
      unit,
    });
    const byKey = new Map(table.areas.map((a, i) => [a.key, atlas.classOf(values[i])]));
    return { map, atlas, byKey };
  };

  it('uses the atlas default (quantiles, five classes) without a stored classification', async () => {
    const { map, atlas, byKey } = await mapAndAtlas();
    expect(map.classes).toBe(5);
    for (const s of map.shapes) expect(s.cls, s.name).toBe(byKey.get(s.key));
    expect(map.legend.slice(0, -1).map((l) => l.label)).toEqual(atlas.classes.map((c) => c.label));
  });

  it('follows the stored classification, with as many colours as classes', async () => {
    await patchIndicator(db, KEY, { classification: { method: 'natural', classes: 7 } });
    const { map, atlas, byKey } = await mapAndAtlas();
    expect(atlas.classes).toHaveLength(7);
    expect(map.classes).toBe(7);
    for (const s of map.shapes) expect(s.cls, s.name).toBe(byKey.get(s.key));
    expect(map.legend.slice(0, -1).map((l) => l.label)).toEqual(atlas.classes.map((c) => c.label));
    expect(new Set(classColours(7)).size).toBe(7);
  });
});
