/**
 * Fills a report template for one area into a plain report model: resolved German text, tables of
 * formatted values and figures as data (map shapes already projected, chart series). The renderers
 * (HTML/PDF, Word) only lay the model out; every number is decided here.
 *
 * Protection follows the user: `null` (public) gets disclosure-protected values only; a planner
 * gets unprotected values and the report becomes an internal draft (`internal: true`).
 */
import type { User } from '../auth/auth.schema.ts';
import { formatDate, formatNumber, formatValue, withUnit } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadLevelTable, type LevelTable } from '../indicators/level-table.ts';
import { dataVersion } from '../indicators/public-protection.ts';
import type { ProfileIndicator, Steckbrief } from '../profile/profile.schema.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { deepestLevel, getTerritory } from '../areas/area.repository.ts';
import { badRequest } from '../core/errors.ts';
import { chartFigure, figureCache, mapFigure, type FigureCache } from './figures.ts';
import {
  noAreas,
  raise,
  sourceLine,
  unknownIndicator,
  type Ctx,
  type ReportBlock,
  type ReportModel,
  type ReportSection,
  type ReportTable,
} from './report-model.ts';
import type { Block, ReportTemplate } from './report.schema.ts';

function indicatorIndex(profile: Steckbrief): Map<string, ProfileIndicator> {
  return new Map(profile.themes.flatMap((t) => t.indicators.map((i) => [i.key, i] as const)));
}

const cell = (
  i: ProfileIndicator,
  c: { value: number | null; status: ProfileIndicator['value']['status'] } | null,
) => (c ? formatValue(c.value, c.status, i.decimals, i.unit) : '–');

const signed = (value: number | null, decimals: number, unit: string) =>
  value === null ? '–' : `${value > 0 ? '+' : ''}${withUnit(value, decimals, unit)}`;

/** Replaces the placeholders of a text (see report.schema.ts); unknown placeholders stay visible. */
export function resolveText(
  text: string,
  profile: Steckbrief,
  indicators: Map<string, ProfileIndicator>,
  cityName = 'Stadt',
): string {
  return text.replace(
    /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g,
    (all, scope: string, key?: string, field?: string) => {
      if (scope === 'date' && !key) return formatDate(profile.date);
      if (scope === 'city' && !key && field === 'name') return cityName;
      if (scope === 'area' && !key) {
        if (field === 'name') return profile.area.name;
        if (field === 'level') return profile.area.levelName;
        if (field === 'parent') return profile.area.parentName ?? profile.area.name;
        return all;
      }
      if (scope !== 'indicator' || !key) return all;
      const i = indicators.get(key);
      if (!i) return all;
      switch (field) {
        case 'name':
          return i.name;
        case 'value':
          return cell(i, i.value);
        case 'district':
          return cell(i, i.district);
        case 'city':
          return cell(i, i.city);
        case 'difference':
          return signed(i.difference, i.decimals, i.changeUnit);
        case 'change':
          return signed(i.change.value, i.decimals, i.changeUnit);
        case 'rank':
          return i.rank === null ? '–' : `${i.rank} von ${i.rankOf}`;
        default:
          return all;
      }
    },
  );
}

function indicatorTable(block: Extract<Block, { type: 'indicator_table' }>, ctx: Ctx): ReportTable {
  const { profile, indicators } = ctx;
  const chosen = block.indicators?.length
    ? block.indicators.map((k) => indicators.get(k) ?? raise(unknownIndicator(k)))
    : profile.themes
        .filter((t) => !block.themes?.length || block.themes.includes(t.theme))
        .flatMap((t) => t.indicators);
  const district = profile.area.parentLevelName ?? null;
  const columns = [
    'Indikator',
    profile.area.name,
    ...(district ? [profile.area.parentName ?? district] : []),
    'Stadt',
    'Rang',
    'Veränderung',
  ];
  const rows = chosen.map((i) => [
    i.unit ? `${i.name} (${i.unit})` : i.name,
    formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false }),
    ...(district
      ? [
          i.district
            ? formatValue(i.district.value, i.district.status, i.decimals, i.unit, { unit: false })
            : '–',
        ]
      : []),
    formatValue(i.city.value, i.city.status, i.decimals, i.unit, { unit: false }),
    i.rank === null ? '–' : `${i.rank}/${i.rankOf}`,
    signed(i.change.value, i.decimals, i.changeUnit),
  ]);
  const sources = [
    ...new Set(chosen.map((i) => ctx.table.grids.get(i.key)?.indicator.source ?? 'Lagebild')),
  ].join(', ');
  return {
    kind: 'table',
    title: block.title ?? `Indikatoren: ${profile.area.name} im Vergleich`,
    columns,
    numeric: columns.map((_, c) => c > 0),
    rows,
    highlight: null,
    source: sourceLine(sources || 'Lagebild', profile.date),
  };
}

function ranking(indicator: string, around: number, ctx: Ctx): ReportTable {
  const { profile, table } = ctx;
  const grid = table.grids.get(indicator) ?? raise(unknownIndicator(indicator));
  const dateIndex = table.dates.indexOf(profile.date);
  const { decimals, unit, name } = grid.indicator;
  const ranked = table.areas
    .map((a, k) => ({ area: a, cell: grid.cells[dateIndex]?.[k] }))
    .filter((r) => r.cell && r.cell.status !== 'secret' && r.cell.value !== null)
    .sort((a, b) => b.cell!.value! - a.cell!.value! || a.area.key.localeCompare(b.area.key));
  const at = ranked.findIndex((r) => r.area.key === profile.area.id);
  const from = at < 0 ? 0 : Math.max(0, at - around);
  const shown = ranked.slice(from, at < 0 ? 2 * around + 1 : at + around + 1);
  return {
    kind: 'table',
    title: `Rangfolge: ${name} (1 = höchster Wert)`,
    columns: ['Rang', profile.area.levelName, unit ? `Wert (${unit})` : 'Wert'],
    numeric: [true, false, true],
    rows: shown.map((r, k) => [String(from + k + 1), r.area.name, formatNumber(r.cell!.value!, decimals)]),
    highlight: at < 0 ? null : at - from,
    source: sourceLine(grid.indicator.source, profile.date),
  };
}

function matrix(profile: Steckbrief): ReportBlock[] {
  const index = profile.index;
  if (!index) return [{ kind: 'note', text: 'Für diese Ebene ist kein Sozialindex berechnet.' }];
  const label = (partKey: string, code: string | null) =>
    index.parts.find((p) => p.key === partKey)?.classes.find((c) => c.code === code)?.label ?? '–';
  const rows = index.history.map((h) => [
    formatDate(h.date),
    ...index.parts.map((p) => label(p.key, h.parts[p.key]?.class ?? null)),
    h.code ?? '–',
  ]);
  const columns = ['Stichtag', ...index.parts.map((p) => p.label), 'Klasse'];
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      title: `${index.name}: Klassen von ${profile.area.name}`,
      columns,
      numeric: columns.map(() => false),
      rows,
      highlight: rows.length ? rows.length - 1 : null,
      source: sourceLine(`Lagebild, eigene Berechnung (${index.name})`, profile.date),
    },
  ];
  const r = index.robustness;
  if (r)
    blocks.push({
      kind: 'paragraph',
      text:
        `Rang ${r.rank} von ${r.rankOf} (1 = höchster Handlungsbedarf); in ${formatNumber(r.runs, 0)} ` +
        `Simulationen lag der Rang zwischen ${formatNumber(r.rankLow, 0)} und ${formatNumber(r.rankHigh, 0)}` +
        (r.robust ? ' – die Einordnung ist robust.' : ' – die Einordnung ist nicht robust.'),
    });
  return blocks;
}

/**
 * The indicators a figure or ranking block names: its indicator, or the first `count` indicators
 * of its theme that the user may see (empty when the city has no such theme). Maps and rankings
 * chosen by theme skip plain counts (`ratesOnly`): a choropleth of absolute numbers misleads, as
 * areas of different size are compared.
 */
export function chosenIndicators(
  b: { indicator?: string; theme?: string; count: number },
  themes: { theme: string; keys: string[] }[],
  table: LevelTable,
  ratesOnly = false,
): string[] {
  if (b.indicator) return [b.indicator];
  const keys = themes.find((t) => t.theme === b.theme)?.keys ?? [];
  return keys
    .filter((k) => !ratesOnly || table.grids.get(k)?.indicator.formula !== 'count')
    .slice(0, b.count);
}

/** Said where a theme-based block finds nothing, instead of failing the whole report. */
export const noThemeNote = (theme: string | undefined): ReportBlock => ({
  kind: 'note',
  text: `Zum Thema „${theme ?? ''}“ liegen keine Indikatoren vor.`,
});

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
  for (const key of keys) out.push(await f(key));
  return out;
}

/** The area's findings: its index classes and robustness, then its warnings as sentences. */
function areaFindings(profile: Steckbrief, limit: number): ReportBlock[] {
  const items: string[] = [];
  const index = profile.index;
  const last = index?.history.at(-1);
  if (index && last) {
    const classes = index.parts
      .map((p) => `${p.label}: ${p.classes.find((c) => c.code === last.parts[p.key]?.class)?.label ?? '–'}`)
      .join(', ');
    items.push(`${index.name} zum ${formatDate(last.date)}: ${classes}.`);
  }
  items.push(...profile.warnings.slice(0, limit).map((w) => w.reason));
  if (!profile.warnings.length)
    items.push(
      `Für ${profile.area.name} liegt zum Stichtag ${formatDate(profile.date)} keine Frühwarnung vor.`,
    );
  return [{ kind: 'list', items }];
}

async function block(b: Block, ctx: Ctx): Promise<ReportBlock[]> {
  const { profile, indicators } = ctx;
  const need = (key: string) => indicators.get(key) ?? raise(unknownIndicator(key));
  const text = (t: string) => resolveText(t, profile, indicators, ctx.cityName);
  switch (b.type) {
    case 'heading':
      return [{ kind: 'heading', text: text(b.text) }];
    case 'text':
      return [{ kind: 'paragraph', text: text(b.text) }];
    case 'list':
      return [{ kind: 'list', items: b.items.map(text) }];
    case 'summary':
      return profile.text.length ? [{ kind: 'paragraph', text: profile.text.join(' ') }] : [];
    case 'indicator_table':
      return [indicatorTable(b, ctx)];
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
    case 'area_profiles':
      throw badRequest(
        'reports.block_scope',
        'Der Baustein „Steckbriefe der Gebiete“ passt nur in Vorlagen für die ganze Stadt.',
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
              (!profile.unprotected
                ? 'Werte unter der Geheimhaltungsgrenze sind mit · gekennzeichnet.'
                : 'Interner Entwurf mit ungeschützten Werten – nicht zur Veröffentlichung.'),
        },
      ];
  }
}

/** The profile of one area and what its blocks are filled from. */
export async function areaContext(
  db: Db,
  user: User | null,
  target: { level: string; area: string; date?: string },
  figures: FigureCache = figureCache(),
): Promise<Ctx> {
  const profile = await areaSteckbrief(db, user, target.level, target.area, {
    date: target.date,
    years: 5,
  });
  // the same (cached) level table the profile was computed from: sources, map and ranking values
  const [table, territory] = await Promise.all([loadLevelTable(db, user, target.level), getTerritory(db)]);
  return {
    db,
    profile,
    indicators: indicatorIndex(profile),
    table,
    figures,
    cityName: territory?.name ?? 'Stadt',
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
    chapters.push({ title: resolveText(chapter.title, profile, indicators, ctx.cityName), blocks });
  }
  if (!nested)
    return chapters.map((c, k) => ({
      id: `kapitel-${k + 1}`,
      title: c.title,
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks: c.blocks,
    }));
  const title = resolveText(template.title, profile, indicators, ctx.cityName);
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
 * Applies an area template to one area (level default: the finest).
 * @throws the errors of `areaSteckbrief` (unknown level, area, Stichtag) and
 *   reports.unknown_indicator (400) when a block names an indicator the user cannot see
 */
export async function assembleAreaReport(
  db: Db,
  user: User | null,
  template: ReportTemplate,
  target: { level?: string; area: string; date?: string },
): Promise<ReportModel> {
  const level = target.level ?? (await deepestLevel(db))?.key ?? raise(noAreas());
  const ctx = await areaContext(db, user, { ...target, level });
  const { profile, indicators } = ctx;
  return {
    title: resolveText(template.title, profile, indicators, ctx.cityName),
    subtitle: areaSubtitle(profile),
    date: profile.date,
    internal: profile.unprotected,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    target: { template: template.key, level, area: profile.area.id, date: profile.date },
    sections: await areaSections(ctx, template),
  };
}
