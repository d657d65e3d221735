/**
 * The city-scope pieces of a report that read the level table directly: placeholders
 * (`{indicator:<key>.max}` …), the city's indicator table with lowest and highest area, the series
 * of the city and its districts, and the ranking of the highest and lowest areas.
 */
import type { User } from '../auth/auth.schema.ts';
import { formatDate, formatNumber, formatValue, withUnit } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { convertedAt, type LevelCell, type LevelTable } from '../indicators/level-table.ts';
import { cityConvertedAt, parentConvertedAt } from '../indicators/converted-aggregates.ts';
import { convertedFootnotes, footnotesOf } from './converted-footnotes.ts';
import type { WarningList } from '../warnings/warning.schema.ts';
import { noThemeNote } from './area-blocks.ts';
import type { CityIndex } from './city-monitoring.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import {
  raise,
  sourceLine,
  unknownIndicator,
  type FigureCache,
  type ReportBlock,
  type ReportChart,
  type ReportTable,
  wholeGenitive,
} from './report-model.ts';
import type { Block, TemplateResolver } from './report.schema.ts';

export interface CityCtx {
  db: Db;
  user: User | null;
  cityName: string;
  /** Level name of the whole territory (`{city.level}`): „Stadt“ or „Kreis“; default „Stadt“. */
  cityLevelName?: string;
  /** The level and the name of its parent level (null on the top level). */
  level: { key: string; name: string; parentName: string | null };
  date: string;
  dateIndex: number;
  table: LevelTable;
  themes: { theme: string; keys: string[] }[];
  figures: FigureCache;
  index: (key?: string) => Promise<CityIndex | null>;
  warnings: () => Promise<WarningList>;
  resolveTemplate: TemplateResolver;
}

export const visible = (c: LevelCell | undefined | null) =>
  c && c.status !== 'secret' && c.value !== null ? c.value : null;

const grid = (ctx: CityCtx, key: string) => ctx.table.grids.get(key) ?? raise(unknownIndicator(key));

/**
 * The area with the highest (`max`) or lowest value, „Nordstadt (12,3 %)“.
 * @param notes marks the value when it was converted (report tables); none in running text
 */
function extreme(
  ctx: CityCtx,
  key: string,
  which: 'max' | 'min',
  notes?: ReturnType<typeof convertedFootnotes>,
): string {
  const g = grid(ctx, key);
  let best: { name: string; value: number; k: number } | null = null;
  ctx.table.areas.forEach((a, k) => {
    const v = visible(g.cells[ctx.dateIndex]?.[k]);
    if (v !== null && (!best || (which === 'max' ? v > best.value : v < best.value)))
      best = { name: a.name, value: v, k };
  });
  const found = best as { name: string; value: number; k: number } | null;
  if (!found) return '–';
  const text = `${found.name} (${withUnit(found.value, g.indicator.decimals, g.indicator.unit)})`;
  return notes ? notes.mark(text, convertedAt(g, ctx.dateIndex, found.k)) : text;
}

/** Change of the city value against the previous Stichtag, signed. */
function cityChange(ctx: CityCtx, key: string): string {
  const g = grid(ctx, key);
  const now = visible(g.city[ctx.dateIndex]);
  const before = ctx.dateIndex > 0 ? visible(g.city[ctx.dateIndex - 1]) : null;
  if (now === null || before === null) return '–';
  const d = now - before;
  const unit = g.indicator.unit === '%' ? 'Prozentpunkte' : g.indicator.unit;
  return `${d > 0 ? '+' : ''}${withUnit(d, g.indicator.decimals, unit)}`;
}

/** „nach {level.name}“ reads „nach Stadtbezirken“: the plural after a preposition that takes the dative. */
const DATIVE_BEFORE = /(?:^|[\s(])(?:nach|von|mit|aus|bei|zu|seit|in den|aus den|zwischen den)\s+$/i;

/** Replaces the city placeholders (see report.schema.ts); unknown placeholders stay visible. */
export async function resolveCityText(text: string, ctx: CityCtx): Promise<string> {
  const needsIndex = text.includes('{index.name}');
  const indexName = needsIndex ? ((await ctx.index())?.result.name ?? 'Sozialindex') : '';
  const needsWarnings = text.includes('{warnings.count}');
  const warningCount = needsWarnings ? (await ctx.warnings()).entries.length : 0;
  return text.replace(
    /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g,
    (all, scope: string, key: string | undefined, field: string | undefined, at: number) => {
      if (scope === 'date' && !key && !field) return formatDate(ctx.date);
      if (scope === 'city' && field === 'name') return ctx.cityName;
      if (scope === 'city' && field === 'level') return ctx.cityLevelName ?? 'Stadt';
      if (scope === 'city' && field === 'genitive') return wholeGenitive(ctx.cityLevelName);
      if (scope === 'level' && field === 'dative') return levelDative(ctx.level.name);
      if (scope === 'level' && field === 'name')
        return (DATIVE_BEFORE.test(text.slice(0, at)) ? levelDative : levelPlural)(ctx.level.name);
      if (scope === 'areas' && field === 'count') return formatNumber(ctx.table.areas.length, 0);
      if (scope === 'warnings' && field === 'count') return formatNumber(warningCount, 0);
      if (scope === 'index' && field === 'name') return indexName;
      if (scope !== 'indicator' || !key) return all;
      const g = ctx.table.grids.get(key);
      if (!g) return ctx.table.unavailable.has(key) ? 'nicht verfügbar' : all;
      const i = g.indicator;
      const city = g.city[ctx.dateIndex];
      switch (field) {
        case 'name':
          return i.name;
        case 'value':
        case 'city':
          return city ? formatValue(city.value, city.status, i.decimals, i.unit) : '–';
        case 'change':
          return cityChange(ctx, key);
        case 'max':
        case 'min':
          return extreme(ctx, key, field);
        default:
          return all;
      }
    },
  );
}

export function cityIndicatorTable(
  b: Extract<Block, { type: 'indicator_table' }>,
  ctx: CityCtx,
): ReportBlock {
  const keys = b.indicators?.length
    ? b.indicators.filter((k) => !ctx.table.unavailable.has(k))
    : ctx.themes.filter((t) => !b.themes?.length || b.themes.includes(t.theme)).flatMap((t) => t.keys);
  if (!keys.length) return noThemeNote(b.themes?.join(', '));
  const grids = keys.map((k) => grid(ctx, k));
  const notes = convertedFootnotes();
  const d = ctx.dateIndex;
  const rows = grids.map((g) => {
    const i = g.indicator;
    const city = g.city[d];
    return [
      i.unit ? `${i.name} (${i.unit})` : i.name,
      notes.mark(
        city ? formatValue(city.value, city.status, i.decimals, i.unit, { unit: false }) : '–',
        cityConvertedAt(g, d),
      ),
      // a change compares two Stichtage: marked when either end was converted
      notes.mark(
        cityChange(ctx, i.key),
        cityConvertedAt(g, d) ?? (d > 0 ? cityConvertedAt(g, d - 1) : undefined),
      ),
      extreme(ctx, i.key, 'min', notes),
      extreme(ctx, i.key, 'max', notes),
    ];
  });
  const sources = [...new Set(grids.map((g) => g.indicator.source || 'Lagebild'))].join(', ');
  return {
    kind: 'table',
    title: b.title ?? `Kennzahlen ${wholeGenitive(ctx.cityLevelName)} ${ctx.cityName}`,
    columns: [
      'Indikator',
      ctx.cityLevelName ?? 'Stadt',
      ctx.dateIndex > 0
        ? `Veränderung seit ${formatDate(ctx.table.dates[ctx.dateIndex - 1]!)}`
        : 'Veränderung',
      'niedrigster Wert',
      'höchster Wert',
    ],
    numeric: [false, true, true, false, false],
    rows,
    highlight: null,
    ...footnotesOf(notes),
    source: sourceLine(sources, ctx.date),
  } satisfies ReportTable;
}

/** The city's series and (up to 12) its districts' series up to the Stichtag. */
/**
 * The parent areas (districts) of the level's areas by key, or none when all areas share one
 * parent: on the top level that parent is the city itself, and a column or line saying the city
 * in every row tells nothing.
 */
function districtsOf(ctx: CityCtx): Map<string, string> {
  const parents = new Map<string, string>();
  for (const a of ctx.table.areas) if (a.parentKey) parents.set(a.parentKey, a.parentName ?? a.parentKey);
  return parents.size >= 2 ? parents : new Map<string, string>();
}

export function cityChart(key: string, title: string | undefined, ctx: CityCtx): ReportChart {
  const g = grid(ctx, key);
  const n = ctx.dateIndex + 1;
  const parents = districtsOf(ctx);
  const districts = parents.size <= 12 ? [...parents] : [];
  // a year is marked when a value drawn for it (the city's or a district's) was converted
  const notes = convertedFootnotes();
  const labels = ctx.table.dates
    .slice(0, n)
    .map((date, d) =>
      notes.mark(
        date.slice(0, 4),
        cityConvertedAt(g, d) ?? districts.map(([k]) => parentConvertedAt(g, k, d)).find(Boolean),
      ),
    );
  return {
    kind: 'chart',
    title: title ?? `${g.indicator.name}: Entwicklung`,
    unit: g.indicator.unit,
    decimals: g.indicator.decimals,
    labels,
    series: [
      ...districts.map(([k, name]) => ({
        name,
        role: 'district' as const,
        values: (g.parents.get(k) ?? []).slice(0, n).map(visible),
      })),
      { name: ctx.cityName, role: 'city' as const, values: g.city.slice(0, n).map(visible) },
    ],
    ...footnotesOf(notes),
    source: sourceLine(g.indicator.source, ctx.date),
  };
}

/** The `limit` highest and lowest areas. */
export function cityRanking(key: string, limit: number, ctx: CityCtx): ReportTable {
  const g = grid(ctx, key);
  const ranked = ctx.table.areas
    .map((a, k) => ({ a, v: visible(g.cells[ctx.dateIndex]?.[k]), c: convertedAt(g, ctx.dateIndex, k) }))
    .filter((r): r is { a: (typeof r)['a']; v: number; c: (typeof r)['c'] } => r.v !== null)
    .sort((x, y) => y.v - x.v || x.a.key.localeCompare(y.a.key));
  const top = ranked.slice(0, limit).map((r, k) => ({ ...r, rank: k + 1 }));
  const bottom = ranked
    .slice(Math.max(limit, ranked.length - limit))
    .map((r, k, all) => ({ ...r, rank: ranked.length - all.length + k + 1 }));
  const hasParent = districtsOf(ctx).size > 0;
  const notes = convertedFootnotes();
  const row = (r: (typeof top)[number]) => [
    String(r.rank),
    r.a.name,
    ...(hasParent ? [r.a.parentName ?? '–'] : []),
    notes.mark(formatNumber(r.v, g.indicator.decimals), r.c),
  ];
  const gap = bottom.length && top.length + bottom.length < ranked.length;
  return {
    kind: 'table',
    title: `${g.indicator.name}: die ${limit} höchsten und niedrigsten Werte`,
    columns: [
      'Rang',
      ctx.level.name,
      ...(hasParent ? [ctx.level.parentName ?? 'übergeordnetes Gebiet'] : []),
      g.indicator.unit ? `Wert (${g.indicator.unit})` : 'Wert',
    ],
    numeric: [true, false, ...(hasParent ? [false] : []), true],
    rows: [
      ...top.map(row),
      ...(gap ? [['…', '…', ...(hasParent ? ['…'] : []), '…']] : []),
      ...bottom.map(row),
    ],
    highlight: null,
    ...footnotesOf(notes),
    source: sourceLine(g.indicator.source, ctx.date),
  };
}
