/**
 * The Bedarfsplan's ranking (docs/methods.md §7, Bedarfsplan): the areas of a level by need for
 * one norm, from the norm's coverage, a composite index's class and the distance to the nearest
 * facility. Everything comes from what the reader may see: planners the unprotected coverage and
 * index; everyone else only published norms (else 404), the protected coverage (a secret demand is
 * an unknown gap, 0 points) and the index from protected values — facilities and area geometries
 * are public. So the public ranking is a function of public outputs and says nothing more.

 */
import * as areaRepo from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { badRequest } from '../core/errors.ts';
import { formatDate } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { requireType } from '../facilities/facility.service.ts';
import { toMetric } from '../accessibility/population-grid.ts';
import { versionCache } from '../coverage/coverage-cache.ts';
import { areaGrid, facilityVersions, levelContext, pointsAt } from '../coverage/coverage-data.ts';
import { computeCoverage } from '../coverage/coverage.service.ts';
import { indexResult } from '../indices/index.service.ts';
import type { IndexClass, IndexResult } from '../indices/index.schema.ts';
import { nearest, referencePoints } from './nearest.ts';
import { classText, facilityNoun, needReason, rankingMessages, ruleText } from './ranking-messages.ts';
import { rankAreas, type AreaNeedInput, type RankingParams, type SocialClass } from './ranking-score.ts';
import { RankingQuery, type Ranking, type RankingInput, type RankingRow } from './ranking.schema.ts';

/** Cell size of the grid the reference points come from (the coverage grids' default). */
const CELL = 100;

const round = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits || 0;

/** The part of an index whose class counts: `part`, else `status`, else the first. */
function choosePart(result: IndexResult, part: string | undefined) {
  const wanted = part ?? (result.parts.some((p) => p.key === 'status') ? 'status' : result.parts[0]?.key);
  const found = result.parts.find((p) => p.key === wanted);
  if (!found)
    throw badRequest(
      'planning.unknown_part',
      rankingMessages.unknownPart(
        result.index,
        wanted ?? '',
        result.parts.map((p) => p.key),
      ),
      { index: result.index, part: wanted },
    );
  return found;
}

/** „Statusklasse 3 (niedrig) oder 4 (sehr niedrig)“: the classes that are a need. */
function classNeedText(classes: readonly IndexClass[], part: { key: string; label: string }, min: number) {
  const needy = classes.filter((c) => c.severity >= min);
  if (!needy.length) return null;
  const texts = needy.map((c) => classText(c, part));
  const tail = part.key === 'status' ? texts.map((t) => t.replace(/^Statusklasse /, '')) : texts;
  const joined = tail.length > 1 ? `${tail.slice(0, -1).join(', ')} oder ${tail.at(-1)}` : tail[0]!;
  return part.key === 'status' ? `Statusklasse ${joined}` : joined;
}

/**
 * The areas of a level ranked by need for a norm.
 * @throws coverage.unknown_norm, coverage.unknown_level, indices.not_found, data.unknown_date (404);
 *   planning.no_weights, planning.unknown_part (400)
 */
export async function computeRanking(db: Db, user: User | null, input: RankingInput): Promise<Ranking> {
  const q = RankingQuery.parse(input);
  const params: RankingParams = {
    radius: q.radius,
    weights: { gap: q.weightGap, class: q.weightClass, distance: q.weightDistance },
    minSeverity: q.minSeverity,
  };
  if (!(q.weightGap + q.weightClass + q.weightDistance > 0))
    throw badRequest('planning.no_weights', rankingMessages.noWeights());

  const coverage = await computeCoverage(db, user, { norm: q.norm, level: q.level, date: q.date });
  const stichtag = coverage.stichtage[0]!;
  const date = stichtag.date;
  const version = stichtag.version;
  const type = await requireType(db, coverage.norm.facilityType);
  const noun = facilityNoun(type.key, type.name);
  const notes = [...coverage.notes];
  if (!version) notes.push(rankingMessages.noVersion(q.norm, formatDate(date)));

  const index = q.index
    ? await indexResult(db, user, q.index, q.level, q.indexDate ?? stichtag.populationDate ?? date)
    : null;
  const part = index ? choosePart(index, q.part) : null;
  const classes = new Map<string, { cls: SocialClass | null; note: string | null }>();
  if (index && part)
    for (const a of index.areas) {
      const code = a.valid ? a.parts[part.key]?.class : null;
      const c = code ? part.classes.find((x) => x.code === code) : undefined;
      classes.set(a.id, {
        cls: c ? { code: c.code, label: c.label, severity: c.severity } : null,
        note: c ? null : (a.invalidReason ?? 'keine Klasse'),
      });
    }

  // Distances: from each area's reference point to the nearest facility offering the supply.
  const cache = await versionCache(db);
  const tree = await cache.get('tree', () => areaRepo.listAllAreas(db));
  const ctx = await levelContext(cache, db, q.level, tree);
  const grid = await areaGrid(cache, db, q.level, ctx.areas, CELL);
  const origins = referencePoints(grid.grid.xy, grid.grid.area, ctx.areas.length);
  const supplyProperty = version?.supplyProperty ?? null;
  const offering = (await pointsAt(cache, db, type.key, date, supplyProperty)).filter(
    (p) => supplyProperty === null || p.capacity > 0,
  );
  if (!offering.length) notes.push(rankingMessages.noFacilities(noun, formatDate(date)));
  const forward = toMetric(grid.grid.projection);
  const targets = new Float64Array(offering.length * 2);
  offering.forEach((p, j) => {
    const [x, y] = forward(p.lon, p.lat);
    targets[2 * j] = x;
    targets[2 * j + 1] = y;
  });
  const near = nearest(origins, targets);
  const names = new Map(
    (await facilityVersions(cache, db, type.key))
      .filter(
        (v) => (v.valid_from === null || v.valid_from <= date) && (v.valid_to === null || v.valid_to > date),
      )
      .map((v) => [v.key, v.name]),
  );

  const rowOf = new Map(coverage.rows.map((r) => [r.area, r]));
  const byId = new Map(tree.map((a) => [a.id, a]));
  const inputs: AreaNeedInput[] = ctx.areas.map((a, i) => {
    const r = rowOf.get(a.key)!;
    const j = near.index[i]!;
    return {
      area: a.key,
      name: a.name,
      supply: r.supply,
      demand: r.demand,
      rate: r.rate,
      balance: r.balance,
      status: r.status,
      socialClass: classes.get(a.key)?.cls ?? null,
      distance: j >= 0 ? near.distance[i]! : null,
    };
  });
  const reasonCtx = {
    facility: noun,
    unit: coverage.norm.capacityUnit,
    walking: version?.catchment.kind === 'walking' ? version.catchment.maxDistance : null,
    part: part ? { key: part.key, label: part.label } : null,
    params,
  };
  const position = new Map(ctx.areas.map((a, i) => [a.key, i]));
  const rows: RankingRow[] = rankAreas(inputs, params).map((a) => {
    const i = position.get(a.area)!;
    const area = ctx.areas[i]!;
    const parent = area.parent_id === null ? undefined : byId.get(area.parent_id);
    const j = near.index[i]!;
    const note = index ? (classes.get(a.area)?.note ?? 'nicht im Index') : null;
    return {
      rank: a.rank,
      area: a.area,
      name: a.name,
      parent: parent?.key ?? null,
      parentName: parent?.name ?? null,
      score: round(a.score, 1)!,
      needs: a.needs,
      coverage: {
        supply: a.supply,
        demand: a.demand,
        rate: a.rate,
        balance: a.balance,
        missing: a.missing,
        status: a.status,
      },
      socialClass: a.socialClass,
      socialClassNote: a.socialClass ? null : note,
      distance: round(a.distance, 0),
      nearest:
        j >= 0 ? { key: offering[j]!.key, name: names.get(offering[j]!.key) ?? offering[j]!.key } : null,
      points: {
        gap: round(a.points.gap, 4),
        class: round(a.points.class, 4),
        distance: round(a.points.distance, 4),
      },
      need: a.need,
      reason: needReason(a, reasonCtx, note),
    };
  });

  return {
    norm: {
      key: coverage.norm.key,
      name: coverage.norm.name,
      facilityType: type.key,
      facilityTypeName: type.name,
      capacityUnit: coverage.norm.capacityUnit,
      supplyProperty,
      source: coverage.norm.source,
    },
    level: coverage.level,
    levelName: coverage.levelName,
    date,
    populationDate: stichtag.populationDate,
    index:
      index && part
        ? {
            key: index.index,
            name: index.name,
            part: part.key,
            partLabel: part.label,
            date: index.date,
            classes: part.classes,
          }
        : null,
    parameters: { ...params, referencePoint: rankingMessages.referencePoint(CELL) },
    rule: ruleText(reasonCtx, part ? classNeedText(part.classes, part, params.minSeverity) : null),
    rows,
    notes: [...new Set(notes)],
  };
}
