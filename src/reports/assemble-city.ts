/**
 * Fills a city template (Sozialbericht, Beschlussvorlage) into a report model: the whole city at one
 * Stichtag, one level for maps and rankings, the composite index and the early warnings, and —
 * for `area_profiles` — one Steckbrief per area built by `assemble-area.ts`.
 *
 * Protection follows the user as for area reports: `null` (public) sees disclosure-protected values
 * only; planners get unprotected values and an internal draft.
 */
import { deepestLevel, getTerritory, listLevels } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import { formatDate, formatNumber, formatValue, withUnit } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import type { LevelCell, LevelTable } from '../indicators/level-table.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { currentDate } from '../indicators/indicator.repository.ts';
import { dataVersion } from '../indicators/public-protection.ts';
import { indexResult, indexRobustness } from '../indices/index.service.ts';
import type { WarningList } from '../monitoring/warning.schema.ts';
import { evaluateWarnings } from '../monitoring/warning.service.ts';
import { DEFAULT_INDEX, ROBUSTNESS_RUNS, ROBUSTNESS_SEED } from '../profile/profile-index.ts';
import { areaContext, areaSections, chosenIndicators, noThemeNote } from './assemble-area.ts';
import { levelDative, levelPlural } from './level-names.ts';
import {
  findings,
  indexClassMap,
  indexMatrix,
  robustnessText,
  warningTable,
  type CityIndex,
} from './city-monitoring.ts';
import { choropleth, figureCache, type FigureCache } from './figures.ts';
import {
  noAreas,
  raise,
  sourceLine,
  unknownIndicator,
  type ReportBlock,
  type ReportChart,
  type ReportModel,
  type ReportSection,
  type ReportTable,
} from './report-model.ts';
import type { Block, ReportTemplate } from './report.schema.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';

/** Finds a template by key (the area template of `area_profiles`); default: the built-ins. */
export type TemplateResolver = (key: string) => Promise<ReportTemplate | null>;
const builtinResolver: TemplateResolver = async (key) => BUILTIN_TEMPLATES[key] ?? null;

interface CityCtx {
  db: Db;
  user: User | null;
  cityName: string;
  level: { key: string; name: string };
  date: string;
  dateIndex: number;
  table: LevelTable;
  themes: { theme: string; keys: string[] }[];
  figures: FigureCache;
  index: (key?: string) => Promise<CityIndex | null>;
  warnings: () => Promise<WarningList>;
  resolveTemplate: TemplateResolver;
}

const visible = (c: LevelCell | undefined | null) =>
  c && c.status !== 'secret' && c.value !== null ? c.value : null;

const grid = (ctx: CityCtx, key: string) => ctx.table.grids.get(key) ?? raise(unknownIndicator(key));

/** The area with the highest (`max`) or lowest value, „Nordstadt (12,3 %)“. */
function extreme(ctx: CityCtx, key: string, which: 'max' | 'min'): string {
  const g = grid(ctx, key);
  let best: { name: string; value: number } | null = null;
  ctx.table.areas.forEach((a, k) => {
    const v = visible(g.cells[ctx.dateIndex]?.[k]);
    if (v !== null && (!best || (which === 'max' ? v > best.value : v < best.value)))
      best = { name: a.name, value: v };
  });
  const found = best as { name: string; value: number } | null;
  return found ? `${found.name} (${withUnit(found.value, g.indicator.decimals, g.indicator.unit)})` : '–';
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

/** Replaces the city placeholders (see report.schema.ts); unknown placeholders stay visible. */
async function resolveCityText(text: string, ctx: CityCtx): Promise<string> {
  const needsIndex = text.includes('{index.name}');
  const indexName = needsIndex ? ((await ctx.index())?.result.name ?? 'Sozialindex') : '';
  const needsWarnings = text.includes('{warnings.count}');
  const warningCount = needsWarnings ? (await ctx.warnings()).entries.length : 0;
  return text.replace(
    /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g,
    (all, scope: string, key?: string, field?: string) => {
      if (scope === 'date' && !key && !field) return formatDate(ctx.date);
      if (scope === 'city' && field === 'name') return ctx.cityName;
      if (scope === 'level' && field === 'name') return levelPlural(ctx.level.name);
      if (scope === 'areas' && field === 'count') return formatNumber(ctx.table.areas.length, 0);
      if (scope === 'warnings' && field === 'count') return formatNumber(warningCount, 0);
      if (scope === 'index' && field === 'name') return indexName;
      if (scope !== 'indicator' || !key) return all;
      const g = ctx.table.grids.get(key);
      if (!g) return all;
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

function cityIndicatorTable(b: Extract<Block, { type: 'indicator_table' }>, ctx: CityCtx): ReportBlock {
  const keys = b.indicators?.length
    ? b.indicators
    : ctx.themes.filter((t) => !b.themes?.length || b.themes.includes(t.theme)).flatMap((t) => t.keys);
  if (!keys.length) return noThemeNote(b.themes?.join(', '));
  const grids = keys.map((k) => grid(ctx, k));
  const rows = grids.map((g) => {
    const i = g.indicator;
    const city = g.city[ctx.dateIndex];
    return [
      i.unit ? `${i.name} (${i.unit})` : i.name,
      city ? formatValue(city.value, city.status, i.decimals, i.unit, { unit: false }) : '–',
      cityChange(ctx, i.key),
      extreme(ctx, i.key, 'min'),
      extreme(ctx, i.key, 'max'),
    ];
  });
  const sources = [...new Set(grids.map((g) => g.indicator.source || 'Lagebild'))].join(', ');
  return {
    kind: 'table',
    title: b.title ?? `Kennzahlen der Stadt ${ctx.cityName}`,
    columns: ['Indikator', 'Stadt', 'Veränderung zum Vorjahr', 'niedrigster Wert', 'höchster Wert'],
    numeric: [false, true, true, false, false],
    rows,
    highlight: null,
    source: sourceLine(sources, ctx.date),
  } satisfies ReportTable;
}

/** The city's series and (up to 12) its districts' series up to the Stichtag. */
function cityChart(key: string, title: string | undefined, ctx: CityCtx): ReportChart {
  const g = grid(ctx, key);
  const n = ctx.dateIndex + 1;
  const parents = new Map<string, string>();
  for (const a of ctx.table.areas) if (a.parentKey) parents.set(a.parentKey, a.parentName ?? a.parentKey);
  const districts = parents.size <= 12 ? [...parents] : [];
  return {
    kind: 'chart',
    title: title ?? `${g.indicator.name}: Entwicklung`,
    unit: g.indicator.unit,
    decimals: g.indicator.decimals,
    labels: ctx.table.dates.slice(0, n).map((d) => d.slice(0, 4)),
    series: [
      ...districts.map(([k, name]) => ({
        name,
        role: 'district' as const,
        values: (g.parents.get(k) ?? []).slice(0, n).map(visible),
      })),
      { name: ctx.cityName, role: 'city' as const, values: g.city.slice(0, n).map(visible) },
    ],
    source: sourceLine(g.indicator.source, ctx.date),
  };
}

/** The `limit` highest and lowest areas. */
function cityRanking(key: string, limit: number, ctx: CityCtx): ReportTable {
  const g = grid(ctx, key);
  const ranked = ctx.table.areas
    .map((a, k) => ({ a, v: visible(g.cells[ctx.dateIndex]?.[k]) }))
    .filter((r): r is { a: (typeof r)['a']; v: number } => r.v !== null)
    .sort((x, y) => y.v - x.v || x.a.key.localeCompare(y.a.key));
  const top = ranked.slice(0, limit).map((r, k) => ({ ...r, rank: k + 1 }));
  const bottom = ranked
    .slice(Math.max(limit, ranked.length - limit))
    .map((r, k, all) => ({ ...r, rank: ranked.length - all.length + k + 1 }));
  const hasParent = ctx.table.areas.some((a) => a.parentName);
  const row = (r: (typeof top)[number]) => [
    String(r.rank),
    r.a.name,
    ...(hasParent ? [r.a.parentName ?? '–'] : []),
    formatNumber(r.v, g.indicator.decimals),
  ];
  const gap = bottom.length && top.length + bottom.length < ranked.length;
  return {
    kind: 'table',
    title: `${g.indicator.name}: die ${limit} höchsten und niedrigsten Werte`,
    columns: [
      'Rang',
      ctx.level.name,
      ...(hasParent ? ['Bezirk'] : []),
      g.indicator.unit ? `Wert (${g.indicator.unit})` : 'Wert',
    ],
    numeric: [true, false, ...(hasParent ? [false] : []), true],
    rows: [
      ...top.map(row),
      ...(gap ? [['…', '…', ...(hasParent ? ['…'] : []), '…']] : []),
      ...bottom.map(row),
    ],
    highlight: null,
    source: sourceLine(g.indicator.source, ctx.date),
  };
}

async function perIndicator(
  b: { type: Block['type']; indicator?: string; theme?: string; count: number },
  ctx: CityCtx,
  f: (key: string) => ReportBlock | Promise<ReportBlock>,
): Promise<ReportBlock[]> {
  const keys = chosenIndicators(b, ctx.themes, ctx.table, b.type !== 'chart');
  if (!keys.length) return [noThemeNote(b.theme)];
  const out: ReportBlock[] = [];
  for (const key of keys) out.push(await f(key));
  return out;
}

async function matrixBlocks(b: Extract<Block, { type: 'matrix' }>, ctx: CityCtx): Promise<ReportBlock[]> {
  const index = await ctx.index(b.index);
  if (!index)
    return [{ kind: 'note', text: 'Für diese Ebene und diesen Stichtag ist kein Sozialindex berechnet.' }];
  const anyKey = ctx.themes[0]?.keys[0];
  const base = anyKey
    ? await choropleth(
        ctx.db,
        ctx.table,
        { level: ctx.level.key, levelName: ctx.level.name, date: ctx.date, indicator: anyKey },
        ctx.figures,
      )
    : null;
  const robust = robustnessText(index);
  return [
    indexMatrix(index, levelPlural(ctx.level.name)),
    ...(base ? [indexClassMap(index, base, levelDative(ctx.level.name))] : []),
    ...(robust ? [{ kind: 'paragraph' as const, text: robust }] : []),
  ];
}

/** One Steckbrief per area of the level (the Sozialbericht appendix). */
async function areaProfiles(
  b: Extract<Block, { type: 'area_profiles' }>,
  ctx: CityCtx,
): Promise<ReportSection[]> {
  const template = (await ctx.resolveTemplate(b.template)) ?? raise(unknownTemplate(b.template));
  if (template.scope !== 'area')
    throw new LagebildError(
      'reports.invalid_template',
      `Die Vorlage „${template.name}“ gilt nicht für ein Gebiet.`,
      400,
      {
        template: b.template,
      },
    );
  const level = b.level ?? ctx.level.key;
  const table = level === ctx.level.key ? ctx.table : await loadLevelTable(ctx.db, ctx.user, level);
  const sections: ReportSection[] = [];
  for (const area of table.areas) {
    const actx = await areaContext(ctx.db, ctx.user, { level, area: area.key, date: ctx.date }, ctx.figures);
    sections.push(...(await areaSections(actx, template, true)));
  }
  return sections;
}

const unknownTemplate = (key: string) =>
  notFound('reports.unknown_template', `Die Vorlage „${key}“ gibt es nicht.`, { template: key });

/** Blocks of one chapter; `area_profiles` adds level-2 sections after the chapter. */
async function block(b: Block, ctx: CityCtx): Promise<{ blocks: ReportBlock[]; sections?: ReportSection[] }> {
  const text = (t: string) => resolveCityText(t, ctx);
  switch (b.type) {
    case 'heading':
      return { blocks: [{ kind: 'heading', text: await text(b.text) }] };
    case 'text':
      return { blocks: [{ kind: 'paragraph', text: await text(b.text) }] };
    case 'list':
      return { blocks: [{ kind: 'list', items: await Promise.all(b.items.map(text)) }] };
    case 'summary': {
      const [index, warnings] = await Promise.all([ctx.index(), ctx.warnings()]);
      return { blocks: [{ kind: 'paragraph', text: findings(index, warnings, 5).join(' ') }] };
    }
    case 'indicator_table':
      return { blocks: [cityIndicatorTable(b, ctx)] };
    case 'map':
      return {
        blocks: await perIndicator(b, ctx, (key) =>
          choropleth(
            ctx.db,
            ctx.table,
            {
              level: ctx.level.key,
              levelName: levelPlural(ctx.level.name),
              date: ctx.date,
              indicator: key,
              title: b.title,
            },
            ctx.figures,
          ),
        ),
      };
    case 'chart':
      return { blocks: await perIndicator(b, ctx, (key) => cityChart(key, b.title, ctx)) };
    case 'ranking':
      return { blocks: await perIndicator(b, ctx, (key) => cityRanking(key, b.limit, ctx)) };
    case 'matrix':
      return { blocks: await matrixBlocks(b, ctx) };
    case 'findings': {
      const [index, warnings] = await Promise.all([ctx.index(), ctx.warnings()]);
      return { blocks: [{ kind: 'list', items: findings(index, warnings, b.limit) }] };
    }
    case 'warnings':
      return { blocks: warningTable(await ctx.warnings(), b.limit, ctx.level.name) };
    case 'area_profiles':
      return { blocks: [], sections: await areaProfiles(b, ctx) };
    case 'pagebreak':
      return { blocks: [{ kind: 'pagebreak' }] };
    case 'source':
      return {
        blocks: [
          {
            kind: 'note',
            text:
              b.text ??
              `Datenstand: Stichtag ${formatDate(ctx.date)}. ` +
                (ctx.table.unprotected
                  ? 'Interner Entwurf mit ungeschützten Werten – nicht zur Veröffentlichung.'
                  : 'Werte unter der Geheimhaltungsgrenze sind mit · gekennzeichnet.'),
          },
        ],
      };
  }
}

/** Memoised index result and robustness of the level at the Stichtag (null if not computable). */
function indexLoader(db: Db, user: User | null, level: string, date: string) {
  const cache = new Map<string, Promise<CityIndex | null>>();
  return (key = DEFAULT_INDEX) => {
    let p = cache.get(key);
    if (!p) {
      p = (async () => {
        try {
          const [result, robustness] = await Promise.all([
            indexResult(db, user, key, level, date),
            indexRobustness(db, user, key, level, date, {
              runs: ROBUSTNESS_RUNS,
              seed: ROBUSTNESS_SEED,
            }).catch(() => null),
          ]);
          return { result, robustness };
        } catch (e) {
          // a missing or not computable index leaves the chapter with a note, not a failed report
          if (e instanceof LagebildError && e.status < 500) return null;
          throw e;
        }
      })();
      cache.set(key, p);
    }
    return p;
  };
}

/**
 * Applies a city template to the whole city at one Stichtag (default: the Datenstand) with maps
 * and rankings on `target.level` (default: the finest level).
 * @throws areas.unknown_level, data.unknown_date, reports.unknown_indicator, reports.unknown_template
 */
export async function assembleCityReport(
  db: Db,
  user: User | null,
  template: ReportTemplate,
  target: { level?: string; date?: string },
  options: { resolveTemplate?: TemplateResolver } = {},
): Promise<ReportModel> {
  const levelKey = target.level ?? (await deepestLevel(db))?.key ?? raise(noAreas());
  const [levels, territory, table, current] = await Promise.all([
    listLevels(db),
    getTerritory(db),
    loadLevelTable(db, user, levelKey),
    currentDate(db),
  ]);
  const level =
    levels.find((l) => l.key === levelKey) ??
    raise(notFound('areas.unknown_level', `Die Ebene „${levelKey}“ gibt es nicht.`, { level: levelKey }));
  const date = target.date ?? current ?? table.dates.at(-1) ?? raise(noAreas());
  const dateIndex = table.dates.indexOf(date);
  if (dateIndex < 0)
    throw notFound('data.unknown_date', `Für den Stichtag ${formatDate(date)} gibt es keine Daten.`, {
      date,
    });
  const themes: CityCtx['themes'] = [];
  for (const g of table.grids.values()) {
    const t = themes.find((x) => x.theme === g.indicator.theme);
    if (t) t.keys.push(g.indicator.key);
    else themes.push({ theme: g.indicator.theme, keys: [g.indicator.key] });
  }
  let warnings: Promise<WarningList> | null = null;
  const ctx: CityCtx = {
    db,
    user,
    cityName: territory?.name ?? 'Stadt',
    level: { key: level.key, name: level.name },
    date,
    dateIndex,
    table,
    themes,
    figures: figureCache(),
    index: indexLoader(db, user, level.key, date),
    warnings: () => (warnings ??= evaluateWarnings(db, user, { level: level.key, date })),
    resolveTemplate: options.resolveTemplate ?? builtinResolver,
  };
  const sections: ReportSection[] = [];
  for (const [k, chapter] of template.chapters.entries()) {
    const blocks: ReportBlock[] = [];
    const nested: ReportSection[] = [];
    for (const b of chapter.blocks) {
      const out = await block(b, ctx);
      blocks.push(...out.blocks);
      nested.push(...(out.sections ?? []));
    }
    sections.push({
      id: `kapitel-${k + 1}`,
      title: await resolveCityText(chapter.title, ctx),
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks,
    });
    sections.push(...nested);
  }
  return {
    title: await resolveCityText(template.title, ctx),
    subtitle: `${ctx.cityName} · ${levelPlural(level.name)} · Stichtag ${formatDate(date)}`,
    date,
    internal: table.unprotected,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    target: { template: template.key, level: level.key, area: null, date },
    sections,
  };
}
