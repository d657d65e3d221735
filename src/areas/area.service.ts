/**
 * Areas: import a level from a file (one transaction, new Gebietsstand), list, locate, export.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { importError, notFound } from '../core/errors.ts';
import { recordSource } from '../db/provenance.ts';
import { lockLevelAreas } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { AreaIndex } from '../geo/area-index.ts';
import { dataVersion } from '../db/data-version.ts';
import { simplifyForDisplay } from '../geo/display.ts';
import { bboxOf, roundGeometry } from '../geo/stored-geometry.ts';
import type { AreaFeatureCollection, AreaSummary, ImportAreasResult, LocateResult } from './area.schema.ts';
import * as repo from './area.repository.ts';
import { refreshCityOutline } from './city-level.ts';
import type { AreaFile } from './readers/index.ts';
import { checkInsideParents, matchParents, placeNewLevel, type MatchedParent } from './parent-match.ts';
import { shiftRanks } from './derive/derive.repository.ts';

const LEVEL_NAMES: Record<string, string> = {
  stadt: 'Stadt',
  kreis: 'Kreis',
  gemeinde: 'Gemeinde',
  stadtbezirk: 'Stadtbezirk',
  stadtteil: 'Stadtteil',
  sozialraum: 'Sozialraum',
  planungsraum: 'Planungsraum',
  wohnplatz: 'Wohnplatz',
  bezirksregion: 'Bezirksregion',
};

/** German display name for a level key. */
export const levelName = (key: string) => LEVEL_NAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);

export interface ImportAreasOptions {
  level: string;
  levelName?: string;
  /** Gebietsstand: date from which these areas are valid (default today). */
  validFrom?: string;
  userId?: number | null;
  /** Level of the parent keys; default: the level's parent level, else the finest existing level. */
  parentLevel?: string;
}

/**
 * Stores the areas of `file` as the new current Gebietsstand of a level, in one transaction:
 * the previous areas of the level stay as history (valid_to set), nothing is half-imported.
 */
export async function importAreas(
  db: Db,
  file: AreaFile,
  opts: ImportAreasOptions,
): Promise<ImportAreasResult> {
  const validFrom = opts.validFrom ?? new Date().toISOString().slice(0, 10);
  const result = await db.transaction(async (tx) => {
    await lockLevelAreas(tx, opts.level);
    const territory = await repo.ensureTerritory(tx, { key: 'gebiet', name: 'Gebiet', kind: 'stadt' });
    let level = await repo.findLevel(tx, opts.level);
    const needsParent = file.areas.some((a) => a.parentKey !== null);
    const levels = await repo.listLevelRows(tx);
    const others = levels.filter((l) => l.key !== opts.level);
    let declared: repo.LevelRow | null = null;
    if (opts.parentLevel) {
      declared = others.find((l) => l.key === opts.parentLevel) ?? null;
      if (!declared)
        throw importError('unknown_level', `Die übergeordnete Ebene „${opts.parentLevel}“ gibt es nicht.`);
    } else if (level?.parent_level_id) {
      declared = levels.find((l) => l.id === level!.parent_level_id) ?? null;
    }
    if (needsParent && !others.some((l) => !level || l.rank < level.rank)) {
      throw importError(
        'no_parent_level',
        `${file.fileName}: Es wurde ein Feld für übergeordnete Gebiete angegeben, aber es gibt noch keine übergeordnete Ebene. Bitte zuerst die übergeordneten Gebiete importieren.`,
        { file: file.fileName },
      );
    }
    // A parent may lie on any coarser level (a ragged hierarchy, see parent-match.ts); where a key
    // exists on several, the declared parent level wins, for a new level the finest one as before.
    const matched = needsParent
      ? matchParents(file.areas, await repo.currentAreaKeys(tx, others), {
          fileName: file.fileName,
          parentField: file.parentField,
          rank: level?.rank ?? null,
          levelName: level?.name ?? opts.levelName ?? levelName(opts.level),
          preferred: declared ?? (level ? null : (others.at(-1) ?? null)),
        })
      : new Map<number, MatchedParent>();
    if (matched.size) {
      // a key on the right level can still name the wrong parent; the geometry shows it
      const shapes = new Map(
        (await repo.areaShapes(tx, [...new Set([...matched.values()].map((m) => m.id))])).map((s) => [
          s.id,
          s,
        ]),
      );
      checkInsideParents(
        file.areas,
        new Map([...matched].map(([record, m]) => [record, shapes.get(m.id)!])),
        { fileName: file.fileName, parentField: file.parentField },
      );
    }
    if (!level) {
      const placed = placeNewLevel([...matched.values()].map((m) => m.level));
      const parent = declared ?? (placed ? others.find((l) => l.id === placed.parent.id)! : null);
      const rank = Math.max(placed?.rank ?? 0, parent ? parent.rank + 1 : (others.at(-1)?.rank ?? 0) + 1);
      // a level placed above an existing finer one pushes that one (and all below) down a rank
      if (others.some((l) => l.rank === rank)) await shiftRanks(tx, rank);
      level = await repo.insertLevel(tx, {
        territoryId: territory.id,
        key: opts.level,
        name: opts.levelName ?? levelName(opts.level),
        rank,
        parentLevelId: parent?.id ?? null,
      });
    }
    const rows = file.areas.map((a) => ({
      key: a.key,
      name: a.name,
      parentId: matched.get(a.record)?.id ?? null,
      geometry: a.geometry,
      areaM2: a.areaM2,
    }));
    const sourceId = await recordSource(tx, {
      kind: 'areas',
      name: `Gebiete ${level.name}`,
      fileName: file.fileName,
      fileHash: file.fileHash,
      stichtag: validFrom,
      importedBy: opts.userId ?? null,
      details: { level: level.key, crs: file.crs, count: rows.length },
    });
    await repo.closeCurrentAreas(tx, level.id, validFrom);
    await repo.insertAreas(tx, level.id, sourceId, validFrom, prepareAreas(rows));
    await refreshCityOutline(tx, level.id);
    const repaired = file.areas.filter((a) => a.repairs.length > 0).map((a) => a.key);
    return { level: level.key, imported: rows.length, crs: file.crs, repaired, sourceId };
  });
  return result;
}

/**
 * Rows ready to store: rounded geometry, bbox, and the display geometry simplified together for
 * the whole level, so that neighbouring areas keep their shared borders.
 */
export function prepareAreas(
  areas: {
    key: string;
    name: string;
    parentId: number | null;
    geometry: Polygon | MultiPolygon;
    areaM2: number;
  }[],
): repo.NewArea[] {
  const features: Feature<Polygon | MultiPolygon>[] = areas.map((a) => ({
    type: 'Feature',
    properties: {},
    geometry: a.geometry,
  }));
  const display = simplifyForDisplay(features);
  return areas.map((a, i) => ({
    ...a,
    geometry: roundGeometry(a.geometry),
    displayGeometry: display[i]!.geometry,
    bbox: bboxOf(a.geometry),
  }));
}

/** The level `levelKey`, or an `areas.unknown_level` error naming the levels there are. */
export async function requireLevel(db: Db, levelKey: string) {
  const level = await repo.findLevel(db, levelKey);
  if (!level) {
    const known = (await repo.listLevels(db)).map((l) => l.key).join(', ') || 'keine';
    throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ gibt es nicht (vorhanden: ${known}).`, {
      level: levelKey,
    });
  }
  return level;
}

export async function listAreaSummaries(db: Db, levelKey: string): Promise<AreaSummary[]> {
  await requireLevel(db, levelKey);
  return (await repo.listAreas(db, levelKey)).map(repo.toSummary);
}

export async function levelGeojson(
  db: Db,
  levelKey: string,
  detail: 'display' | 'full',
): Promise<AreaFeatureCollection> {
  await requireLevel(db, levelKey);
  const rows = await repo.areaGeometries(db, levelKey, detail);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.key,
      properties: { id: r.key, name: r.name, parent: r.parent, level: levelKey },
      geometry: r.geometry,
    })),
  };
}

// Point-in-polygon indexes per database and level, for one data version: another process on
// the same PostgreSQL may import areas, so an index is only reused while the version read from
// the database is the one it was built for.
const indexCache = new WeakMap<
  Db,
  { version: string; levels: Map<string, Promise<AreaIndex<{ key: string; name: string }>>> }
>();

/** Point-in-area index of the current areas of `levelKey` (kept while the data version holds). */
export async function levelIndex(db: Db, levelKey: string) {
  const version = await dataVersion(db);
  let perDb = indexCache.get(db);
  if (perDb?.version !== version)
    indexCache.set(
      db,
      (perDb = { version, levels: new Map<string, Promise<AreaIndex<{ key: string; name: string }>>>() }),
    );
  let index = perDb.levels.get(levelKey);
  if (!index) {
    index = repo.areaGeometries(db, levelKey, 'full').then(
      (rows) =>
        new AreaIndex(
          rows.map((r) => ({
            key: { key: r.key, name: r.name },
            geometry: r.geometry,
          })),
        ),
    );
    perDb.levels.set(levelKey, index);
    const levels = perDb.levels;
    index.catch(() => levels.delete(levelKey));
  }
  return index;
}

/** The area of `levelKey` containing the WGS84 point, or a `areas.point_outside` error. */
export async function locate(db: Db, levelKey: string, lon: number, lat: number): Promise<LocateResult> {
  await requireLevel(db, levelKey);
  const hit = (await levelIndex(db, levelKey)).locate(lon, lat);
  if (!hit) {
    throw notFound(
      'areas.point_outside',
      `Der Punkt (${lon}, ${lat}) liegt in keinem Gebiet der Ebene „${levelKey}“.`,
      { lon, lat, level: levelKey },
    );
  }
  return { id: hit.key, name: hit.name };
}
