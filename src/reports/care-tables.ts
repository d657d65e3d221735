/**
 * The tables and sentences of the Pflegebedarfsplan's parts (block `care_plan`, care-blocks.ts):
 * the older population, persons in need of care by setting, places in operation and needed, the
 * assumptions, and the Altenhilfeplan summary. Every table names the rates' source and that a
 * projection is rounded and uncertain.
 */
import type { CarePlan, CarePlanRow } from '../care/care-plan.service.ts';
import type { CareSetting } from '../care/care-rates.ts';
import { formatDate, formatNumber } from '../core/format.ts';
import { levelDative } from '../core/level-names.ts';
import type { CityCtx } from './city-blocks.ts';
import { sourceLine, type ReportBlock, type ReportTable } from './report-model.ts';

export const SETTING_LABELS: Record<CareSetting, string> = {
  angehoerige: 'durch Angehörige',
  ambulant: 'ambulant',
  tagespflege: 'Tagespflege',
  stationaer: 'stationär',
};

export const whole = (n: number) => formatNumber(Math.round(n), 0);
export const yearOf = (date: string) => Number(date.slice(0, 4));
/** Missing places: a negative balance, else none. */
export const missing = (balance: number) => Math.max(0, -balance);

/** The age groups of the demography chapter, as the projection names them. */
export const AGE_GROUPS = [
  { variable: 'ew_65_79', label: '65 bis 79 Jahre' },
  { variable: 'ew_80_89', label: '80 bis 89 Jahre' },
  { variable: 'ew_90plus', label: '90 Jahre und älter' },
] as const;

/**
 * The years shown: the first projected year, then the block's years that fall within the
 * projection, ascending.
 */
export function shownDates(plan: CarePlan, years: readonly number[]): string[] {
  const dates = plan.city.map((r) => r.date);
  const first = dates[0];
  if (!first) return [];
  const wanted = new Set([yearOf(first), ...years]);
  return dates.filter((d) => wanted.has(yearOf(d)));
}

/** Under every table and figure: the rates' source and what a projection is. */
export const careSource = (plan: CarePlan) =>
  sourceLine(
    `Lagebild, Bevölkerungsprognose und eigene Berechnung; Pflegequoten: ${plan.assumptions.source}; ` +
      'Prognose: gerundet, mit Unsicherheit',
    plan.base,
  );

export const at = (rows: readonly CarePlanRow[], date: string) => rows.filter((r) => r.date === date);
export const cityAt = (plan: CarePlan, date: string) => plan.city.find((r) => r.date === date);

/** Districts (parents) and the city as rows of one table, the city last and emphasised. */
export function districtsAndCity(
  plan: CarePlan,
  ctx: Pick<CityCtx, 'cityName'>,
  cells: (rowsOf: (date: string) => CarePlanRow | undefined) => string[],
): { rows: string[][]; highlight: number } {
  const keys = [...new Set(plan.parents.map((r) => r.area))];
  const rows = keys.map((key) => {
    const name = plan.parents.find((r) => r.area === key)?.name ?? key;
    return [name, ...cells((d) => plan.parents.find((r) => r.area === key && r.date === d))];
  });
  rows.push([ctx.cityName, ...cells((d) => cityAt(plan, d))]);
  return { rows, highlight: rows.length - 1 };
}

export const districtColumn = (ctx: CityCtx) => (ctx.level.parentName ? ctx.level.parentName : 'Gebiet');
export const value = (r: CarePlanRow | undefined, f: (r: CarePlanRow) => number) => (r ? whole(f(r)) : '–');

export function demography(
  plan: CarePlan,
  ages: Map<string, Map<string, number>>,
  dates: string[],
  ctx: CityCtx,
): ReportBlock[] {
  const first = cityAt(plan, dates[0]!)!;
  const last = cityAt(plan, dates.at(-1)!)!;
  const change = first.ew65plus > 0 ? ((last.ew65plus - first.ew65plus) / first.ew65plus) * 100 : 0;
  const cityTable: ReportTable = {
    kind: 'table',
    title: `Ältere Einwohner in ${ctx.cityName} nach Altersgruppen`,
    columns: ['Jahr', '65 Jahre und älter', ...AGE_GROUPS.map((g) => g.label)],
    numeric: [false, true, ...AGE_GROUPS.map(() => true)],
    rows: dates.map((d) => [
      String(yearOf(d)),
      value(cityAt(plan, d), (r) => r.ew65plus),
      ...AGE_GROUPS.map((g) => whole(ages.get(d)?.get(g.variable) ?? 0)),
    ]),
    highlight: null,
    source: careSource(plan),
  };
  const byDistrict = districtsAndCity(plan, ctx, (row) => dates.map((d) => value(row(d), (r) => r.ew65plus)));
  const districtTable: ReportTable = {
    kind: 'table',
    title: `Einwohner ab 65 Jahren nach ${levelDative(districtColumn(ctx))}`,
    columns: [districtColumn(ctx), ...dates.map((d) => String(yearOf(d)))],
    numeric: [false, ...dates.map(() => true)],
    ...byDistrict,
    source: careSource(plan),
  };
  return [
    {
      kind: 'paragraph',
      text:
        `Nach der Bevölkerungsprognose leben in ${ctx.cityName} ${yearOf(first.date)} rund ` +
        `${whole(first.ew65plus)} Menschen ab 65 Jahren, ${yearOf(last.date)} rund ${whole(last.ew65plus)} ` +
        `(${change >= 0 ? '+' : ''}${formatNumber(change, 1)} %). Pflegebedürftigkeit nimmt vor allem ab ` +
        '80 Jahren zu; die Tabellen zeigen diese Altersgruppen gesondert.',
    },
    cityTable,
    ...(plan.parents.length ? [districtTable] : []),
  ];
}

export function need(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
  const settings = Object.keys(SETTING_LABELS) as CareSetting[];
  const cityTable: ReportTable = {
    kind: 'table',
    title: `Pflegebedürftige in ${ctx.cityName} nach Versorgungsart`,
    columns: ['Jahr', 'Pflegebedürftige', ...settings.map((s) => SETTING_LABELS[s])],
    numeric: [false, true, ...settings.map(() => true)],
    rows: dates.map((d) => {
      const r = cityAt(plan, d);
      return [
        String(yearOf(d)),
        value(r, (x) => x.need),
        ...settings.map((s) => value(r, (x) => x.persons[s])),
      ];
    }),
    highlight: null,
    source: careSource(plan),
  };
  const districtTable: ReportTable = {
    kind: 'table',
    title: `Pflegebedürftige nach ${levelDative(districtColumn(ctx))}`,
    columns: [districtColumn(ctx), ...dates.map((d) => String(yearOf(d)))],
    numeric: [false, ...dates.map(() => true)],
    ...districtsAndCity(plan, ctx, (row) => dates.map((d) => value(row(d), (r) => r.need))),
    source: careSource(plan),
  };
  const first = cityAt(plan, dates[0]!)!;
  const last = cityAt(plan, dates.at(-1)!)!;
  return [
    {
      kind: 'paragraph',
      text:
        `Bei gleichbleibenden Pflegequoten sind ${yearOf(first.date)} rund ${whole(first.need)} Menschen ` +
        `in ${ctx.cityName} pflegebedürftig, ${yearOf(last.date)} rund ${whole(last.need)}. ` +
        'Die Aufteilung auf die Versorgungsarten folgt den Anteilen der Pflegestatistik; das erste Jahr ist ' +
        'das erste Jahr der Prognose nach dem Stichtag.',
    },
    cityTable,
    ...(plan.parents.length ? [districtTable] : []),
  ];
}

export function capacity(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const [y0, y1] = [yearOf(first), yearOf(last)];
  return [
    {
      kind: 'paragraph',
      text:
        'Gezählt sind die Plätze der Pflegeheime und Tagespflegen, die im jeweiligen Jahr in Betrieb sind; ' +
        'bekannte Eröffnungen und Schließungen sind berücksichtigt.',
    },
    {
      kind: 'table',
      title: `Plätze in Betrieb nach ${levelDative(districtColumn(ctx))}`,
      columns: [
        districtColumn(ctx),
        `Pflegeheim ${y0}`,
        `Pflegeheim ${y1}`,
        `Tagespflege ${y0}`,
        `Tagespflege ${y1}`,
      ],
      numeric: [false, true, true, true, true],
      ...districtsAndCity(plan, ctx, (row) => [
        value(row(first), (r) => r.places.stationaer.capacity),
        value(row(last), (r) => r.places.stationaer.capacity),
        value(row(first), (r) => r.places.tagespflege.capacity),
        value(row(last), (r) => r.places.tagespflege.capacity),
      ]),
      source: careSource(plan),
    },
  ];
}

export function required(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
  const table = (setting: 'stationaer' | 'tagespflege', label: string): ReportTable => ({
    kind: 'table',
    title: `${label}: benötigte Plätze nach ${levelDative(districtColumn(ctx))}`,
    columns: [districtColumn(ctx), ...dates.map((d) => String(yearOf(d)))],
    numeric: [false, ...dates.map(() => true)],
    ...districtsAndCity(plan, ctx, (row) =>
      dates.map((d) => value(row(d), (r) => r.places[setting].required)),
    ),
    source: careSource(plan),
  });
  const balance: ReportTable = {
    kind: 'table',
    title: `Benötigte und vorhandene Plätze in ${ctx.cityName}`,
    columns: [
      'Jahr',
      'Pflegeheim: benötigt',
      'Pflegeheim: vorhanden',
      'Pflegeheim: fehlend',
      'Tagespflege: benötigt',
      'Tagespflege: vorhanden',
      'Tagespflege: fehlend',
    ],
    numeric: [false, true, true, true, true, true, true],
    rows: dates.map((d) => {
      const r = cityAt(plan, d);
      return [
        String(yearOf(d)),
        value(r, (x) => x.places.stationaer.required),
        value(r, (x) => x.places.stationaer.capacity),
        value(r, (x) => missing(x.places.stationaer.balance)),
        value(r, (x) => x.places.tagespflege.required),
        value(r, (x) => x.places.tagespflege.capacity),
        value(r, (x) => missing(x.places.tagespflege.balance)),
      ];
    }),
    highlight: null,
    source: careSource(plan),
  };
  return [
    {
      kind: 'paragraph',
      text:
        'Benötigte Plätze = Pflegebedürftige in der Versorgungsart ÷ Auslastung der Plätze (Pflegequoten, ' +
        'Anteile und Auslastung in der Tabelle „Annahmen des Pflegebedarfsplans“). Gerechnet wird je ' +
        'Gebiet; fehlende Plätze in einem Gebiet können durch Plätze in der Nachbarschaft gedeckt sein.',
    },
    balance,
    ...(plan.parents.length ? [table('stationaer', 'Pflegeheim'), table('tagespflege', 'Tagespflege')] : []),
  ];
}

export function assumptions(plan: CarePlan): ReportBlock[] {
  const a = plan.assumptions;
  const percent = (x: number) => `${formatNumber(x * 100, 1)} %`;
  const band = (from: number, to: number | null) =>
    to === null ? `ab ${from} Jahren` : `${from} bis ${to - 1} Jahre`;
  return [
    {
      kind: 'table',
      title: 'Annahmen des Pflegebedarfsplans',
      columns: ['Annahme', 'Festlegung'],
      numeric: [false, false],
      rows: [
        ['Pflegequoten', `${plan.assumptions.name}`],
        ...a.bands.map((b) => [`Pflegequote ${band(b.from, b.to)}`, percent(b.rate)]),
        ...(Object.keys(SETTING_LABELS) as CareSetting[]).map((s) => [
          `Anteil ${SETTING_LABELS[s]}`,
          percent(a.shares[s]),
        ]),
        ['Auslastung Pflegeheim', percent(a.occupancy.stationaer)],
        ['Auslastung Tagespflege', percent(a.occupancy.tagespflege)],
        [
          'Prognose',
          `vom Stichtag ${formatDate(plan.base)} bis ${formatDate(plan.to)}, Einwohner nach Alter je Gebiet`,
        ],
        ['Quelle', plan.assumptions.source],
      ],
      highlight: null,
      source: careSource(plan),
    },
  ];
}

/** The Altenhilfeplan chapter of a Sozialbericht: a few sentences and the city's numbers. */
export function summary(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
  const first = cityAt(plan, dates[0]!)!;
  const last = cityAt(plan, dates.at(-1)!)!;
  const gapLast = missing(last.places.stationaer.balance);
  return [
    {
      kind: 'paragraph',
      text:
        `Die Zahl der Menschen ab 65 Jahren in ${ctx.cityName} liegt ${yearOf(first.date)} bei rund ` +
        `${whole(first.ew65plus)} und ${yearOf(last.date)} bei rund ${whole(last.ew65plus)}. Pflegebedürftig ` +
        `sind bei gleichbleibenden Pflegequoten ${yearOf(first.date)} rund ${whole(first.need)}, ` +
        `${yearOf(last.date)} rund ${whole(last.need)} Menschen. ` +
        (gapLast > 0
          ? `Im Jahr ${yearOf(last.date)} fehlen rund ${whole(gapLast)} Pflegeheimplätze.`
          : `Die Pflegeheimplätze in Betrieb reichen ${yearOf(last.date)} rechnerisch aus.`),
    },
    ...need(plan, dates, ctx)
      .filter((b) => b.kind === 'table')
      .slice(0, 1),
    ...required(plan, dates, ctx)
      .filter((b) => b.kind === 'table')
      .slice(0, 1),
  ];
}
