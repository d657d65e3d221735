import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFiles } from '../areas/readers/index.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { engines } from '../test/databases.ts';
import { storeCounts, type CountRecord } from './store-counts.ts';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 51],
      [x + 0.01, 51],
      [x + 0.01, 51.01],
      [x, 51.01],
      [x, 51],
    ],
  ],
});
const fc = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: '01', name: 'Eins' }, geometry: square(7) },
    { type: 'Feature', properties: { id: '02', name: 'Zwei' }, geometry: square(7.01) },
  ],
};

describe.each(engines)('storeCounts on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    const file = await readAreaFiles(
      [{ name: 'gebiete.geojson', data: new TextEncoder().encode(JSON.stringify(fc)) }],
      {},
    );
    await importAreas(db, file, { level: 'bezirk' });
  });
  afterAll(() => drop?.());

  const rec = (areaKey: string, value: number): CountRecord => ({
    areaKey,
    date: '2024-12-31',
    variable: 'ew',
    breakdown: '',
    value,
    status: 'value',
  });
  const store = (fileName: string, records: CountRecord[]) =>
    db.transaction(async (tx) => {
      const sourceId = await recordSource(tx, {
        kind: 'table',
        name: fileName,
        fileName,
        fileHash: fileName,
      });
      return storeCounts(tx, { levelKey: 'bezirk', sourceId, fileName }, records);
    });

  it('replaces a re-imported variable and Stichtag and keeps the previous version in history', async () => {
    expect(await store('erste.csv', [rec('01', 100), rec('02', 200)])).toMatchObject({
      stored: 2,
      replaced: 0,
    });
    expect(await store('zweite.csv', [rec('01', 110), rec('02', 210)])).toMatchObject({
      stored: 2,
      replaced: 2,
    });
    const current = await db.query<{ value: number }>('SELECT value FROM observation ORDER BY value');
    expect(current.map((r) => r.value)).toEqual([110, 210]);
    const history = await db.query<{ value: number; file_name: string; replaced_by_file: string }>(
      `SELECT h.value, s.file_name, r.file_name AS replaced_by_file
         FROM observation_history h JOIN data_source s ON s.id = h.source_id JOIN data_source r ON r.id = h.replaced_by
        ORDER BY h.value`,
    );
    expect(history).toEqual([
      { value: 100, file_name: 'erste.csv', replaced_by_file: 'zweite.csv' },
      { value: 200, file_name: 'erste.csv', replaced_by_file: 'zweite.csv' },
    ]);
  });

  it('refuses an unknown area key and leaves everything as it was', async () => {
    await expect(store('dritte.csv', [rec('01', 1), rec('99', 2)])).rejects.toMatchObject({
      code: 'import.unknown_area_key',
    });
    const current = await db.query<{ value: number }>('SELECT value FROM observation ORDER BY value');
    expect(current.map((r) => r.value)).toEqual([110, 210]);
    expect((await db.query('SELECT * FROM observation_history')).length).toBe(2);
  });
});
