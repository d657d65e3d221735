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
import { loadLevelTable } from '../indicators/level-table.ts';
import { dataVersion } from '../indicators/public-protection.ts';
import type { ProfileIndicator, Steckbrief } from '../profile/profile.schema.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { chartFigure, mapFigure } from './figures.ts';
import {
  raise,
  sourceLine,
  unknownIndicator,
  type Ctx,
  type ReportBlock,
  type ReportModel,
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
): string {
  return text.replace(
    /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g,
    (all, scope: string, key?: string, field?: string) => {
      if (scope === 'date' && !key) return formatDate(profile.date);
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

function ranking(block: Extract<Block, { type: 'ranking' }>, ctx: Ctx): ReportTable {
  const { profile, table } = ctx;
  const grid = table.grids.get(block.indicator) ?? raise(unknownIndicator(block.indicator));
  const dateIndex = table.dates.indexOf(profile.date);
  const { decimals, unit, name } = grid.indicator;
  const ranked = table.areas
    .map((a, k) => ({ area: a, cell: grid.cells[dateIndex]?.[k] }))
    .filter((r) => r.cell && r.cell.status !== 'secret' && r.cell.value !== null)
    .sort((a, b) => b.cell!.value! - a.cell!.value! || a.area.key.localeCompare(b.area.key));
  const at = ranked.findIndex((r) => r.area.key === profile.area.id);
  const from = at < 0 ? 0 : Math.max(0, at - block.around);
  const shown = ranked.slice(from, at < 0 ? 2 * block.around + 1 : at + block.around + 1);
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

async function block(b: Block, ctx: Ctx): Promise<ReportBlock[]> {
  const { profile, indicators } = ctx;
  const need = (key: string) => indicators.get(key) ?? raise(unknownIndicator(key));
  switch (b.type) {
    case 'heading':
      return [{ kind: 'heading', text: resolveText(b.text, profile, indicators) }];
    case 'text':
      return [{ kind: 'paragraph', text: resolveText(b.text, profile, indicators) }];
    case 'summary':
      return profile.text.length ? [{ kind: 'paragraph', text: profile.text.join(' ') }] : [];
    case 'indicator_table':
      return [indicatorTable(b, ctx)];
    case 'map':
      return [await mapFigure(b, ctx)];
    case 'chart':
      return [chartFigure(b, ctx, need(b.indicator))];
    case 'ranking':
      return [ranking(b, ctx)];
    case 'matrix':
      return matrix(profile);
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
              (profile.area && !profile.unprotected
                ? 'Werte unter der Geheimhaltungsgrenze sind mit · gekennzeichnet.'
                : 'Interner Entwurf mit ungeschützten Werten – nicht zur Veröffentlichung.'),
        },
      ];
  }
}

/**
 * Applies an area template to one area.
 * @throws the errors of `areaSteckbrief` (unknown level, area, Stichtag) and
 *   reports.unknown_indicator (400) when a block names an indicator the user cannot see
 */
export async function assembleAreaReport(
  db: Db,
  user: User | null,
  template: ReportTemplate,
  target: { level: string; area: string; date?: string },
): Promise<ReportModel> {
  const profile = await areaSteckbrief(db, user, target.level, target.area, {
    date: target.date,
    years: 5,
  });
  const indicators = indicatorIndex(profile);
  // the same (cached) level table the profile was computed from: sources, map and ranking values
  const ctx: Ctx = { db, profile, indicators, table: await loadLevelTable(db, user, target.level) };
  const sections = [];
  for (const chapter of template.chapters) {
    const blocks = [];
    for (const b of chapter.blocks) blocks.push(...(await block(b, ctx)));
    sections.push({ title: resolveText(chapter.title, profile, indicators), blocks });
  }
  const parent = profile.area.parentName
    ? `, ${profile.area.parentLevelName} ${profile.area.parentName}`
    : '';
  return {
    title: resolveText(template.title, profile, indicators),
    subtitle: `${profile.area.levelName} ${profile.area.id}${parent} · Stichtag ${formatDate(profile.date)}`,
    date: profile.date,
    internal: profile.unprotected,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    sections,
  };
}
