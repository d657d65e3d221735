/**
 * Areas as strips of one band of latitude (52°–52.02° N), cut by longitude: the small Gebietsstände
 * of the conversion tests, whose overlaps are easy to reckon by hand, and their `ew` counts.
 */
import type { Polygon } from 'geojson';
import type { AreaFile } from '../areas/readers/index.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { insertObservations, upsertVariables } from '../observations/observation.repository.ts';

/** The strip between longitudes `x0` and `x1`. */
export const strip = (x0: number, x1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, 52],
      [x1, 52],
      [x1, 52.02],
      [x0, 52.02],
      [x0, 52],
    ],
  ],
});

/** An area file of strips `[key, x0, x1, parent key]`, named by `name`. */
export const stripFile = (
  areas: [string, number, number, string | null][],
  name: (key: string) => string = (key) => key,
): AreaFile => ({
  fileName: 'test.geojson',
  fileHash: 'x',
  crs: 'EPSG:4326',
  fields: [],
  idField: 'id',
  nameField: null,
  parentField: null,
  areas: areas.map(([key, x0, x1, parentKey], i) => ({
    record: i + 1,
    key,
    name: name(key),
    parentKey,
    geometry: strip(x0, x1),
    areaM2: geodesicAreaM2(strip(x0, x1)),
    properties: {},
    repairs: [],
  })),
});

/** Stores counts of `ew` at `date` for the current areas of `level` named in `values`. */
export async function storeEw(db: Db, level: string, date: string, values: Record<string, number>) {
  const ids = new Map(
    (
      await db.query<{ id: number; key: string }>(
        `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id
          WHERE l.key = $1 AND a.valid_to IS NULL`,
        [level],
      )
    ).map((r) => [r.key, r.id]),
  );
  const [ew] = (
    await upsertVariables(db, [{ key: 'ew', name: 'Einwohner', unit: 'Personen', description: '' }])
  ).values();
  const sourceId = await recordSource(db, { kind: 'table', name: `Zählung ${level} ${date}` });
  await insertObservations(
    db,
    Object.entries(values).map(([key, value]) => ({
      variableId: ew!,
      areaId: ids.get(key)!,
      date,
      breakdown: '',
      value,
      status: 'value' as const,
      sourceId,
    })),
  );
}
