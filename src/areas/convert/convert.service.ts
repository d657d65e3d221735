/**
 * Converting counts between two Gebietsstände of a level (docs/methods.md §10.1): the old areas'
 * observations become observations of the new areas, marked as converted by their data_source.
 */
import { badRequest } from '../../core/errors.ts';
import type { Cell } from '../../core/value-status.ts';
import { lockLevelAreas } from '../../db/advisory.ts';
import type { Db } from '../../db/db.ts';
import { insertObservations, type NewObservation } from '../../observations/observation.repository.ts';
import { requireLevel } from '../area.service.ts';
import { allocate } from './allocate.ts';
import * as repo from './convert.repository.ts';
import type { CorrespondenceRow } from './correspondence.ts';
import { interiorPoint, type FinerUnit } from './finer.ts';
import type { PopulationGridFile } from './finer.ts';
import { convertMessages, methodLabel, type AppliedMethod, type WeightsLabel } from './messages.ts';
import { planConversion, type ConvertMethod, type FinerWeights } from './plan.ts';

/** The count whose Stichtag totals on the new areas weight `population` conversions. */
export const POPULATION_VARIABLE = 'ew';

export interface ConversionRequest {
  level: string;
  /** A date within the old Gebietsstand. */
  from: string;
  /** A date within the new Gebietsstand. */
  to: string;
  /** Default `area`, or `population` when `weights` are given. */
  method?: ConvertMethod;
  tolerance?: number;
  /**
   * Finer population for `population`: a finer level (higher rank) with `ew` counts whose areas
   * are valid at `to`, or a population grid read by `parseGridCsv`.
   */
  weights?: { level: string } | { grid: PopulationGridFile };
}

/** Where finer weights came from, as reported and stored. */
export type WeightsUsed =
  | { source: 'level'; level: string; levelName: string; date: string | null; units: number }
  | { source: 'grid'; file: string; cellSize: number | null; units: number; secret: number };

export interface CorrespondenceResult {
  level: string;
  /** valid_from of the old and of the new Gebietsstand. */
  fromValidFrom: string;
  toValidFrom: string;
  method: AppliedMethod;
  /** German name of the method applied, naming the finer level or grid. */
  methodName: string;
  /** Stichtag of the population weights (the finer level's when it weighted), when weighted by population. */
  weightDate: string | null;
  /** The finer level or grid offered as weights (null without). */
  weights: WeightsUsed | null;
  rows: CorrespondenceRow[];
  notices: string[];
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

async function load(db: Db, req: ConversionRequest) {
  for (const d of [req.from, req.to])
    if (!isDate(d)) throw badRequest('areas.convert_bad_date', convertMessages.badDate(d));
  const method = req.method ?? (req.weights ? 'population' : 'area');
  if (method !== 'area' && method !== 'population')
    throw badRequest('areas.convert_unknown_method', convertMessages.unknownMethod(String(method)));
  if (req.weights && method !== 'population')
    throw badRequest('areas.convert_weights_need_population', convertMessages.weightsNeedPopulation());
  const level = await requireLevel(db, req.level);
  const from = await repo.areasValidAt(db, level.id, req.from);
  const to = await repo.areasValidAt(db, level.id, req.to);
  for (const [areas, date] of [
    [from, req.from],
    [to, req.to],
  ] as const)
    if (areas.length === 0)
      throw badRequest('areas.convert_no_gebietsstand', convertMessages.noGebietsstand(level.key, date), {
        level: level.key,
        date,
      });
  if (from[0]!.id === to[0]!.id)
    throw badRequest(
      'areas.convert_same_gebietsstand',
      convertMessages.sameGebietsstand(level.key, req.from, req.to),
    );
  const weights =
    method === 'population'
      ? await repo.firstCountedTotals(
          db,
          POPULATION_VARIABLE,
          to.map((a) => a.id),
          to[0]!.valid_from,
        )
      : null;
  const finer = req.weights ? await finerWeights(db, req.weights, level, req.to, to[0]!.valid_from) : null;
  const plan = planConversion({
    from,
    to,
    method,
    ...(weights ? { population: weights.values } : {}),
    ...(finer ? { finer: finer.weights } : {}),
    populationVariable: POPULATION_VARIABLE,
    ...(req.tolerance !== undefined ? { tolerance: req.tolerance } : {}),
  });
  const notices = [...(finer?.notices ?? []), ...plan.notices];
  const weightDate =
    plan.method === 'population'
      ? weights!.date
      : plan.method === 'population_finer' && finer!.used.source === 'level'
        ? finer!.used.date
        : null;
  const methodName = methodLabel(plan.method, finer?.weights.label);
  return { level, from, to, plan, notices, weightDate, methodName, weightsUsed: finer?.used ?? null };
}

/**
 * The finer units for a conversion: a finer level's areas valid at `date` (each reduced to a
 * point inside it) with their counted `ew` at the first Stichtag on or after `since`, or a grid's cells.
 */
async function finerWeights(
  db: Db,
  source: NonNullable<ConversionRequest['weights']>,
  level: { key: string; rank: number },
  date: string,
  since: string,
): Promise<{ weights: FinerWeights; used: WeightsUsed; notices: string[] }> {
  if ('grid' in source) {
    const g = source.grid;
    const label: WeightsLabel = { cellSize: g.cellSize, zensus: g.zensus };
    return {
      weights: { kind: 'grid', units: g.units, label },
      used: {
        source: 'grid',
        file: g.fileName,
        cellSize: g.cellSize,
        units: g.units.length,
        secret: g.secret,
      },
      notices: g.secret > 0 ? [convertMessages.gridSecret(g.secret, g.fileName)] : [],
    };
  }
  const fine = await requireLevel(db, source.level);
  if (!(fine.rank > level.rank))
    throw badRequest(
      'areas.convert_weights_level_not_finer',
      convertMessages.weightsLevelNotFiner(level.key, fine.key),
      { level: level.key, weightsLevel: fine.key },
    );
  const areas = await repo.areasValidAt(db, fine.id, date);
  if (areas.length === 0)
    throw badRequest('areas.convert_no_gebietsstand', convertMessages.noGebietsstand(fine.key, date), {
      level: fine.key,
      date,
    });
  const counts = await repo.firstCountedTotals(
    db,
    POPULATION_VARIABLE,
    areas.map((a) => a.id),
    since,
  );
  const units: FinerUnit[] = [];
  for (const a of areas) {
    const population = counts?.values.get(a.key);
    const p = population === undefined ? null : interiorPoint(a.geometry);
    if (p) units.push({ lon: p[0], lat: p[1], population: population! });
  }
  return {
    weights: { kind: 'level', units, label: { levelName: fine.name } },
    used: {
      source: 'level',
      level: fine.key,
      levelName: fine.name,
      date: counts?.date ?? null,
      units: units.length,
    },
    notices: [],
  };
}

/**
 * The correspondence table the conversion applies (old key → new key, share), for review or
 * export before anything is stored.
 * @example await conversionTable(db, { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30' })
 */
export async function conversionTable(db: Db, req: ConversionRequest): Promise<CorrespondenceResult> {
  const { level, from, to, plan, notices, weightDate, methodName, weightsUsed } = await load(db, req);
  return {
    level: level.key,
    fromValidFrom: from[0]!.valid_from,
    toValidFrom: to[0]!.valid_from,
    method: plan.method,
    methodName,
    weightDate,
    weights: weightsUsed,
    rows: plan.rows,
    notices,
  };
}

export interface ConversionResult extends Omit<CorrespondenceResult, 'rows'> {
  /** Correspondence rows applied. */
  pairs: number;
  /** Observations written (or, in a dry run, that would be written). */
  converted: number;
  /** Values of new areas that were counted, not converted: kept. */
  keptObserved: number;
  dates: string[];
  dryRun: boolean;
  /** The data_source row of this run (null in a dry run). */
  sourceId: number | null;
}

/**
 * Converts every count of the old Gebietsstand's areas (all variables, Stichtage and breakdowns)
 * onto the new areas and stores them as observations of a `conversion` source. A value counted
 * on a new area is never replaced; a value converted earlier is. One transaction.
 * @example await convertLevel(db, { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30', method: 'population' })
 */
export async function convertLevel(
  db: Db,
  req: ConversionRequest & { dryRun?: boolean; userId?: number | null },
): Promise<ConversionResult> {
  // converted values of the older areas would be stored on areas no page reads any more
  if (req.from >= req.to)
    throw badRequest('areas.convert_backwards', convertMessages.backwards(req.from, req.to));
  return db.transaction(async (tx) => {
    await lockLevelAreas(tx, req.level);
    const {
      level,
      from,
      to,
      plan,
      notices: planNotices,
      weightDate,
      methodName,
      weightsUsed,
    } = await load(tx, req);
    const fromKey = new Map(from.map((a) => [a.id, a.key]));
    const toId = new Map(to.map((a) => [a.key, a.id]));
    // variable, Stichtag and breakdown → old key → cell
    const slices = new Map<
      string,
      { variableId: number; date: string; breakdown: string; cells: Map<string, Cell> }
    >();
    for (const c of await repo.countsOf(
      tx,
      from.map((a) => a.id),
    )) {
      const id = `${c.variable_id}|${c.ref_date}|${c.breakdown}`;
      let s = slices.get(id);
      if (!s)
        slices.set(
          id,
          (s = { variableId: c.variable_id, date: c.ref_date, breakdown: c.breakdown, cells: new Map() }),
        );
      s.cells.set(fromKey.get(c.area_id)!, { value: c.value, status: c.status });
    }
    const observed = new Set(
      (await repo.countsOf(tx, [...toId.values()]))
        .filter((c) => !c.converted)
        .map((c) => `${c.variable_id}|${c.ref_date}|${c.breakdown}|${c.area_id}`),
    );
    const rows: Omit<NewObservation, 'sourceId'>[] = [];
    let keptObserved = 0;
    for (const s of slices.values())
      for (const [key, cell] of allocate(s.cells, plan.rows)) {
        const areaId = toId.get(key)!;
        if (observed.has(`${s.variableId}|${s.date}|${s.breakdown}|${areaId}`)) {
          keptObserved++;
          continue;
        }
        rows.push({ variableId: s.variableId, areaId, date: s.date, breakdown: s.breakdown, ...cell });
      }
    const notices = [...planNotices];
    if (keptObserved > 0) notices.push(convertMessages.observedKept(keptObserved));
    const fromValidFrom = from[0]!.valid_from;
    const toValidFrom = to[0]!.valid_from;
    let sourceId: number | null = null;
    if (!req.dryRun && rows.length > 0) {
      sourceId = await repo.recordConversion(tx, {
        name: `Umrechnung ${level.name}: Gebietsstand ${fromValidFrom} → ${toValidFrom} (${methodName})`,
        stichtag: toValidFrom,
        importedBy: req.userId ?? null,
        details: {
          level: level.key,
          // `method` stays area|population for readers of older runs; the variant names the weights
          method: plan.method === 'area' ? 'area' : 'population',
          variant: plan.method,
          methodName,
          requestedMethod: req.method ?? (req.weights ? 'population' : 'area'),
          weights: weightsUsed,
          fromValidFrom,
          toValidFrom,
          weightDate,
          weightVariable: plan.method === 'area' ? null : POPULATION_VARIABLE,
          tolerance: req.tolerance ?? null,
          pairs: plan.rows.length,
          notices,
        },
      });
      const id = sourceId;
      await insertObservations(
        tx,
        rows.map(({ variableId, areaId, date, breakdown, value, status }) => ({
          variableId,
          areaId,
          date,
          breakdown,
          value,
          status,
          sourceId: id,
        })),
      );
    }
    return {
      level: level.key,
      fromValidFrom,
      toValidFrom,
      method: plan.method,
      methodName,
      weightDate,
      weights: weightsUsed,
      pairs: plan.rows.length,
      converted: rows.length,
      keptObserved,
      dates: [...new Set([...slices.values()].map((s) => s.date))].sort(),
      notices,
      dryRun: req.dryRun ?? false,
      sourceId,
    };
  });
}
