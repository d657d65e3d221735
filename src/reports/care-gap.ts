/**
 * The Pflegebedarfsplan's areas by missing places in the last projected year (table and map) and
 * its scenarios of care rates (block `care_plan`, care-blocks.ts).
 */
import type { CarePlan, CarePlanRow } from '../care/care-plan.service.ts';
import { formatNumber } from '../core/format.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import type { CityCtx } from './city-blocks.ts';
import { at, careSource, cityAt, districtColumn, missing, value, whole, yearOf } from './care-tables.ts';
import { choropleth } from './figures.ts';
import type { ReportBlock, ReportMap, ReportTable } from './report-model.ts';
import type { Block } from './report.schema.ts';

type CarePlanBlock = Extract<Block, { type: 'care_plan' }>;

/** Missing places of an area: Pflegeheim and Tagespflege together. */
const total = (r: CarePlanRow) =>
  missing(r.places.stationaer.balance) + missing(r.places.tagespflege.balance);

/** The areas in the last year, most missing places (Pflegeheim and Tagespflege together) first. */
export function gapOrder(plan: CarePlan): CarePlanRow[] {
  const last = plan.city.at(-1)?.date;
  return at(plan.areas, last ?? '').sort((x, y) => total(y) - total(x) || x.name.localeCompare(y.name, 'de'));
}

export async function gap(b: CarePlanBlock, plan: CarePlan, ctx: CityCtx): Promise<ReportBlock[]> {
  const ordered = gapOrder(plan);
  const lastYear = yearOf(plan.city.at(-1)?.date ?? plan.to);
  const short = ordered.filter((r) => total(r) > 0);
  const shown = ordered.slice(0, b.top);
  const parentOf = new Map<string, string>();
  for (const a of ctx.table.areas) if (a.parentName) parentOf.set(a.key, a.parentName);
  const districts = new Set(parentOf.values()).size >= 2;
  const table: ReportTable = {
    kind: 'table',
    title:
      `Fehlende Pflegeplätze ${lastYear}: die ${formatNumber(shown.length, 0)} ` +
      `${levelPlural(ctx.level.name)} mit der größten Lücke`,
    columns: [
      'Rang',
      ctx.level.name,
      ...(districts ? [districtColumn(ctx)] : []),
      'Pflegebedürftige',
      'Pflegeheim: benötigt',
      'Pflegeheim: vorhanden',
      'Pflegeheim: fehlend',
      'Tagespflege: fehlend',
    ],
    numeric: [true, false, ...(districts ? [false] : []), true, true, true, true, true],
    rows: shown.map((r, i) => [
      String(i + 1),
      r.name,
      ...(districts ? [parentOf.get(r.area) ?? '–'] : []),
      whole(r.need),
      whole(r.places.stationaer.required),
      whole(r.places.stationaer.capacity),
      whole(missing(r.places.stationaer.balance)),
      whole(missing(r.places.tagespflege.balance)),
    ]),
    highlight: null,
    source: careSource(plan),
  };
  const map = await gapMap(plan, ordered, b.top, ctx);
  return [
    {
      kind: 'paragraph',
      text:
        `Im Jahr ${lastYear} fehlen in ${formatNumber(short.length, 0)} von ${formatNumber(ordered.length, 0)} ` +
        `${levelDative(ctx.level.name)} Plätze in Pflegeheimen oder Tagespflege. Die Rangfolge ordnet nach den fehlenden ` +
        'Plätzen beider Versorgungsarten zusammen.',
    },
    ...(map ? [map] : []),
    table,
  ];
}

/** The level's map: the first `top` areas darkest and outlined, other areas with missing places lighter. */
async function gapMap(
  plan: CarePlan,
  ordered: CarePlanRow[],
  top: number,
  ctx: CityCtx,
): Promise<ReportMap | null> {
  const anyKey = ctx.themes[0]?.keys[0];
  if (!anyKey) return null;
  const base = await choropleth(
    ctx.db,
    ctx.table,
    { level: ctx.level.key, levelName: levelDative(ctx.level.name), date: ctx.date, indicator: anyKey },
    ctx.figures,
  );
  const rank = new Map(ordered.map((r, i) => [r.area, { i, r }]));
  const lastYear = yearOf(plan.city.at(-1)?.date ?? plan.to);
  return {
    ...base,
    title: `Fehlende Pflegeplätze ${lastYear} in den ${levelDative(ctx.level.name)}`,
    shapes: base.shapes.map((s) => {
      const x = rank.get(s.key);
      const first = !!x && x.i < top && total(x.r) > 0;
      return { ...s, cls: !x ? null : first ? 4 : total(x.r) > 0 ? 2 : 0, highlight: first };
    }),
    legend: [
      { cls: 4, label: `Rang 1 bis ${formatNumber(top, 0)} (größte Lücke)` },
      { cls: 2, label: 'weitere fehlende Plätze' },
      { cls: 0, label: 'keine fehlenden Plätze' },
      { cls: null, label: 'ohne Angabe' },
    ],
    classes: 5,
    source: careSource(plan),
  };
}

export function scenarios(
  constant: CarePlan,
  rising: CarePlan,
  trend: number,
  dates: string[],
  ctx: CityCtx,
): ReportBlock[] {
  const pct = formatNumber((trend - 1) * 100, 1);
  const label = `Quoten ${trend >= 1 ? '+' : ''}${pct} % je Jahr`;
  const risingAt = (d: string) => rising.city.find((r) => r.date === d);
  return [
    {
      kind: 'paragraph',
      text:
        'Die Pflegequoten je Altersgruppe sind eine Annahme. Das Szenario „konstant“ hält sie auf dem Stand ' +
        `der Pflegestatistik; das zweite Szenario lässt sie ab dem Stichtag um ${pct} % je Jahr steigen, ` +
        'etwa durch mehr Anträge nach der Ausweitung des Pflegebegriffs.',
    },
    {
      kind: 'table',
      title: `Szenarien für ${ctx.cityName}: Pflegebedürftige und Pflegeheimplätze`,
      columns: [
        'Jahr',
        'Pflegebedürftige: konstant',
        `Pflegebedürftige: ${label}`,
        'fehlende Pflegeheimplätze: konstant',
        `fehlende Pflegeheimplätze: ${label}`,
      ],
      numeric: [false, true, true, true, true],
      rows: dates.map((d) => [
        String(yearOf(d)),
        value(cityAt(constant, d), (r) => r.need),
        value(risingAt(d), (r) => r.need),
        value(cityAt(constant, d), (r) => missing(r.places.stationaer.balance)),
        value(risingAt(d), (r) => missing(r.places.stationaer.balance)),
      ]),
      highlight: null,
      source: careSource(constant),
    },
  ];
}
