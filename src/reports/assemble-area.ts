/**
 * Fills a report template for one area into a plain report model: resolved German text, tables of
 * formatted values and figures as data (map shapes already projected, chart series). The renderers
 * (HTML/PDF, Word) only lay the model out; every number is decided here.
 *
 * Protection follows the user: `null` (public) gets disclosure-protected values only; a planner
 * gets unprotected values and the report becomes an internal draft (`internal: true`). With
 * `own`, a scoped planner's own areas are unprotected and the rest protected, as on the Steckbrief
 * page: internal too (report-scope.ts).
 */
import { areaMeasuresBlocks } from './measure-blocks.ts';
import { listMeasures } from '../measures/measure.service.ts';
import type { User } from '../auth/auth.schema.ts';
import { formatDate } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { dataVersion } from '../db/data-version.ts';
import type { ProfileIndicator, Steckbrief } from '../profile/profile.schema.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { deepestLevel, getTerritory, listLevels } from '../areas/area.repository.ts';
import { badRequest } from '../core/errors.ts';
import {
  areaFindings,
  chosenIndicators,
  unavailableNote,
  indicatorTable,
  matrix,
  noThemeNote,
  ranking,
  resolveText,
  tableIndicators,
} from './area-blocks.ts';
import { applicableSentences, type Placeholder } from './applicable-text.ts';
import { chartFigure, figureCache, mapFigure } from './figures.ts';
import { projectionTable } from './projection-blocks.ts';
import {
  noAreas,
  raise,
  unknownIndicator,
  type Ctx,
  type FigureCache,
  type ReportBlock,
  type ReportModel,
  type ReportSection,
} from './report-model.ts';
import type { Block, ReportTemplate } from './report.schema.ts';

function indicatorIndex(profile: Steckbrief): Map<string, ProfileIndicator> {
  return new Map(profile.themes.flatMap((t) => t.indicators.map((i) => [i.key, i] as const)));
}

/** Applies `f` to every chosen indicator, or says that the theme has none. */
async function perIndicator(
  b: { type: Block['type']; indicator?: string; theme?: string; count: number },
  ctx: Ctx,
  f: (key: string) => ReportBlock | Promise<ReportBlock>,
): Promise<ReportBlock[]> {
  const themes = ctx.profile.themes.map((t) => ({ theme: t.theme, keys: t.indicators.map((i) => i.key) }));
  const keys = chosenIndicators(b, themes, ctx.table, b.type !== 'chart');
  if (!keys.length) return [noThemeNote(b.theme)];
  const out: ReportBlock[] = [];
  for (const key of keys) out.push(unavailableNote(ctx.table, key) ?? (await f(key)));
  return out;
}

async function block(b: Block, ctx: Ctx): Promise<ReportBlock[]> {
  const { profile, indicators } = ctx;
  const need = (key: string) => indicators.get(key) ?? raise(unknownIndicator(key));
  const text = (t: string) =>
    resolveText(t, profile, indicators, ctx.cityName, ctx.table.unavailable, ctx.cityLevelName);
  // sentences about an index this area has not, or an indicator the city cannot compute, are left out
  const applies = (p: Placeholder) =>
    p.scope === 'index'
      ? profile.index !== null
      : p.scope !== 'indicator' || !p.key || !ctx.table.unavailable.has(p.key);
  const said = (t: string) => text(applicableSentences(t, applies));
  switch (b.type) {
    case 'heading':
      return [{ kind: 'heading', text: text(b.text) }];
    case 'text': {
      const paragraph = said(b.text);
      return paragraph ? [{ kind: 'paragraph', text: paragraph }] : [];
    }
    case 'list': {
      const items = b.items.map(said).filter(Boolean);
      return items.length ? [{ kind: 'list', items }] : [];
    }
    case 'summary':
      return profile.text.length ? [{ kind: 'paragraph', text: profile.text.join(' ') }] : [];
    case 'indicator_table':
      // the published Prognose of the same indicators follows their table, when there is one
      return [indicatorTable(b, ctx), ...projectionTable(profile, tableIndicators(b, ctx))];
    case 'map':
      return perIndicator(b, ctx, (key) => mapFigure(key, b.title, ctx));
    case 'chart':
      return perIndicator(b, ctx, (key) => chartFigure(b.title, ctx, need(key)));
    case 'ranking':
      return perIndicator(b, ctx, (key) => ranking(key, b.around, ctx));
    case 'matrix':
      return matrix(profile);
    case 'findings':
      return areaFindings(profile, b.limit);
    case 'pagebreak':
      return [{ kind: 'pagebreak' }];
    case 'statement':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Stellungnahme“ passt nur in Vorlagen für Stellungnahmen zur Bauleitplanung.',
        { block: b.type },
      );
    case 'measures': {
      const user = ctx.user ?? null;
      return areaMeasuresBlocks(b.view, ctx.db, user, await listMeasures(ctx.db, user), {
        level: profile.area.level,
        key: profile.area.id,
        name: profile.area.name,
      });
    }
    case 'participation':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Beteiligung“ passt nur in Vorlagen für die ganze Stadt.',
        { block: b.type },
      );
    case 'area_profiles':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Steckbriefe der Gebiete“ passt nur in Vorlagen für die ganze Stadt.',
        { block: b.type },
      );
    case 'needs_ranking':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Bedarfsplan“ passt nur in Vorlagen für die ganze Stadt.',
        { block: b.type },
      );
    case 'care_plan':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Pflegebedarfsplan“ passt nur in Vorlagen für die ganze Stadt.',
        { block: b.type },
      );
    case 'kreis_comparison':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Kreis im Vergleich“ passt nur in Vorlagen für den ganzen Kreis.',
        { block: b.type },
      );
    case 'warnings':
      return [
        { kind: 'heading', text: 'Frühwarnungen' },
        profile.warnings.length
          ? { kind: 'list', items: profile.warnings.map((w) => `${w.ruleName}: ${w.reason}`) }
          : { kind: 'paragraph', text: `Für ${profile.area.name} liegt zum Stichtag keine Frühwarnung vor.` },
      ];
    case 'source':
      return [
        {
          kind: 'note',
          text:
            b.text ??
            `Datenstand: Stichtag ${formatDate(profile.date)}. ` +
              (profile.unprotected
                ? 'Interner Entwurf mit ungeschützten Werten – nicht zur Veröffentlichung.'
                : profile.own
                  ? 'Interne Fassung für das Zuständigkeitsgebiet: Seine Werte sind ungeschützt, Werte ' +
                    'außerhalb unter der Geheimhaltungsgrenze mit · gekennzeichnet – nicht zur Veröffentlichung.'
                  : 'Werte unter der Geheimhaltungsgrenze sind mit · gekennzeichnet.'),
        },
      ];
  }
}

/** The profile of one area and what its blocks are filled from. */
export async function areaContext(
  db: Db,
  user: User | null,
  target: { level: string; area: string; date?: string },
  /** What a Sozialbericht shares between its Steckbriefe: figure cache and city name. */
  shared: { figures?: FigureCache; cityName?: string; cityLevelName?: string } = {},
  /** `own`: a scoped planner's own areas unprotected (`areaSteckbrief`), for their own area only. */
  options: { own?: boolean } = {},
): Promise<Ctx> {
  const profile = await areaSteckbrief(
    db,
    user,
    target.level,
    target.area,
    { date: target.date, years: 5 },
    { own: options.own === true },
  );
  // the same (cached) level table the profile was computed from: sources, map and ranking values
  const [table, cityName, cityLevelName] = await Promise.all([
    loadLevelTable(db, user, target.level, undefined, { own: profile.own }),
    shared.cityName ?? getTerritory(db).then((t) => t?.name ?? 'Stadt'),
    shared.cityLevelName ??
      listLevels(db).then((levels) => levels.find((l) => l.rank === 0)?.name ?? 'Stadt'),
  ]);
  return {
    db,
    profile,
    indicators: indicatorIndex(profile),
    table,
    figures: shared.figures ?? figureCache(),
    cityName,
    cityLevelName,
    user,
  };
}

/**
 * The sections of an area template for one area. As a report of its own each chapter is a section;
 * inside a Sozialbericht (`nested`) the whole Steckbrief is one level-2 section whose chapters
 * become headings, on exactly `template.pages` pages.
 */
export async function areaSections(
  ctx: Ctx,
  template: ReportTemplate,
  nested = false,
): Promise<ReportSection[]> {
  const { profile, indicators } = ctx;
  const chapters: { title: string; blocks: ReportBlock[] }[] = [];
  for (const chapter of template.chapters) {
    const blocks: ReportBlock[] = [];
    for (const b of chapter.blocks) blocks.push(...(await block(b, ctx)));
    chapters.push({
      title: resolveText(
        chapter.title,
        profile,
        indicators,
        ctx.cityName,
        ctx.table.unavailable,
        ctx.cityLevelName,
      ),
      blocks,
    });
  }
  if (!nested)
    return chapters.map((c, k) => ({
      id: `kapitel-${k + 1}`,
      title: c.title,
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks: c.blocks,
    }));
  const title = resolveText(
    template.title,
    profile,
    indicators,
    ctx.cityName,
    ctx.table.unavailable,
    ctx.cityLevelName,
  );
  return [
    {
      id: `gebiet-${profile.area.id}`,
      title,
      level: 2,
      pageBreak: true,
      ...(template.pages ? { pages: template.pages } : {}),
      // a chapter titled like the Steckbrief itself (the two-page template) needs no heading
      blocks: chapters.flatMap((c) =>
        c.title === title || c.title === profile.area.name
          ? c.blocks
          : [{ kind: 'heading' as const, text: c.title }, ...c.blocks],
      ),
    },
  ];
}

/** „Sozialraum 101, Stadtbezirk Mitte · Stichtag 31.12.2024“ */
const areaSubtitle = (profile: Steckbrief) => {
  const parent = profile.area.parentName
    ? `, ${profile.area.parentLevelName} ${profile.area.parentName}`
    : '';
  return `${profile.area.levelName} ${profile.area.id}${parent} · Stichtag ${formatDate(profile.date)}`;
};

/**
 * Applies an area template to one area (level default: the finest); `own` as in `areaContext`.
 * @throws the errors of `areaSteckbrief` (unknown level, area, Stichtag) and
 *   reports.unknown_indicator (400) when a block names an indicator the user cannot see
 */
export async function assembleAreaReport(
  db: Db,
  user: User | null,
  template: ReportTemplate,
  target: { level?: string; area: string; date?: string },
  options: { own?: boolean } = {},
): Promise<ReportModel> {
  const level = target.level ?? (await deepestLevel(db))?.key ?? raise(noAreas());
  const ctx = await areaContext(db, user, { ...target, level }, {}, options);
  const { profile, indicators } = ctx;
  return {
    title: resolveText(
      template.title,
      profile,
      indicators,
      ctx.cityName,
      ctx.table.unavailable,
      ctx.cityLevelName,
    ),
    subtitle: areaSubtitle(profile),
    date: profile.date,
    // own values unprotected: internal to the scope, even when none differs from the protected one
    internal: profile.unprotected || profile.own,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    target: { template: template.key, level, area: profile.area.id, date: profile.date },
    sections: await areaSections(ctx, template),
  };
}
