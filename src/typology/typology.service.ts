/**
 * Sozialraumtypen, vergleichbare Gebiete and comparisons on the level table
 * (src/indicators/level-table.ts): planners cluster unprotected values, everyone else the
 * disclosure-protected ones — an area with a secret input is left out („nicht zugeordnet“), so no
 * type, distance or rank can reveal a suppressed value.
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Cell } from '../core/value-status.ts';
import { availableIndicators } from '../indicators/availability.ts';
import { listIndicators } from '../indicators/indicator.service.ts';
import { convertedAt, loadLevelTable, type LevelArea, type LevelTable } from '../indicators/level-table.ts';
import { convertedInputs } from '../indicators/converted-inputs.ts';
import { cityConvertedAt, parentConvertedAt } from '../indicators/converted-aggregates.ts';
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { changeUnit } from '../warnings/change.ts';
import { maxK } from './cluster.ts';
import { difference, rankDescending, zOf } from './compare.ts';
import { defaultIndicatorKeys } from './defaults.ts';
import { findSimilar } from './similar.ts';
import { standardiseColumns, type ColumnStats } from './standardise.ts';
import type {
  ClustersQuery,
  ClustersResult,
  CompareQuery,
  CompareResult,
  SimilarQuery,
  SimilarResult,
  TypologyIndicator,
} from './typology.schema.ts';
import { buildTypology, TYPOLOGY_SEED } from './typology.ts';
import { missingReason, STATUS_WORDS } from './typology.messages.ts';

const usable = (c: Cell | undefined): c is Cell & { value: number } =>
  !!c && c.value !== null && Number.isFinite(c.value) && (c.status === 'value' || c.status === 'estimated');

const tooFew = (n: number) =>
  new LagebildError(
    'typology.too_few_areas',
    `Für Typen braucht es mindestens drei Gebiete mit vollständigen, verschiedenen Werten; es sind ${n}.`,
    422,
    { areas: n },
  );

interface Loaded {
  table: LevelTable;
  date: string;
  at: number;
  /** Indicators in the order asked for. */
  grids: NonNullable<ReturnType<LevelTable['grids']['get']>>[];
}

/** The level table for the indicators asked for (or the default selection) at one Stichtag. */
async function load(
  db: Db,
  user: User | null,
  level: string,
  date: string | undefined,
  keys: string[] | undefined,
): Promise<Loaded> {
  const wanted = keys ?? defaultIndicatorKeys(await availableIndicators(db, await listIndicators(db, user)));
  if (!wanted.length) throw badRequest('typology.no_indicators', 'Es ist kein Indikator ausgewählt.');
  const table = await loadLevelTable(db, user, level, wanted);
  const at = date === undefined ? table.dates.length - 1 : table.dates.indexOf(date);
  const found = table.dates[at];
  if (found === undefined)
    throw notFound(
      'typology.unknown_date',
      date === undefined
        ? 'Es liegen noch keine Stichtage vor.'
        : `Für den Stichtag ${date} liegen keine Werte vor.`,
      { date },
    );
  return { table, date: found, at, grids: wanted.map((k) => table.grids.get(k)!) };
}

/**
 * `{ converted }` of an area whose type, distance or band rests on an input value converted from an
 * earlier Gebietsstand (any of the indicators at the Stichtag); nothing when none was converted.
 */
const convertedOf = (l: Loaded, i: number) => {
  const converted = convertedInputs(
    l.table,
    l.grids.map((g) => g.indicator.key),
    l.at,
    i,
  );
  return converted ? { converted } : {};
};

/** A value with its „umgerechnet“ mark, if it was converted. */
const valueOf = (c: Cell, converted: ConvertedFrom | undefined) => ({
  value: c.value,
  status: c.status,
  ...(converted && { converted }),
});

const areaRef = (a: LevelArea) => ({
  key: a.key,
  name: a.name,
  parentKey: a.parentKey,
  parentName: a.parentName,
});

function indicatorInfo(g: Loaded['grids'][number], at: number, stats: ColumnStats | null): TypologyIndicator {
  const { key, name, theme, unit, decimals, polarity } = g.indicator;
  const city = g.city[at]!;
  return {
    key,
    name,
    theme,
    unit,
    decimals,
    polarity,
    mean: stats?.mean ?? null,
    sd: stats?.sd ?? null,
    city: valueOf(city, cityConvertedAt(g, at)),
  };
}

function requireArea(table: LevelTable, key: string): number {
  const index = table.areas.findIndex((a) => a.key === key);
  if (index < 0)
    throw notFound('areas.not_found', `Das Gebiet „${key}“ gibt es auf der Ebene „${table.level}“ nicht.`, {
      area: key,
    });
  return index;
}

/** Sozialraumtypen of a level at one Stichtag (GET /api/typology/clusters). */
export async function clusters(db: Db, user: User | null, q: ClustersQuery): Promise<ClustersResult> {
  const loaded = await load(db, user, q.level, q.date, q.indicators);
  const { table, date, at, grids } = loaded;
  const complete: number[] = [];
  const rows: number[][] = [];
  const unassigned: ClustersResult['unassigned'] = [];
  table.areas.forEach((area, i) => {
    const cells = grids.map((g) => g.cells[at]![i]!);
    if (cells.every(usable)) {
      complete.push(i);
      rows.push(cells.map((c) => c.value));
      return;
    }
    const missing = grids.flatMap((g, j) => {
      const c = cells[j]!;
      return usable(c) ? [] : [{ indicator: g.indicator.key, status: c.status, name: g.indicator.name }];
    });
    unassigned.push({
      ...areaRef(area),
      reason: missingReason(missing),
      missing: missing.map(({ indicator, status }) => ({ indicator, status })),
    });
  });
  const possible = rows.length >= 3 ? maxK(rows) : 0;
  if (possible < 2) throw tooFew(rows.length);
  const k = q.k === 'auto' ? 'auto' : Number(q.k);
  if (k !== 'auto' && k > possible)
    throw new LagebildError(
      'typology.k_too_large',
      `Mit ${rows.length} Gebieten mit vollständigen Werten sind höchstens ${possible} Typen möglich.`,
      422,
      { k, max: possible },
    );
  const refs = grids.map((g) => g.indicator);
  const t = buildTypology(rows, refs, k, TYPOLOGY_SEED);
  const keys = refs.map((r) => r.key);
  return {
    level: table.level,
    date,
    seed: TYPOLOGY_SEED,
    kRequested: q.k,
    k: t.k,
    silhouette: t.silhouette,
    indicators: grids.map((g, j) => indicatorInfo(g, at, t.stats[j]!)),
    criterion: t.criterion,
    types: t.types.map((type) => ({
      number: type.number,
      label: type.label,
      burden: type.burden,
      size: type.members.length,
      features: type.features,
      centre: keys.map((indicator, j) => ({ indicator, value: type.centre[j]!, z: type.centreZ[j]! })),
      members: type.members.map((r) => table.areas[complete[r]!]!.key),
    })),
    areas: complete.map((i, r) => ({
      ...areaRef(table.areas[i]!),
      type: t.typeOf[r]!,
      silhouette: t.silhouettes[r]!,
      values: rows[r]!,
      ...convertedOf(loaded, i),
    })),
    unassigned,
  };
}

/** Areas within a tolerance band around a reference area (GET /api/typology/similar). */
export async function similar(db: Db, user: User | null, q: SimilarQuery): Promise<SimilarResult> {
  const loaded = await load(db, user, q.level, q.date, q.indicators);
  const { table, date, at, grids } = loaded;
  const ref = requireArea(table, q.area);
  const rows = table.areas.map((_, i) =>
    grids.map((g) => {
      const c = g.cells[at]![i]!;
      return usable(c) ? c.value : null;
    }),
  );
  const lacking = grids.filter((_, j) => rows[ref]![j] === null);
  if (lacking.length)
    throw new LagebildError(
      'typology.reference_incomplete',
      `Für „${table.areas[ref]!.name}“ fehlt ein Wert (${lacking
        .map((g) => `„${g.indicator.name}“: ${STATUS_WORDS[g.cells[at]![ref]!.status]}`)
        .join(', ')}); vergleichbare Gebiete lassen sich so nicht bestimmen.`,
      422,
      { indicators: lacking.map((g) => g.indicator.key) },
    );
  const band =
    q.band === 'sd'
      ? { kind: 'sd' as const, sd: q.tolerance }
      : { kind: 'percent' as const, percent: q.tolerance };
  const result = findSimilar(rows, ref, band);
  const refValues = rows[ref] as number[];
  return {
    level: table.level,
    date,
    band: q.band,
    tolerance: q.tolerance,
    reference: { ...areaRef(table.areas[ref]!), values: refValues, ...convertedOf(loaded, ref) },
    indicators: grids.map((g, j) => ({
      ...indicatorInfo(g, at, result.stats[j]!),
      low: refValues[j]! - result.halfWidths[j]!,
      high: refValues[j]! + result.halfWidths[j]!,
    })),
    similar: result.similar.map((s) => ({
      ...areaRef(table.areas[s.index]!),
      distance: s.distance,
      values: rows[s.index] as number[],
      differences: s.differences,
      ...convertedOf(loaded, s.index),
    })),
    incomplete: rows.filter((r, i) => i !== ref && r.some((v) => v === null)).length,
  };
}

/** Two areas side by side, or an area against the city or its district (GET /api/typology/compare). */
export async function compare(db: Db, user: User | null, q: CompareQuery): Promise<CompareResult> {
  const { table, date, at, grids } = await load(db, user, q.level, q.date, q.indicators);
  const a = requireArea(table, q.a);
  const areaA = table.areas[a]!;
  let b: number | null = null;
  let side: CompareResult['b'];
  if (q.b === 'city') side = { kind: 'city', key: null, name: 'Stadt' };
  else if (q.b === 'district') {
    if (!areaA.parentKey || !grids[0]?.parents.has(areaA.parentKey))
      throw badRequest('typology.no_district', `„${areaA.name}“ liegt in keinem übergeordneten Gebiet.`);
    side = { kind: 'district', key: areaA.parentKey, name: areaA.parentName ?? areaA.parentKey };
  } else {
    b = requireArea(table, q.b);
    if (b === a) throw badRequest('typology.same_area', 'Bitte zwei verschiedene Gebiete wählen.');
    side = { kind: 'area', key: table.areas[b]!.key, name: table.areas[b]!.name };
  }
  return {
    level: table.level,
    date,
    a: { kind: 'area', key: areaA.key, name: areaA.name },
    b: side,
    areaCount: table.areas.length,
    rows: grids.map((g) => {
      const cells = g.cells[at]!;
      const values = cells.map((c) => (usable(c) ? c.value : null));
      const present = values.filter((v): v is number => v !== null);
      const stats = present.length ? standardiseColumns(present.map((v) => [v])).stats[0]! : null;
      const ranks = rankDescending(values);
      const district = areaA.parentKey ? (g.parents.get(areaA.parentKey)?.[at] ?? null) : null;
      const bCell = b !== null ? cells[b]! : side.kind === 'city' ? g.city[at]! : district!;
      const districtMark = areaA.parentKey ? parentConvertedAt(g, areaA.parentKey, at) : undefined;
      const bMark =
        b !== null ? convertedAt(g, at, b) : side.kind === 'city' ? cityConvertedAt(g, at) : districtMark;
      const num = (c: Cell) => (usable(c) ? c.value : null);
      const { key, name, theme, unit, decimals, polarity } = g.indicator;
      return {
        indicator: key,
        name,
        theme,
        unit,
        differenceUnit: changeUnit(unit),
        decimals,
        polarity,
        a: valueOf(cells[a]!, convertedAt(g, at, a)),
        b: valueOf(bCell, bMark),
        city: valueOf(g.city[at]!, cityConvertedAt(g, at)),
        district: district ? valueOf(district, districtMark) : null,
        difference: difference(num(cells[a]!), num(bCell)),
        rankA: ranks[a] ?? null,
        rankB: b !== null ? (ranks[b] ?? null) : null,
        ranked: present.length,
        zA: zOf(num(cells[a]!), stats),
        zB: zOf(num(bCell), stats),
      };
    }),
  };
}
