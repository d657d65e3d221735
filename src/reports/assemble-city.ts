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
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import { formatDate } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { currentDate } from '../observations/observation.repository.ts';
import { dataVersion } from '../db/data-version.ts';
import { indexResult, indexRobustness } from '../indices/index.service.ts';
import type { WarningList } from '../warnings/warning.schema.ts';
import { evaluateWarnings } from '../warnings/warning.service.ts';
import { DEFAULT_INDEX, ROBUSTNESS_RUNS, ROBUSTNESS_SEED } from '../profile/profile-index.ts';
import { applicableSentences, type Placeholder } from './applicable-text.ts';
import { chosenIndicators, noThemeNote, unavailableNote } from './area-blocks.ts';
import { areaContext, areaSections } from './assemble-area.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import {
  findings,
  indexClassMap,
  indexMatrix,
  robustnessText,
  warningTable,
  type CityIndex,
} from './city-monitoring.ts';
import { cityChart, cityIndicatorTable, cityRanking, resolveCityText, type CityCtx } from './city-blocks.ts';
import { choropleth, figureCache } from './figures.ts';
import { cityMeasuresBlocks } from './measure-blocks.ts';
import { participationBlocks } from './participation-blocks.ts';
import { listMeasures } from '../measures/measure.service.ts';
import { carePlanBlocks } from './care-blocks.ts';
import { needsRankingBlocks } from './needs-ranking-blocks.ts';
import { kreisComparison } from './kreis-comparison.ts';
import {
  noAreas,
  raise,
  unknownTemplate,
  type ReportBlock,
  type ReportModel,
  type ReportSection,
} from './report-model.ts';
import type { Block, ReportTemplate, TemplateResolver } from './report.schema.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';

/** Default lookup of a report's templates: the built-ins. */
const builtinResolver: TemplateResolver = async (key) => BUILTIN_TEMPLATES[key] ?? null;

async function perIndicator(
  b: { type: Block['type']; indicator?: string; theme?: string; count: number },
  ctx: CityCtx,
  f: (key: string) => ReportBlock | Promise<ReportBlock>,
): Promise<ReportBlock[]> {
  const keys = chosenIndicators(b, ctx.themes, ctx.table, b.type !== 'chart');
  if (!keys.length) return [noThemeNote(b.theme)];
  const out: ReportBlock[] = [];
  for (const key of keys) out.push(unavailableNote(ctx.table, key) ?? (await f(key)));
  return out;
}

async function matrixBlocks(b: Extract<Block, { type: 'matrix' }>, ctx: CityCtx): Promise<ReportBlock[]> {
  const index = await ctx.index(b.index);
  if (!index) return []; // a city without a composite index reads nothing about one
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
    const actx = await areaContext(
      ctx.db,
      ctx.user,
      { level, area: area.key, date: ctx.date },
      { figures: ctx.figures, cityName: ctx.cityName, cityLevelName: ctx.cityLevelName },
    );
    sections.push(...(await areaSections(actx, template, true)));
  }
  return sections;
}

/**
 * Blocks of one chapter; `area_profiles` adds level-2 sections after the chapter. `applies: false`
 * marks a block that does not fit the territory (the comparison of Gemeinden in a city).
 */
async function block(
  b: Block,
  ctx: CityCtx,
): Promise<{ blocks: ReportBlock[]; sections?: ReportSection[]; applies?: boolean }> {
  const text = (t: string) => resolveCityText(t, ctx);
  // sentences about an index the city has not, or an indicator it cannot compute, are left out;
  // the index is only computed when a text speaks of it
  const said = async (texts: string[]) => {
    const hasIndex = texts.some((t) => t.includes('{index.')) && (await ctx.index()) !== null;
    const applies = (p: Placeholder) =>
      p.scope === 'index' ? hasIndex : p.scope !== 'indicator' || !p.key || !ctx.table.unavailable.has(p.key);
    const kept = texts.map((t) => applicableSentences(t, applies)).filter(Boolean);
    return Promise.all(kept.map(text));
  };
  switch (b.type) {
    case 'heading':
      return { blocks: [{ kind: 'heading', text: await text(b.text) }] };
    case 'text': {
      const [paragraph] = await said([b.text]);
      return { blocks: paragraph ? [{ kind: 'paragraph', text: paragraph }] : [] };
    }
    case 'list': {
      const items = await said(b.items);
      return { blocks: items.length ? [{ kind: 'list', items }] : [] };
    }
    case 'summary': {
      const [index, warnings] = await Promise.all([ctx.index(), ctx.warnings()]);
      return { blocks: [{ kind: 'paragraph', text: findings(index, warnings, 5).join(' ') }] };
    }
    case 'indicator_table':
      // a title may name the territory („Kennzahlen {city.genitive}“)
      return {
        blocks: [cityIndicatorTable({ ...b, ...(b.title ? { title: await text(b.title) } : {}) }, ctx)],
      };
    case 'map':
      return {
        blocks: await perIndicator(b, ctx, (key) =>
          choropleth(
            ctx.db,
            ctx.table,
            {
              level: ctx.level.key,
              levelName: levelDative(ctx.level.name),
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
    case 'needs_ranking':
      return { blocks: await needsRankingBlocks(b, ctx) };
    case 'care_plan':
      return { blocks: await carePlanBlocks(b, ctx) };
    case 'participation':
      return { blocks: await participationBlocks(ctx.db, ctx.user, ctx.level.key) };
    case 'kreis_comparison':
      return kreisComparison(ctx.db, ctx.user, b, { date: ctx.date, kreisName: ctx.cityName });
    case 'measures':
      return {
        blocks: await cityMeasuresBlocks(b.view, ctx.db, ctx.user, await listMeasures(ctx.db, ctx.user)),
      };
    case 'pagebreak':
      return { blocks: [{ kind: 'pagebreak' }] };
    case 'statement':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Stellungnahme“ passt nur in Vorlagen für Stellungnahmen zur Bauleitplanung.',
        { block: b.type },
      );
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
    cityLevelName: levels.find((l) => l.rank === 0)?.name ?? 'Stadt',
    level: {
      key: level.key,
      name: level.name,
      parentName: levels.find((l) => l.key === level.parent)?.name ?? null,
    },
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
  let k = 0;
  for (const chapter of template.chapters) {
    const blocks: ReportBlock[] = [];
    const nested: ReportSection[] = [];
    let applies = false;
    for (const b of chapter.blocks) {
      const out = await block(b, ctx);
      blocks.push(...out.blocks);
      nested.push(...(out.sections ?? []));
      applies ||= out.applies !== false;
    }
    // One template serves cities and Kreise: a chapter made only of blocks that do not fit the
    // territory („Kreis im Vergleich“ in a city) is left out, as a reader of a city's report
    // expects no chapter about Gemeinden it has not. Beside other blocks such a block keeps its
    // note, which tells the template's author why nothing is shown.
    if (!applies && chapter.blocks.length > 0) continue;
    sections.push({
      id: `kapitel-${k + 1}`,
      title: await resolveCityText(chapter.title, ctx),
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks,
    });
    sections.push(...nested);
    k++;
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
