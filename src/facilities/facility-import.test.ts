/**
 * The facility import and the count per area on real data, on every engine: Berlin's 542
 * Planungsräume (LOR 2021) and its 2,880 Kitas (Dec 2022). The counts are checked against an
 * independent point-in-polygon count of the raw files; bad deliveries are refused as a whole with
 * German messages naming row and field; re-imports keep the history.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { countPoints, geojsonPoints, readPolygonsWithKeys } from '../test/point-count-reference.ts';
import { countFacilities } from './facility-count.service.ts';
import { importFacilities } from './facility-import.service.ts';
import { listFacilities } from './facility.service.ts';

const PLR_DIR = resolve('../shared/data/berlin-lor-2021-plr-shp');
const PLR_SHP = resolve(PLR_DIR, 'lor_planungsraeume_2021.shp');
const KITAS = resolve('../shared/data/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson');
const STAND = '2022-12-31';

const csv = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

/** The refusal of `promise`: code, German message and every problem. */
async function refusal(promise: Promise<unknown>) {
  const e: unknown = await promise.then(
    () => new Error('expected a refusal'),
    (x: unknown) => x,
  );
  return e as {
    code: string;
    status: number;
    message: string;
    details: { problems: { row: number | null; field: string | null; code: string; severity: string }[] };
  };
}

describe.each(engines)('facilities on Berlin’s Planungsräume on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  const versions = async () =>
    (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM facility WHERE type = 'kita'"))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(db, await readAreaFile(PLR_SHP, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
  }, 300_000);
  afterAll(() => drop());

  it('refuses the Kitas in a wrong CRS: most points land outside Berlin', async () => {
    const e = await refusal(
      importFacilities(db, {
        type: 'kita',
        paths: [KITAS],
        options: { crs: 'EPSG:25832' },
        validFrom: STAND,
      }),
    );
    expect(e.code).toBe('import.mostly_outside');
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/2880 von 2880 Einrichtungen liegen außerhalb aller Gebiete/);
    expect(e.message).toContain('Koordinatensystem (EPSG:25832)');
    expect(await versions()).toBe(0);
  }, 120_000);

  it('imports all 2,880 Kitas and counts them per Planungsraum like an independent count', async () => {
    const result = await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: STAND });
    expect(result).toMatchObject({
      read: 2880,
      new: 2880,
      changed: 0,
      unchanged: 0,
      closed: 0,
      outside: 0,
      crs: 'EPSG:25833',
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const counted = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: STAND });
    expect(counted.areas).toHaveLength(542);
    expect(counted.outside).toEqual({ count: 0, capacity: 0 });
    expect(counted.total).toEqual({ count: 2880, capacity: 194979 });
    expect(counted.areas.reduce((s, a) => s + a.capacity, 0)).toBe(194979);
    const keys = counted.areas.map((a) => a.area);
    expect(keys).toEqual([...keys].sort());
    expect(counted.areas.some((a) => a.count === 0)).toBe(true);

    const reference = countPoints(
      readPolygonsWithKeys(PLR_SHP, resolve(PLR_DIR, 'lor_planungsraeume_2021.dbf'), 'PLR_ID'),
      geojsonPoints(KITAS),
    );
    expect(reference.outside).toBe(0);
    expect(new Map(counted.areas.map((a) => [a.area, a.count]))).toEqual(reference.counts);
  }, 300_000);

  it('counts nothing before the delivery’s date', async () => {
    const before = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: '2022-12-30' });
    expect(before.total.count).toBe(0);
    expect(before.areas).toHaveLength(542);
    const listed = await listFacilities(db, { type: 'kita', date: '2022-12-30' });
    expect(new Set(listed.map((f) => f.status))).toEqual(new Set(['geplant']));
  }, 60_000);

  it('changes nothing when the same file comes again', async () => {
    const before = await versions();
    const again = await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: '2023-06-30' });
    expect(again).toMatchObject({
      read: 2880,
      new: 0,
      changed: 0,
      unchanged: 2880,
      closed: 0,
      sourceId: null,
    });
    expect(await versions()).toBe(before);
  }, 120_000);

  it('keeps the history when a capacity changes, and closes what a delivery no longer has', async () => {
    const fc = JSON.parse(readFileSync(KITAS, 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    fc.features[0]!.properties.e_platz = '80'; // 01010010 Kita F.A.I.R.play: 69 → 80
    const removed = fc.features.pop()!.properties.e_nr as string;
    const file = { name: 'kitas-2023.geojson', data: new TextEncoder().encode(JSON.stringify(fc)) };
    const result = await importFacilities(db, {
      type: 'kita',
      files: [file],
      validFrom: '2023-12-31',
      closeMissing: true,
    });
    expect(result).toMatchObject({ read: 2879, new: 0, changed: 1, unchanged: 2878, closed: 1 });

    const history = await db.query<{ capacity: number; valid_from: string; valid_to: string | null }>(
      "SELECT capacity, valid_from, valid_to FROM facility WHERE key = '01010010' ORDER BY valid_from",
    );
    expect(history).toEqual([
      { capacity: 69, valid_from: STAND, valid_to: '2023-12-31' },
      { capacity: 80, valid_from: '2023-12-31', valid_to: null },
    ]);
    const at = async (date: string) =>
      (await listFacilities(db, { type: 'kita', date })).find((f) => f.key === removed)?.status;
    expect(await at('2023-12-30')).toBe('in Betrieb');
    expect(await at('2023-12-31')).toBe('geschlossen');
    const counted = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: '2024-01-01' });
    expect(counted.total.count).toBe(2879);
    const old = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: '2023-06-30' });
    expect(old.total).toEqual({ count: 2880, capacity: 194979 });

    // an older delivery cannot rewrite the later history
    const late = await refusal(
      importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: '2023-01-01' }),
    );
    expect(late.code).toBe('import.later_history');
    expect(late.message).toMatch(/Datensatz \d+ \(Nr\. „\d+“\): .*bis zum 2023-12-31/);
  }, 300_000);

  it('refuses a list with bad rows as a whole, naming row and field in German', async () => {
    const before = await versions();
    const e = await refusal(
      importFacilities(db, {
        type: 'kita',
        files: [
          csv(
            'kitas.csv',
            'Nr;Name;Plätze;lon;lat\n' +
              'K1;Kita Sonnenschein;viele;13,40;52,52\n' +
              'K2;Kita Regenbogen;-5;13,41;52,52\n' +
              'K1;Kita Pusteblume;20;13,42;52,52\n' +
              'K4;Kita Löwenzahn;30;13,43;52,51\n',
          ),
        ],
        validFrom: '2024-06-30',
      }),
    );
    expect(e.code).toBe('import.capacity_not_number');
    expect(e.message).toMatch(
      /^„kitas\.csv“: Die Datei wurde nicht importiert, nichts wurde gespeichert \(3 Fehler\)\./,
    );
    expect(e.message).toContain(
      '„kitas.csv“, Zeile 2 (Nr. „K1“), Feld „Plätze“: Die Kapazität „viele“ ist keine Zahl.',
    );
    expect(
      e.details.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.field, p.code]),
    ).toEqual([
      [2, 'Plätze', 'import.capacity_not_number'],
      [3, 'Plätze', 'import.capacity_negative'],
      [4, 'Nr', 'import.duplicate_key'],
    ]);
    expect(await versions()).toBe(before);
  }, 60_000);

  it('refuses an unknown type and keeps a point outside Berlin as „außerhalb“', async () => {
    const list = csv(
      'spiel.csv',
      'id;name;flaeche_m2;lon;lat\nS1;Spielplatz Mauerpark;3400;13,4024;52,5434\n',
    );
    const unknown = await refusal(importFacilities(db, { type: 'spielwiese', files: [list] }));
    expect(unknown.code).toBe('import.unknown_facility_type');
    expect(unknown.message).toContain('Die Einrichtungsart „spielwiese“ ist unbekannt. Bekannt sind: „kita“');

    const result = await importFacilities(db, {
      type: 'spielplatz',
      files: [
        csv(
          'spiel.csv',
          'id;name;flaeche_m2;lon;lat\nS1;Spielplatz Mauerpark;3400;13,4024;52,5434\nS2;Spielplatz Potsdam;800;13,0645;52,3989\n' +
            'S3;Spielplatz Tiergarten;1200;13,35;52,514\n',
        ),
      ],
      validFrom: '2024-01-01',
    });
    expect(result).toMatchObject({ read: 3, new: 3, outside: 1 });
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 3, code: 'import.outside', severity: 'warning' }),
    ]);
    expect(result.problems[0]!.message).toBe(
      '„spiel.csv“, Zeile 3 (Nr. „S2“): Die Einrichtung liegt außerhalb aller Gebiete; sie wird als „außerhalb“ geführt.',
    );
    const counted = await countFacilities(db, {
      type: 'spielplatz',
      level: 'planungsraum',
      date: '2024-01-01',
    });
    expect(counted).toMatchObject({
      outside: { count: 1, capacity: 800 },
      total: { count: 3, capacity: 5400 },
    });
    expect(counted.capacityUnit).toBe('m² Spielfläche');
    const outside = (await listFacilities(db, { type: 'spielplatz', date: '2024-01-01' })).find(
      (f) => f.key === 'S2',
    );
    expect(outside).toMatchObject({ area: null, status: 'in Betrieb' });
  }, 60_000);
});
