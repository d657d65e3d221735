/**
 * Composite indices on the database: definitions from `composite_index`, values from
 * `loadLevelTable` (planners unprotected; everyone else disclosure-protected, so secret cells
 * never enter a public result), the pure engine for the computation.
 */
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { formatDate } from '../core/format.ts';
import { indicatorAvailability, unavailableText } from '../indicators/availability.ts';
import { listIndicators } from '../indicators/indicator.repository.ts';
import { loadLevelTable, type LevelTable } from '../indicators/level-table.ts';
import { convertedInputs } from '../indicators/converted-inputs.ts';
import { computeIndex, type IndexInput } from './engine.ts';
import * as repo from './index.repository.ts';
import { num, presentResult } from './index.present.ts';
import type {
  IndexDefinition,
  IndexHistory,
  IndexResult,
  MissingInput,
  RobustnessResult,
} from './index.schema.ts';
import { robustness } from './robustness.ts';

/** All stored index definitions (public: definitions are method, not data). */
export async function listIndices(db: Db): Promise<IndexDefinition[]> {
  return repo.listIndexDefinitions(db);
}

/** @throws indices.not_found */
export async function requireIndex(db: Db, key: string): Promise<IndexDefinition> {
  const def = await repo.findIndexDefinition(db, key);
  if (!def) throw notFound('indices.not_found', `Den Index „${key}“ gibt es nicht.`, { index: key });
  return def;
}

/** Indicator keys of a definition, in part order. */
export const indexIndicatorKeys = (def: IndexDefinition) =>
  def.parts.flatMap((p) => p.indicators.map((i) => i.indicator));

/** The engine input of one Stichtag of a level table (values as the user may see them). */
export function inputAt(def: IndexDefinition, table: LevelTable, dateIndex: number): IndexInput {
  const values = new Map<string, Float64Array>();
  const secret = new Map<string, Uint8Array>();
  const names = new Map<string, string>();
  for (const key of indexIndicatorKeys(def)) {
    const grid = table.grids.get(key);
    const cells = grid?.cells[dateIndex] ?? [];
    values.set(
      key,
      Float64Array.from(table.areas, (_, i) => cells[i]?.value ?? NaN),
    );
    secret.set(
      key,
      Uint8Array.from(table.areas, (_, i) => (cells[i]?.status === 'secret' ? 1 : 0)),
    );
    if (grid) names.set(key, grid.indicator.name);
  }
  return {
    ids: table.areas.map((a) => a.key),
    population: table.population[dateIndex] ?? null,
    values,
    secret,
    names,
  };
}

/**
 * Results computed from a level table are kept with that table object: `loadLevelTable` shares one
 * object while data version, definitions and audience stay the same, so a report with 542
 * Steckbriefe computes the index, its history and the 1,000-run robustness once, not per area.
 * Callers must not mutate what they get.
 */
const computed = new WeakMap<LevelTable, Map<string, unknown>>();
function remember<T>(table: LevelTable, key: string, compute: () => T): T {
  let results = computed.get(table);
  if (!results) computed.set(table, (results = new Map<string, unknown>()));
  if (!results.has(key)) results.set(key, compute());
  return results.get(key) as T;
}

/** Engine input and computation of one Stichtag (shared, see `remember`). */
const computeAt = (def: IndexDefinition, table: LevelTable, d: number) =>
  remember(table, `${JSON.stringify(def)}|index|${d}`, () => {
    const input = inputAt(def, table, d);
    return { input, comp: computeIndex(def, input) };
  });

/** The level table of the definition's indicators (population for the validity rule included). */
const loadFor = (db: Db, user: User | null, def: IndexDefinition, levelKey: string): Promise<LevelTable> =>
  loadLevelTable(db, user, levelKey, indexIndicatorKeys(def));

function dateIndex(table: LevelTable, date: string): number {
  const d = table.dates.indexOf(date);
  if (d < 0)
    throw notFound(
      'data.unknown_date',
      `Für den Stichtag ${date} gibt es keine Daten (Stichtage: ${table.dates.join(', ') || 'keine'}).`,
      { date },
    );
  return d;
}

/** The index for every area of a level at one Stichtag. */
export async function indexResult(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  date: string,
): Promise<IndexResult> {
  const def = await requireIndex(db, key);
  const table = await loadFor(db, user, def, levelKey);
  const d = dateIndex(table, date);
  const missing = await missingInputs(db, def, table, d);
  return remember(table, `${JSON.stringify(def)}|result|${d}`, () => {
    const { input, comp } = computeAt(def, table, d);
    const presented = presentResult(def, { level: table.level, date, areas: table.areas }, input, comp);
    const keys = indexIndicatorKeys(def);
    const result = {
      ...presented,
      areas: presented.areas.map((a, i) => {
        const converted = convertedInputs(table, keys, d, i);
        return converted ? { ...a, converted } : a;
      }),
    };
    return missing.length ? { ...result, missingInputs: missing } : result;
  });
}

/**
 * The index's indicators without a single value at Stichtag `d`: those whose variables the city
 * does not deliver at all („nicht verfügbar – es fehlt: …“), and those that have no values at
 * this Stichtag (a change over five years at the first Stichtage). Secret cells count as values.
 */
export async function missingInputs(
  db: Db,
  def: IndexDefinition,
  table: LevelTable,
  d: number,
): Promise<MissingInput[]> {
  const empty = [...new Set(indexIndicatorKeys(def))].filter((key) => {
    const cells = table.grids.get(key)?.cells[d] ?? [];
    return !cells.some((c) => c.value !== null || c.status === 'secret');
  });
  if (!empty.length) return [];
  const known = new Map((await listIndicators(db, false)).map((i) => [i.key, i]));
  const availability = await indicatorAvailability(
    db,
    empty.flatMap((k) => known.get(k) ?? []),
  );
  return empty.map((key) => {
    const a = availability.get(key);
    return {
      indicator: key,
      name: known.get(key)?.name ?? key,
      reason:
        a && !a.available
          ? unavailableText(a.missing)
          : `keine Werte zum Stichtag ${formatDate(table.dates[d] ?? '')}`,
    };
  });
}

/** Monte Carlo robustness of the index at one Stichtag (see robustness.ts). */
export async function indexRobustness(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  date: string,
  opts: { runs?: number; seed?: number } = {},
): Promise<RobustnessResult> {
  const def = await requireIndex(db, key);
  const table = await loadFor(db, user, def, levelKey);
  const d = dateIndex(table, date);
  const runs = opts.runs ?? 1000;
  const seed = opts.seed ?? 1;
  return remember(table, `${JSON.stringify(def)}|robustness|${d}|${runs}|${seed}`, () => {
    const { input, comp: base } = computeAt(def, table, d);
    return robustnessResult(def, levelKey, date, input, robustness(def, input, base, { runs, seed }));
  });
}

function robustnessResult(
  def: IndexDefinition,
  levelKey: string,
  date: string,
  input: IndexInput,
  r: ReturnType<typeof robustness>,
): RobustnessResult {
  return {
    index: def.key,
    level: levelKey,
    date,
    runs: r.runs,
    seed: r.seed,
    areas: Array.from(r.rows, (row, j) => ({
      id: input.ids[row]!,
      baseRank: r.baseRank[j]!,
      medianRank: r.medianRank[j]!,
      rankLow: r.rankLow[j]!,
      rankHigh: r.rankHigh[j]!,
      classStability: Object.fromEntries(def.parts.map((p, k) => [p.key, r.classStability[k]![j]!])),
      robust: r.robust[j] === 1,
    })),
  };
}

/** The index of one area at every Stichtag where the index can be computed (≥ 2 valid areas). */
export async function indexHistory(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  areaKey: string,
): Promise<IndexHistory> {
  const def = await requireIndex(db, key);
  const table = await loadFor(db, user, def, levelKey);
  const row = table.areas.findIndex((a) => a.key === areaKey);
  if (row < 0)
    throw notFound('areas.not_found', `Das Gebiet „${areaKey}“ gibt es auf der Ebene „${levelKey}“ nicht.`);
  const points: IndexHistory['points'] = [];
  table.dates.forEach((date, d) => {
    const { comp } = computeAt(def, table, d);
    if (comp.validCount < 2) return;
    const valid = comp.valid[row] === 1;
    const parts: IndexHistory['points'][number]['parts'] = {};
    for (const p of comp.parts) {
      const k = p.classIdx[row]!;
      parts[p.key] = {
        index: valid ? num(p.index[row]) : null,
        class: valid && k >= 0 ? p.classes[k]!.code : null,
      };
    }
    const converted = convertedInputs(table, indexIndicatorKeys(def), d, row);
    points.push({ date, code: comp.code[row] ?? null, parts, ...(converted && { converted }) });
  });
  return { index: def.key, level: levelKey, area: areaKey, points };
}
