/**
 * Deriving a parent level (e.g. Stadtbezirke from Stadtteile) from the keys of the children,
 * without a file of its own geometries: parents are dissolved from their children.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { badRequest, LagebildError, notFound } from '../../core/errors.ts';
import { lockLevelAreas } from '../../db/advisory.ts';
import type { Db } from '../../db/db.ts';
import { recordSource } from '../../db/provenance.ts';
import { geodesicAreaM2 } from '../../geo/ellipsoid-area.ts';
import * as repo from '../area.repository.ts';
import { levelName, prepareAreas } from '../area.service.ts';
import { refreshCityOutline } from '../city-level.ts';
import * as deriveRepo from './derive.repository.ts';
import { dissolve } from './dissolve.ts';
import { deriveMessages } from './messages.ts';
import { assignParents, type ParentRule } from './parent-keys.ts';

export interface DeriveLevelOptions {
  /** Key of the new (or re-derived) parent level, e.g. `stadtbezirk`. */
  level: string;
  /** Display name of a new level (default from the key). */
  levelName?: string;
  /** Key of the child level, e.g. `stadtteil`. */
  from: string;
  rule: ParentRule;
  /** Parent names by key; they win over names from the key table. */
  names?: Map<string, string>;
  /** Gebietsstand of the new parents (default today). */
  validFrom?: string;
  userId?: number | null;
  /** File behind the rule (key table), for the provenance record. */
  fileName?: string | null;
}

export interface DeriveLevelResult {
  level: string;
  from: string;
  /** Number of parent areas made. */
  derived: number;
  /** Number of child areas now linked to them. */
  children: number;
  validFrom: string;
  sourceId: number;
}

/**
 * Derives the areas of `level` from the current areas of `from`, in one transaction: each parent
 * is the union of its children, named from `names`, the key table or „<Ebene> <Schlüssel>“; the
 * children get it as parent. A new level is placed directly above `from` (finer levels move one
 * rank down when there is no room); an existing one must already be `from`'s parent level, and
 * its previous areas stay as history (valid_to set), as with `importAreas`.
 *
 * @throws 404 `areas.unknown_level`; 400 `areas.derive_*` (rule, table, level placement)
 */
export async function deriveParentLevel(db: Db, opts: DeriveLevelOptions): Promise<DeriveLevelResult> {
  const validFrom = opts.validFrom ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom) || Number.isNaN(Date.parse(validFrom)))
    throw badRequest('areas.derive_invalid_date', deriveMessages.invalidDate(validFrom));
  if (opts.level === opts.from)
    throw badRequest('areas.derive_same_level', deriveMessages.sameLevel(opts.level), { level: opts.level });
  return db.transaction(async (tx) => {
    for (const key of [opts.level, opts.from].sort()) await lockLevelAreas(tx, key);
    const from = await repo.findLevel(tx, opts.from);
    if (!from) {
      const known = (await repo.listLevels(tx)).map((l) => l.key).join(', ') || 'keine';
      throw notFound('areas.unknown_level', `Die Ebene „${opts.from}“ gibt es nicht (vorhanden: ${known}).`, {
        level: opts.from,
      });
    }
    const children = await deriveRepo.currentChildren(tx, from.id);
    if (children.length === 0)
      throw badRequest('areas.derive_no_children', deriveMessages.noChildren(from.key), { level: from.key });
    const { parentOf, names: tableNames } = assignParents(
      children.map((c) => c.key),
      opts.rule,
      from.key,
    );
    const parents = new Set(parentOf.values());
    if (children.length > 1 && parents.size === 1)
      throw badRequest(
        'areas.derive_single_parent',
        deriveMessages.singleParent(from.key, children.length, [...parents][0]!),
        { level: from.key },
      );
    let level = await repo.findLevel(tx, opts.level);
    if (level && from.parent_level_id !== level.id)
      throw badRequest('areas.derive_not_above', deriveMessages.notAbove(level.key, from.key), {
        level: level.key,
        from: from.key,
      });
    if (!level) level = await insertLevelAbove(tx, from, opts);

    const groups = new Map<string, deriveRepo.ChildRow[]>();
    for (const c of children) {
      const parent = parentOf.get(c.key)!;
      groups.set(parent, [...(groups.get(parent) ?? []), c]);
    }
    const label = level.name;
    const rows = [...groups].map(([key, members]) => {
      const geometry = dissolveGroup(
        key,
        members.map((m) => m.geometry),
      );
      const grand = new Set(members.map((m) => m.parent_id));
      return {
        key,
        name: opts.names?.get(key) ?? tableNames.get(key) ?? `${label} ${key}`,
        parentId: grand.size === 1 ? [...grand][0]! : null,
        geometry,
        areaM2: geodesicAreaM2(geometry),
      };
    });
    const sourceId = await recordSource(tx, {
      kind: 'areas',
      name: `Gebiete ${level.name} (aus ${from.name})`,
      fileName: opts.fileName ?? null,
      stichtag: validFrom,
      importedBy: opts.userId ?? null,
      details: {
        level: level.key,
        derivedFrom: from.key,
        rule:
          opts.rule.kind === 'prefix'
            ? { keyPrefix: opts.rule.length }
            : { childField: opts.rule.childField, parentField: opts.rule.parentField },
        count: rows.length,
      },
    });
    await repo.closeCurrentAreas(tx, level.id, validFrom);
    const ids = await repo.insertAreas(tx, level.id, sourceId, validFrom, prepareAreas(rows));
    await deriveRepo.setAreaParents(
      tx,
      children.map((c) => ({ id: c.id, parentId: ids.get(parentOf.get(c.key)!)! })),
    );
    // a derived top level belongs to the city like an imported one: city value and outline
    await refreshCityOutline(tx, level.id);
    return {
      level: level.key,
      from: from.key,
      derived: rows.length,
      children: children.length,
      validFrom,
      sourceId,
    };
  });
}

/** A new level between `from` and its parent level; finer levels move down when ranks are adjacent. */
async function insertLevelAbove(
  tx: Db,
  from: repo.LevelRow,
  opts: DeriveLevelOptions,
): Promise<repo.LevelRow> {
  const territory = await repo.ensureTerritory(tx, { key: 'gebiet', name: 'Gebiet', kind: 'stadt' });
  const ranks = await deriveRepo.levelRanks(tx);
  const parentRank = from.parent_level_id
    ? ((
        await tx.query<{ rank: number }>('SELECT rank FROM area_level WHERE id = $1', [from.parent_level_id])
      )[0]?.rank ?? 0)
    : 0;
  const free = from.rank - 1 > parentRank && !ranks.includes(from.rank - 1);
  const rank = free ? from.rank - 1 : from.rank;
  if (!free) await deriveRepo.shiftRanks(tx, from.rank);
  const level = await repo.insertLevel(tx, {
    territoryId: territory.id,
    key: opts.level,
    name: opts.levelName ?? levelName(opts.level),
    rank,
    parentLevelId: from.parent_level_id,
  });
  await deriveRepo.setParentLevel(tx, from.id, level.id);
  return level;
}

function dissolveGroup(key: string, geometries: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  try {
    return dissolve(geometries);
  } catch (e) {
    if (e instanceof LagebildError) throw e;
    throw new LagebildError(
      'areas.derive_dissolve_failed',
      deriveMessages.dissolveFailed(key, e instanceof Error ? e.message : String(e)),
      422,
      { key },
    );
  }
}
