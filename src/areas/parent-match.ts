/**
 * Parents of imported areas in a ragged hierarchy (unbalanced tree): a Kreis whose Gemeinden have
 * levels of their own, e.g. Wohnplätze directly under most Gemeinden but under Sozialräume in the
 * Mittelzentrum. An area's parent may lie on any coarser level; a level stays declared with one
 * parent level (the one its areas nest in across the whole territory), and a level between the
 * two may cover only part of it (the Sozialräume of one Gemeinde).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { importError } from '../core/errors.ts';
import { interiorPoint } from './convert/finer.ts';
import type { RawArea } from './readers/area-file.ts';

/** A level as far as matching parents needs it. */
export interface MatchLevel {
  id: number;
  key: string;
  name: string;
  rank: number;
}

/** A current area that may be a parent. */
export interface ParentCandidate {
  id: number;
  key: string;
  level: MatchLevel;
}

/** Where the parent of one imported area was found. */
export interface MatchedParent {
  id: number;
  level: MatchLevel;
}

/** What {@link matchParents} needs to know besides the areas. */
export interface MatchContext {
  fileName: string;
  /** Field of the parent keys, named in messages as the column. */
  parentField: string | null;
  /** Rank of the imported level; null for a new level (every existing level may hold parents). */
  rank: number | null;
  levelName: string;
  /** Level whose keys win when a key exists on several levels (the declared parent level). */
  preferred: MatchLevel | null;
}

const where = (ctx: Pick<MatchContext, 'fileName' | 'parentField'>, a: RawArea) =>
  `${ctx.fileName}, Datensatz ${a.record} (${a.key})${ctx.parentField ? `, Feld „${ctx.parentField}“` : ''}`;

/**
 * The parent of every area with a parent key: on the preferred level when the key is there, else
 * on the one other coarser level that has it.
 * @param candidates current areas of every level (other levels are filtered here)
 * @returns parent per record number (areas without parent key are left out)
 * @throws import.unknown_parent when no coarser level has the key; import.parent_not_coarser when
 *   only the level itself or a finer one has it; import.ambiguous_parent when several coarser
 *   levels have it and none is preferred
 * @example matchParents([{ record: 1, key: '05999020001', parentKey: 'S01', … }], [{ id: 7, key: 'S01', level: sozialraum }], ctx).get(1) // { id: 7, level: sozialraum }
 */
export function matchParents(
  areas: readonly RawArea[],
  candidates: readonly ParentCandidate[],
  ctx: MatchContext,
): Map<number, MatchedParent> {
  const byKey = new Map<string, ParentCandidate[]>();
  for (const c of candidates) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const coarser = (c: ParentCandidate) => ctx.rank === null || c.level.rank < ctx.rank;
  const out = new Map<number, MatchedParent>();
  for (const a of areas) {
    if (a.parentKey === null) continue;
    const all = byKey.get(a.parentKey) ?? [];
    const usable = all.filter(coarser);
    const hit =
      usable.find((c) => c.level.id === ctx.preferred?.id) ?? (usable.length === 1 ? usable[0] : null);
    if (hit) {
      out.set(a.record, { id: hit.id, level: hit.level });
      continue;
    }
    const detail = {
      file: ctx.fileName,
      record: a.record,
      key: a.key,
      parent: a.parentKey,
      field: ctx.parentField,
    };
    if (usable.length > 1)
      throw importError(
        'ambiguous_parent',
        `${where(ctx, a)}: das übergeordnete Gebiet „${a.parentKey}“ gibt es auf mehreren Ebenen (${usable
          .map((c) => `„${c.level.name}“`)
          .join(', ')}); bitte die übergeordnete Ebene angeben.`,
        { ...detail, levels: usable.map((c) => c.level.key) },
      );
    if (all.length)
      throw importError(
        'parent_not_coarser',
        `${where(ctx, a)}: das übergeordnete Gebiet „${a.parentKey}“ liegt auf der Ebene „${all[0]!.level.name}“, die nicht über der Ebene „${ctx.levelName}“ liegt. Ein übergeordnetes Gebiet muss auf einer gröberen Ebene liegen.`,
        { ...detail, level: all[0]!.level.key },
      );
    throw importError(
      'unknown_parent',
      `${where(ctx, a)}: übergeordnetes Gebiet „${a.parentKey}“ gibt es ${
        ctx.preferred ? `auf der Ebene „${ctx.preferred.name}“ und ` : ''
      }auf keiner anderen gröberen Ebene.`,
      detail,
    );
  }
  return out;
}

/**
 * Parent level and rank of a new level from where its parents were found: it nests in the
 * coarsest of them (the level that holds parents across the whole territory) and lies just below
 * the finest (so that a partial level in between stays coarser).
 * @returns null when no area has a parent
 * @example placeNewLevel([gemeinde, sozialraum]) // { parent: gemeinde, rank: sozialraum.rank + 1 }
 */
export function placeNewLevel(found: readonly MatchLevel[]): { parent: MatchLevel; rank: number } | null {
  if (!found.length) return null;
  const byRank = [...found].sort((a, b) => a.rank - b.rank);
  return { parent: byRank[0]!, rank: byRank.at(-1)!.rank + 1 };
}

/** A parent's key, name and geometry, for {@link checkInsideParents}. */
export interface ParentShape {
  key: string;
  name: string;
  /** Empty (no coordinates) for a parent without geometry, e.g. the city before its outline. */
  geometry: Polygon | MultiPolygon;
}

/**
 * Every child lies in its parent: a key that exists on a coarser level can still be the wrong
 * one (a Wohnplatz naming a Sozialraum of another Gemeinde), which only the geometry shows. The
 * child's test point lies strictly inside it (the scan-line interior point, never a vertex), so a
 * child sharing a border with its parent – or whose border was digitised a little differently –
 * is not refused; the parent's border itself counts as inside. Parents without geometry are
 * skipped.
 * @param parents parent per record number (as from {@link matchParents})
 * @throws import.outside_parent naming file, record, the child's key, the parent's key and name
 * @example checkInsideParents([wohnplatz], new Map([[1, { key: 'S01', name: 'Mitte', geometry }]]), ctx)
 */
export function checkInsideParents(
  areas: readonly RawArea[],
  parents: ReadonlyMap<number, ParentShape>,
  ctx: Pick<MatchContext, 'fileName' | 'parentField'>,
): void {
  for (const a of areas) {
    const parent = parents.get(a.record);
    if (!parent || parent.geometry.coordinates.length === 0) continue;
    const point = interiorPoint(a.geometry);
    if (!point || booleanPointInPolygon(point, parent.geometry)) continue;
    throw importError(
      'outside_parent',
      `${where(ctx, a)}: das Gebiet liegt nicht in seinem übergeordneten Gebiet „${parent.key}“ (${parent.name}). Bitte den Schlüssel des übergeordneten Gebiets prüfen.`,
      {
        file: ctx.fileName,
        record: a.record,
        key: a.key,
        parent: parent.key,
        parentName: parent.name,
        field: ctx.parentField,
        lon: point[0],
        lat: point[1],
      },
    );
  }
}
