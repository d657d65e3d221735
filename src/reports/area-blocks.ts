/**
 * The area-scope pieces of a report: placeholders (`{indicator:<key>.rank}` …), the indicator table
 * against district and city, the ranking around the area, the index class history, the findings,
 * and the choice of indicators by theme (shared with the city scope).
 */
import { formatDate, formatNumber, formatValue, withUnit } from '../core/format.ts';
import { unavailableText } from '../indicators/availability.ts';
import { convertedAt, type LevelTable } from '../indicators/level-table.ts';
import { cityConvertedAt, parentConvertedAt } from '../indicators/converted-aggregates.ts';
import { convertedDatesText } from '../areas/convert/converted-note.ts';
import { convertedFootnotes, footnotesOf } from './converted-footnotes.ts';
import type { ProfileIndicator, Steckbrief } from '../profile/profile.schema.ts';
import {
  raise,
  sourceLine,
  unknownIndicator,
  type Ctx,
  type ReportBlock,
  type ReportTable,
  wholeGenitive,
} from './report-model.ts';
import type { Block } from './report.schema.ts';
import { areaWithLevel } from '../core/level-names.ts';

const cell = (
  i: ProfileIndicator,
  c: { value: number | null; status: ProfileIndicator['value']['status'] } | null,
) => (c ? formatValue(c.value, c.status, i.decimals, i.unit) : '–');

const signed = (value: number | null, decimals: number, unit: string) =>
  value === null ? '–' : `${value > 0 ? '+' : ''}${withUnit(value, decimals, unit)}`;

/** A row with something to say: not every cell after the first one is „–“ (no value). */
const hasValues = (row: string[]) => row.slice(1).some((c) => c !== '–');

/** Replaces the placeholders of a text (see report.schema.ts); unknown placeholders stay visible. */
export function resolveText(
  text: string,
  profile: Steckbrief,
  indicators: Map<string, ProfileIndicator>,
  cityName = 'Stadt',
  unavailable?: LevelTable['unavailable'],
  cityLevelName = 'Stadt',
): string {
  return text.replace(
    /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g,
    (all, scope: string, key?: string, field?: string) => {
      if (scope === 'date' && !key) return formatDate(profile.date);
      if (scope === 'city' && !key && field === 'name') return cityName;
      if (scope === 'city' && !key && field === 'level') return cityLevelName;
      if (scope === 'city' && !key && field === 'genitive') return wholeGenitive(cityLevelName);
      if (scope === 'area' && !key) {
        if (field === 'name') return profile.area.name;
        if (field === 'level') return profile.area.levelName;
        if (field === 'parent') return profile.area.parentName ?? profile.area.name;
        return all;
      }
      if (scope !== 'indicator' || !key) return all;
      const i = indicators.get(key);
      if (!i) return unavailable?.has(key) ? 'nicht verfügbar' : all;
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

/** The indicators an indicator table names: its keys, else those of its themes, else all. */
export function tableIndicators(
  block: Extract<Block, { type: 'indicator_table' }>,
  ctx: Ctx,
): ProfileIndicator[] {
  const { profile, indicators } = ctx;
  return block.indicators?.length
    ? block.indicators
        .filter((k) => !ctx.table.unavailable.has(k))
        .map((k) => indicators.get(k) ?? raise(unknownIndicator(k)))
    : profile.themes
        .filter((t) => !block.themes?.length || block.themes.includes(t.theme))
        .flatMap((t) => t.indicators);
}

export function indicatorTable(block: Extract<Block, { type: 'indicator_table' }>, ctx: Ctx): ReportTable {
  const { profile } = ctx;
  const chosen = tableIndicators(block, ctx);
  const district = profile.area.parentLevelName ?? null;
  // levels named: an area and its district may share a name („Ehrenfeld | Ehrenfeld“)
  const columns = [
    'Indikator',
    areaWithLevel(profile.area.levelName, profile.area.name),
    ...(district
      ? [profile.area.parentName ? areaWithLevel(district, profile.area.parentName) : district]
      : []),
    ctx.cityLevelName ?? 'Stadt',
    'Rang',
    'Veränderung',
  ];
  const notes = convertedFootnotes();
  const converted = areaConversions(ctx);
  const sums = sumConversions(ctx);
  const rows = chosen.map((i) => [
    i.unit ? `${i.name} (${i.unit})` : i.name,
    notes.mark(
      formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false }),
      converted(i.key, profile.date),
    ),
    ...(district
      ? [
          notes.mark(
            i.district
              ? formatValue(i.district.value, i.district.status, i.decimals, i.unit, { unit: false })
              : '–',
            sums(i.key, profile.area.parent),
          ),
        ]
      : []),
    notes.mark(
      formatValue(i.city.value, i.city.status, i.decimals, i.unit, { unit: false }),
      sums(i.key, null),
    ),
    i.rank === null ? '–' : `${i.rank}/${i.rankOf}`,
    // a change compares two Stichtage: marked when either end was converted
    notes.mark(
      signed(i.change.value, i.decimals, i.changeUnit),
      (i.change.since === null ? undefined : converted(i.key, i.change.since)) ??
        converted(i.key, profile.date),
    ),
  ]);
  // an indicator without a value anywhere at this Stichtag (a 5-year change of a city whose
  // data begin later, say) would be a row of dashes: it is left out
  const kept = chosen.filter((_, r) => hasValues(rows[r]!));
  const sources = [
    ...new Set(kept.map((i) => ctx.table.grids.get(i.key)?.indicator.source ?? 'Lagebild')),
  ].join(', ');
  return {
    kind: 'table',
    title: block.title ?? `Indikatoren: ${profile.area.name} im Vergleich`,
    columns,
    numeric: columns.map((_, c) => c > 0),
    rows: rows.filter(hasValues),
    highlight: null,
    ...footnotesOf(notes),
    source: sourceLine(sources || 'Lagebild', profile.date),
  };
}

/**
 * The „umgerechnet“ mark of the profile's area for an indicator at a Stichtag, from the level
 * table (undefined: not converted, or the date or area is not in the table).
 */
/**
 * The „umgerechnet“ mark of the district (`parentKey`) or city (null) value of an indicator at the
 * Steckbrief's Stichtag: where it was summed from converted counts that do not keep the old total
 * (src/indicators/converted-aggregates.ts).
 */
function sumConversions(ctx: Pick<Ctx, 'profile' | 'table'>) {
  const d = ctx.table.dates.indexOf(ctx.profile.date);
  return (indicator: string, parentKey: string | null) => {
    const grid = ctx.table.grids.get(indicator);
    if (!grid || d < 0) return undefined;
    return parentKey === null ? cityConvertedAt(grid, d) : parentConvertedAt(grid, parentKey, d);
  };
}

export function areaConversions(ctx: Pick<Ctx, 'profile' | 'table'>) {
  const { table } = ctx;
  let area: number | undefined;
  return (indicator: string, date: string) => {
    const grid = table.grids.get(indicator);
    // most tables have no conversions: the area is only looked up for one that has
    if (!grid?.converted) return undefined;
    area ??= table.areas.findIndex((a) => a.key === ctx.profile.area.id);
    const d = table.dates.indexOf(date);
    return area >= 0 && d >= 0 ? convertedAt(grid, d, area) : undefined;
  };
}

export function ranking(indicator: string, around: number, ctx: Ctx): ReportTable {
  const { profile, table } = ctx;
  const grid = table.grids.get(indicator) ?? raise(unknownIndicator(indicator));
  const dateIndex = table.dates.indexOf(profile.date);
  const { decimals, unit, name } = grid.indicator;
  const ranked = table.areas
    .map((a, k) => ({
      area: a,
      cell: grid.cells[dateIndex]?.[k],
      converted: convertedAt(grid, dateIndex, k),
    }))
    .filter((r) => r.cell && r.cell.status !== 'secret' && r.cell.value !== null)
    .sort((a, b) => b.cell!.value! - a.cell!.value! || a.area.key.localeCompare(b.area.key));
  const at = ranked.findIndex((r) => r.area.key === profile.area.id);
  const from = at < 0 ? 0 : Math.max(0, at - around);
  const shown = ranked.slice(from, at < 0 ? 2 * around + 1 : at + around + 1);
  const notes = convertedFootnotes();
  return {
    kind: 'table',
    title: `Rangfolge: ${name} (1 = höchster Wert)`,
    columns: ['Rang', profile.area.levelName, unit ? `Wert (${unit})` : 'Wert'],
    numeric: [true, false, true],
    rows: shown.map((r, k) => [
      String(from + k + 1),
      r.area.name,
      notes.mark(formatNumber(r.cell!.value!, decimals), r.converted),
    ]),
    highlight: at < 0 ? null : at - from,
    ...footnotesOf(notes),
    source: sourceLine(grid.indicator.source, profile.date),
  };
}

export function matrix(profile: Steckbrief): ReportBlock[] {
  const index = profile.index;
  if (!index) return []; // an area without a composite index reads nothing about one
  const label = (partKey: string, code: string | null) =>
    index.parts.find((p) => p.key === partKey)?.classes.find((c) => c.code === code)?.label ?? '–';
  const rows = index.history
    .map((h) => [
      formatDate(h.date),
      ...index.parts.map((p) => label(p.key, h.parts[p.key]?.class ?? null)),
      h.code ?? '–',
    ])
    .filter(hasValues);
  // never classified (the city lacks inputs of the index): a sentence instead of an empty table
  if (!rows.length) {
    const reason = index.current?.invalidReason?.replace(/\.\s*$/, '');
    return [
      {
        kind: 'note',
        text: `Im Index „${index.name}“ ist ${profile.area.name} nicht eingestuft${reason ? ` (${reason})` : ''}.`,
      },
    ];
  }
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
  if (r) blocks.push({ kind: 'paragraph', text: robustnessText(r) });
  return blocks;
}

/**
 * The Monte Carlo robustness of an area's rank and classes in words. The rank range is the 5–95 %
 * interval of the runs; „robust“ means every part's class stayed the same in at least 90 % of them
 * (indices/robustness.ts). A constant rank with a changing class is said as such, so the two
 * statements never read as a contradiction.
 * @example robustnessText({rank: 6, rankOf: 62, runs: 1000, rankLow: 6, rankHigh: 6, robust: false})
 * // 'Rang 6 von 62 (1 = höchster Handlungsbedarf). In 90 % der 1.000 Simulationen blieb der Rang
 * //  bei 6, die Klasse wechselte dennoch in mehr als 10 % – die Einordnung ist nicht robust.'
 */
export function robustnessText(r: {
  rank: number;
  rankOf: number;
  runs: number;
  rankLow: number;
  rankHigh: number;
  robust: boolean;
}): string {
  const [low, high] = [Math.round(r.rankLow), Math.round(r.rankHigh)];
  const runs = `In 90 % der ${formatNumber(r.runs, 0)} Simulationen`;
  const rank =
    low === high
      ? `${runs} blieb der Rang bei ${formatNumber(low, 0)}`
      : `${runs} lag der Rang zwischen ${formatNumber(low, 0)} und ${formatNumber(high, 0)}`;
  const classes = r.robust
    ? ', die Klassen blieben in mindestens 90 % gleich – die Einordnung ist robust.'
    : `, die Klasse wechselte ${low === high ? 'dennoch ' : ''}in mehr als 10 % – die Einordnung ist nicht robust.`;
  return `Rang ${r.rank} von ${r.rankOf} (1 = höchster Handlungsbedarf). ${rank}${classes}`;
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

/**
 * Said where a block names an indicator whose inputs have no values (a city without the
 * variable), instead of failing the report or showing an empty figure; null when it has values.
 */
export function unavailableNote(table: LevelTable, key: string): ReportBlock | null {
  const gone = table.unavailable.get(key);
  return gone ? { kind: 'note', text: `${gone.name}: ${unavailableText(gone.missing)}` } : null;
}

/** Said where a theme-based block finds nothing, instead of failing the whole report. */
export const noThemeNote = (theme: string | undefined): ReportBlock => ({
  kind: 'note',
  text: `Zum Thema „${theme ?? ''}“ liegen keine Indikatoren vor.`,
});

/** The area's findings: its index classes and robustness, then its warnings as sentences. */
export function areaFindings(profile: Steckbrief, limit: number): ReportBlock[] {
  const items: string[] = [];
  const index = profile.index;
  const last = index?.history.at(-1);
  if (index && last) {
    const classes = index.parts
      .map((p) => `${p.label}: ${p.classes.find((c) => c.code === last.parts[p.key]?.class)?.label ?? '–'}`)
      .join(', ');
    items.push(`${index.name} zum ${formatDate(last.date)}: ${classes}.`);
  }
  // a finding from converted values says so in the same item, as the Frühwarnung list does
  items.push(
    ...profile.warnings
      .slice(0, limit)
      .map((w) =>
        w.converted ? `${w.reason.replace(/\.$/, '')} (${convertedDatesText(w.converted)}).` : w.reason,
      ),
  );
  if (!profile.warnings.length)
    items.push(
      `Für ${profile.area.name} liegt zum Stichtag ${formatDate(profile.date)} keine Frühwarnung vor.`,
    );
  return [{ kind: 'list', items }];
}
