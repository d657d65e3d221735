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
import { convertMessages, methodNames } from './messages.ts';
import { planConversion, type ConvertMethod } from './plan.ts';

/** The count whose Stichtag totals on the new areas weight `population` conversions. */
export const POPULATION_VARIABLE = 'ew';

export interface ConversionRequest {
  level: string;
  /** A date within the old Gebietsstand. */
  from: string;
  /** A date within the new Gebietsstand. */
  to: string;
  method?: ConvertMethod;
  tolerance?: number;
}

export interface CorrespondenceResult {
  level: string;
  /** valid_from of the old and of the new Gebietsstand. */
  fromValidFrom: string;
  toValidFrom: string;
  method: ConvertMethod;
  /** Stichtag of the population weights, when weighted by population. */
  weightDate: string | null;
  rows: CorrespondenceRow[];
  notices: string[];
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

async function load(db: Db, req: ConversionRequest) {
  for (const d of [req.from, req.to])
    if (!isDate(d)) throw badRequest('areas.convert_bad_date', convertMessages.badDate(d));
  const method = req.method ?? 'area';
  if (method !== 'area' && method !== 'population')
    throw badRequest('areas.convert_unknown_method', convertMessages.unknownMethod(String(method)));
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
  const plan = planConversion({
    from,
    to,
    method,
    ...(weights ? { population: weights.values } : {}),
    populationVariable: POPULATION_VARIABLE,
    ...(req.tolerance !== undefined ? { tolerance: req.tolerance } : {}),
  });
  return { level, from, to, plan, weightDate: plan.method === 'population' ? weights!.date : null };
}

/**
 * The correspondence table the conversion applies (old key → new key, share), for review or
 * export before anything is stored.
 * @example await conversionTable(db, { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30' })
 */
export async function conversionTable(db: Db, req: ConversionRequest): Promise<CorrespondenceResult> {
  const { level, from, to, plan, weightDate } = await load(db, req);
  return {
    level: level.key,
    fromValidFrom: from[0]!.valid_from,
    toValidFrom: to[0]!.valid_from,
    method: plan.method,
    weightDate,
    rows: plan.rows,
    notices: plan.notices,
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
    const { level, from, to, plan, weightDate } = await load(tx, req);
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
    const notices = [...plan.notices];
    if (keptObserved > 0) notices.push(convertMessages.observedKept(keptObserved));
    const fromValidFrom = from[0]!.valid_from;
    const toValidFrom = to[0]!.valid_from;
    let sourceId: number | null = null;
    if (!req.dryRun && rows.length > 0) {
      sourceId = await repo.recordConversion(tx, {
        name: `Umrechnung ${level.name}: Gebietsstand ${fromValidFrom} → ${toValidFrom} (${methodNames[plan.method]})`,
        stichtag: toValidFrom,
        importedBy: req.userId ?? null,
        details: {
          level: level.key,
          method: plan.method,
          requestedMethod: req.method ?? 'area',
          fromValidFrom,
          toValidFrom,
          weightDate,
          weightVariable: plan.method === 'population' ? 'ew' : null,
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
      weightDate,
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
