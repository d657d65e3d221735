/**
 * A small city whose level „planungsraum“ changed its Gebietsstand on 01.01.2021, with counts on
 * both sides converted by surface (as `lagebild areas convert --method area`): the fixture of
 * the tests that look for the „umgerechnet“ mark in monitoring and reports.
 *
 * Old areas (from 2000): A | B in district P1, C in P2. New (from 2021): L | M | R in P1 and C2
 * (= C) in P2. Counts `ew` on the old areas at 31.12.2019 and 31.12.2020, on the new ones at
 * 30.06.2021; L also has a count of its own at 31.12.2020, which the conversion never replaces.
 * After the conversion, M, R and C2 are converted at both old Stichtage, L only at 31.12.2019.
 */
import { importAreas } from '../areas/area.service.ts';
import { convertLevel } from '../areas/convert/convert.service.ts';
import type { Db } from '../db/db.ts';
import { IndexDefinition } from '../indices/index.schema.ts';
import { SIMPLE_STATUS_CLASSES } from '../indices/presets.ts';
import { storeEw, stripFile } from './strip-areas.ts';

const gebiet = (key: string) => `Gebiet ${key}`;

/** The Gebietsstand the counts were converted from, and the mark the API shows for them. */
export const CONVERTED_FROM = { method: 'area', from: '2000-01-01' } as const;

/** Builds the city in a fresh database and converts the old counts onto the new areas by surface. */
export async function convertedCity(db: Db): Promise<void> {
  await importAreas(
    db,
    stripFile(
      [
        ['P1', 13, 13.04, null],
        ['P2', 13.04, 13.08, null],
      ],
      gebiet,
    ),
    { level: 'bezirk', validFrom: '2000-01-01' },
  );
  await importAreas(
    db,
    stripFile(
      [
        ['A', 13, 13.02, 'P1'],
        ['B', 13.02, 13.04, 'P1'],
        ['C', 13.04, 13.08, 'P2'],
      ],
      gebiet,
    ),
    { level: 'planungsraum', parentLevel: 'bezirk', validFrom: '2000-01-01' },
  );
  await storeEw(db, 'planungsraum', '2019-12-31', { A: 100, B: 50, C: 30 });
  await storeEw(db, 'planungsraum', '2020-12-31', { A: 110, B: 60, C: 30 });
  await importAreas(
    db,
    stripFile(
      [
        ['L', 13, 13.01, 'P1'],
        ['M', 13.01, 13.03, 'P1'],
        ['R', 13.03, 13.04, 'P1'],
        ['C2', 13.04, 13.08, 'P2'],
      ],
      gebiet,
    ),
    { level: 'planungsraum', parentLevel: 'bezirk', validFrom: '2021-01-01' },
  );
  await storeEw(db, 'planungsraum', '2021-06-30', { L: 300, M: 100, R: 40, C2: 31 });
  await storeEw(db, 'planungsraum', '2020-12-31', { L: 55 });
  await convertLevel(db, { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30', method: 'area' });
}

/**
 * A composite index of this city's one count (`einwohner`, the population): its areas' index
 * values and classes rest on converted inputs exactly where the counts were converted.
 * @param direction 1: more inhabitants, a higher index value; -1: a lower one
 */
export const populationIndex = (direction: 1 | -1): IndexDefinition =>
  IndexDefinition.parse({
    key: 'dichte',
    name: 'Einwohnerindex',
    description: '',
    parts: [
      {
        key: 'status',
        label: 'Status-Index',
        indicators: [{ indicator: 'einwohner', code: 'S1', direction, weight: 1 }],
        classes: SIMPLE_STATUS_CLASSES,
      },
    ],
    standardisation: 'z_population',
    aggregation: 'mean',
    mean: 'arithmetic',
    restandardise: false,
    validity: { minPopulation: null, excluded: [] },
    missing: 'exclude_area',
    codeJoin: '',
  });
