/**
 * „Kreis im Vergleich“: the Gemeinden of a Kreis side by side, per indicator a table of value,
 * rank and difference to the Kreis with the Kreis row at its place among them, and a sentence
 * naming the highest and the lowest Gemeinde.
 *
 * Every number comes from the level table of the Gemeinde level as the report's audience may see
 * it (`loadLevelTable`): the public gets the disclosure-protected values the values route
 * publishes, planners the unprotected ones in an internal draft. The Kreis and Gemeinde values are
 * recomputed there from the summed counts of the areas below them (docs/methods.md §2); nothing
 * here computes a value of its own, so a secret Gemeinde stays secret and gets no rank.
 */
import { getTerritory, listLevels } from '../areas/area.repository.ts';
import { CITY_LEVEL } from '../areas/city-level.ts';
import type { User } from '../auth/auth.schema.ts';
import { formatDate, formatNumber, formatValue, withUnit } from '../core/format.ts';
import { capitalise, inArea, numberWord, subjectOf } from '../core/grammar.ts';
import { levelPlural } from '../core/level-names.ts';
import type { Db } from '../db/db.ts';
import {
  convertedAt,
  loadLevelTable,
  type IndicatorGrid,
  type LevelTable,
} from '../indicators/level-table.ts';
import { cityConvertedAt } from '../indicators/converted-aggregates.ts';
import { convertedFootnotes, footnotesOf } from './converted-footnotes.ts';
import { changeUnitOf, rankOf } from '../profile/compare.ts';
import { unavailableNote } from './area-blocks.ts';
import { sourceLine, type ReportBlock, type ReportTable } from './report-model.ts';
import type { Block } from './report.schema.ts';

export type KreisComparisonBlock = Extract<Block, { type: 'kreis_comparison' }>;

/** What the comparison is made of: the Gemeinde level's table and the names around it. */
export interface KreisComparisonInput {
  /** The level table of the Gemeinde level, as the audience may see it. */
  table: LevelTable;
  /** Stichtag YYYY-MM-DD; must be one of `table.dates`. */
  date: string;
  /** Name of the Gemeinde level („Gemeinde“). */
  levelName: string;
  /** Name of the Kreis („Landkreis Musterland“). */
  kreisName: string;
  /** Name of the Kreis level („Kreis“). */
  kreisLevelName: string;
}

/** Said in a city: the block belongs to Kreis reports. */
export const ONLY_KREIS =
  'Der Vergleich der Gemeinden („Kreis im Vergleich“) ist nur für einen Kreis möglich.';

/** A value the audience may see and that can be ranked. */
const shown = (c: { value: number | null; status: string } | undefined) =>
  c && c.status !== 'secret' && c.status !== 'missing' && c.value !== null && Number.isFinite(c.value)
    ? c.value
    : null;

/**
 * Rounds to the indicator's decimals: differences are taken between the values as printed, so that
 * every row of the table adds up for the reader (12,3 − 8,0 = 4,3, never 4,4).
 */
const printed = (value: number, decimals: number) =>
  Number(formatNumber(value, decimals).replace(/\./g, '').replace(',', '.'));

/** „Kreis Musterland“; a name that already says it is a Kreis („Landkreis …“) is kept. */
export const kreisLabel = (levelName: string, name: string) =>
  name.toLowerCase().includes(levelName.toLowerCase()) ? name : `${levelName} ${name}`;

/**
 * The indicators of the block: its keys, else the first `count` indicators of each theme asked for
 * (every theme when none is) that have a value at the Stichtag — a five-year change in a Kreis
 * whose data begin later would be a table of dashes. Plain counts are left out of a theme's
 * choice: a Gemeinde's total against the Kreis total compares sizes, not situations.
 */
export function comparedIndicators(b: KreisComparisonBlock, table: LevelTable, date: string): string[] {
  if (b.indicators?.length) return b.indicators;
  const d = table.dates.indexOf(date);
  const themes = new Map<string, string[]>();
  for (const g of table.grids.values()) {
    if (g.indicator.formula === 'count') continue;
    if (![...(g.cells[d] ?? []), g.city[d]].some((c) => shown(c) !== null)) continue;
    themes.set(g.indicator.theme, [...(themes.get(g.indicator.theme) ?? []), g.indicator.key]);
  }
  const wanted = b.themes?.length ? b.themes : [...themes.keys()];
  return wanted.flatMap((t) => (themes.get(t) ?? []).slice(0, b.count));
}

/** „in der Gemeinde Adorf“, or „in der Gemeinde Adorf und in der Gemeinde Bedorf“ for a tie. */
const inPlaces = (levelName: string, names: string[]) =>
  names.map((n) => inArea(levelName, n).replace(/^I/, 'i')).join(' und ');

/**
 * The sentence naming the highest and the lowest Gemeinde, with the Kreis value.
 * @example extremesSentence(...) // 'Am höchsten ist die SGB-II-Quote in der Gemeinde Adorf mit
 * //  12,3 %, am niedrigsten in der Gemeinde Cedorf mit 4,5 % (Kreis Musterland: 8,0 %).'
 */
export function extremesSentence(
  grid: IndicatorGrid,
  ranked: { name: string; value: number }[],
  input: KreisComparisonInput,
  kreis: number | null,
): string {
  const i = grid.indicator;
  const subject = subjectOf(i.name);
  if (ranked.length < 2)
    return `Für ${subject.text} liegen zum Stichtag nicht genug ausgewiesene Werte der ${levelPlural(input.levelName)} für einen Vergleich vor.`;
  const top = ranked.filter((r) => r.value === ranked[0]!.value).map((r) => r.name);
  const bottom = ranked.filter((r) => r.value === ranked.at(-1)!.value).map((r) => r.name);
  const v = (x: number) => withUnit(x, i.decimals, i.unit);
  if (top.length === ranked.length)
    return `${capitalise(subject.text)} ${subject.plural ? 'sind' : 'ist'} in allen ${levelPlural(input.levelName)} gleich (${v(ranked[0]!.value)}).`;
  const whole = kreis === null ? '' : ` (${kreisLabel(input.kreisLevelName, input.kreisName)}: ${v(kreis)})`;
  return (
    `Am höchsten ${subject.plural ? 'sind' : 'ist'} ${subject.text} ${inPlaces(input.levelName, top)} mit ` +
    `${v(ranked[0]!.value)}, am niedrigsten ${inPlaces(input.levelName, bottom)} mit ${v(ranked.at(-1)!.value)}${whole}.`
  );
}

/**
 * One indicator: the sentence and the table of the Gemeinden by value (1 = highest; ties share the
 * better rank), the Kreis row at its place among them and emphasised, secret and missing values
 * last without a rank.
 */
export function kreisComparisonTable(grid: IndicatorGrid, input: KreisComparisonInput): ReportBlock[] {
  const { table } = input;
  const i = grid.indicator;
  const d = table.dates.indexOf(input.date);
  const cells = grid.cells[d] ?? [];
  const kreisCell = grid.city[d];
  const kreis = shown(kreisCell);
  const rows = table.areas.map((a, k) => ({
    name: a.name,
    key: a.key,
    cell: cells[k],
    value: shown(cells[k]),
    converted: convertedAt(grid, d, k),
  }));
  const kreisConverted = cityConvertedAt(grid, d);
  const notes = convertedFootnotes();
  const ranked = rows
    .filter((r): r is (typeof rows)[number] & { value: number } => r.value !== null)
    .sort((x, y) => y.value - x.value || x.name.localeCompare(y.name, 'de'));
  const hidden = rows.filter((r) => r.value === null).sort((x, y) => x.name.localeCompare(y.name, 'de'));
  const values = ranked.map((r) => r.value);
  // a Kreis total against a Gemeinde total compares sizes: counts get no difference column
  const withDifference = i.formula !== 'count';
  const difference = (value: number) => {
    if (kreis === null) return '–';
    const diff = printed(value, i.decimals) - printed(kreis, i.decimals);
    const text = formatNumber(diff, i.decimals);
    return diff > 0 && /[1-9]/.test(text) ? `+${text}` : text.replace(/^-(?=0(,0*)?$)/, '');
  };
  const body: string[][] = [
    ...ranked.map((r) => [
      String(rankOf(r.value, values)),
      r.name,
      notes.mark(formatNumber(r.value, i.decimals), r.converted),
      // the distance compares the row with the Kreis: marked when either was converted
      ...(withDifference ? [notes.mark(difference(r.value), r.converted ?? kreisConverted)] : []),
    ]),
    ...hidden.map((r) => [
      '–',
      r.name,
      notes.mark(
        r.cell ? formatValue(r.cell.value, r.cell.status, i.decimals, i.unit, { unit: false }) : '–',
        r.converted,
      ),
      ...(withDifference ? ['–'] : []),
    ]),
  ];
  // the Kreis row stands where its value would rank, after Gemeinden with the same value; a Kreis
  // total is the sum of the rows and closes the table instead
  const at =
    kreis === null || !withDifference
      ? ranked.length + hidden.length
      : ranked.filter((r) => r.value >= kreis).length;
  const kreisRow = [
    '',
    kreisLabel(input.kreisLevelName, input.kreisName),
    notes.mark(
      kreisCell ? formatValue(kreisCell.value, kreisCell.status, i.decimals, i.unit, { unit: false }) : '–',
      kreisConverted,
    ),
    ...(withDifference ? [''] : []),
  ];
  body.splice(at, 0, kreisRow);
  const unit = changeUnitOf(i.unit);
  const table_: ReportTable = {
    kind: 'table',
    title: `${i.name}: ${levelPlural(input.levelName)} im Vergleich`,
    columns: [
      'Rang',
      input.levelName,
      i.unit ? `Wert (${i.unit})` : 'Wert',
      ...(withDifference
        ? [unit ? `Abstand zum ${input.kreisLevelName} (${unit})` : `Abstand zum ${input.kreisLevelName}`]
        : []),
    ],
    numeric: [true, false, true, ...(withDifference ? [true] : [])],
    rows: body,
    highlight: at,
    ...footnotesOf(notes),
    source: sourceLine(i.source || 'Lagebild', input.date),
  };
  return [{ kind: 'paragraph', text: extremesSentence(grid, ranked, input, kreis) }, table_];
}

/** The intro of the section: what is compared, how the values come about, what · means. */
export function introText(input: KreisComparisonInput): string {
  const n = input.table.areas.length;
  const secret = input.table.unprotected
    ? 'Interner Entwurf mit ungeschützten Werten.'
    : 'Geheim gehaltene Werte (·) erhalten keinen Rang.';
  return (
    `Die ${numberWord(n)} ${levelPlural(input.levelName)} im Vergleich zum Stichtag ${formatDate(input.date)}: ` +
    `je Indikator der Wert jeder ${input.levelName}, ihr Rang (1 = höchster Wert) und der Abstand zum Wert ` +
    `des ${input.kreisLevelName}es, eingeordnet in die Rangfolge. Die Werte des ${input.kreisLevelName}es und der ` +
    `${levelPlural(input.levelName)} sind aus den summierten Bestandszahlen berechnet, nicht aus Quoten gemittelt. ${secret}`
  );
}

/** The blocks of the section for the chosen indicators, from an already loaded table. */
export function kreisComparisonBlocks(b: KreisComparisonBlock, input: KreisComparisonInput): ReportBlock[] {
  const keys = comparedIndicators(b, input.table, input.date);
  const out: ReportBlock[] = [{ kind: 'paragraph', text: introText(input) }];
  if (!keys.length)
    return [...out, { kind: 'note', text: 'Für den Vergleich liegen keine Indikatoren vor.' }];
  for (const key of keys) {
    const missing = unavailableNote(input.table, key);
    const grid = input.table.grids.get(key);
    if (missing) out.push(missing);
    else if (!grid) out.push({ kind: 'note', text: `Den Indikator „${key}“ gibt es hier nicht.` });
    else out.push(...kreisComparisonTable(grid, input));
  }
  return out;
}

/**
 * The section for the report's audience at `date`. `applies` is false outside a Kreis (a city has
 * no Gemeinden to compare): the blocks then hold only a note, and the report leaves a chapter made
 * of nothing else out.
 */
export async function kreisComparison(
  db: Db,
  user: User | null,
  b: KreisComparisonBlock,
  target: { date: string; kreisName?: string },
): Promise<{ applies: boolean; blocks: ReportBlock[] }> {
  const [territory, levels] = await Promise.all([getTerritory(db), listLevels(db)]);
  if (territory?.kind !== 'kreis') return { applies: false, blocks: [{ kind: 'note', text: ONLY_KREIS }] };
  const kreisLevel = levels.find((l) => l.key === CITY_LEVEL);
  const level = levels.find((l) => l.parent === CITY_LEVEL && (l.areaCount ?? 0) > 0);
  if (!level)
    return {
      applies: true,
      blocks: [
        { kind: 'note', text: 'Der Kreis hat noch keine Gemeinden mit Gebieten; bitte zuerst importieren.' },
      ],
    };
  const table = await loadLevelTable(db, user, level.key);
  if (!table.dates.includes(target.date))
    return {
      applies: true,
      blocks: [{ kind: 'note', text: `Zum Stichtag ${formatDate(target.date)} liegen keine Werte vor.` }],
    };
  return {
    applies: true,
    blocks: kreisComparisonBlocks(b, {
      table,
      date: target.date,
      levelName: level.name,
      kreisName: target.kreisName ?? territory.name,
      kreisLevelName: kreisLevel?.name ?? 'Kreis',
    }),
  };
}
