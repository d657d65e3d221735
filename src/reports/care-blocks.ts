/**
 * The Pflegebedarfsplan in a city report (block `care_plan`): the older population, the persons in
 * need of care by setting, the places in Pflegeheimen and Tagespflege in operation and needed, the
 * areas by missing places, and a scenario of rising care rates — all from `carePlan`
 * (care/care-plan.service.ts) on the report's level, projected from the report's Stichtag.
 *
 * The projection reads unprotected counts by age, which disclosure control does not cover; so
 * numbers appear in internal reports only (the „Intern“ mark) and a public report gets a note.
 */
import { carePlan, type CarePlan, type CarePlanRow } from '../care/care-plan.service.ts';
import type { CareSetting } from '../care/care-rates.ts';
import { PFLEGESTATISTIK_2019 } from '../care/care.defaults.ts';
import { LagebildError } from '../core/errors.ts';
import { formatDate, formatNumber } from '../core/format.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import type { CityCtx } from './city-blocks.ts';
import { choropleth } from './figures.ts';
import { sourceLine, type ReportBlock, type ReportMap, type ReportTable } from './report-model.ts';
import type { Block } from './report.schema.ts';

type CarePlanBlock = Extract<Block, { type: 'care_plan' }>;
type Outcome<T> = { ok: T } | { note: string };

/** The note of a public report: the plan's numbers come from unprotected counts by age. */
export const CARE_PLAN_INTERNAL_NOTE =
  'Der Pflegebedarfsplan beruht auf einer Bevölkerungsprognose aus Einwohnerzahlen nach Alter, die ' +
  'nicht der Geheimhaltung unterliegen; er steht nur im internen Entwurf der Sozialplanung zur Verfügung.';

const SETTING_LABELS: Record<CareSetting, string> = {
  angehoerige: 'durch Angehörige',
  ambulant: 'ambulant',
  tagespflege: 'Tagespflege',
  stationaer: 'stationär',
};

const whole = (n: number) => formatNumber(Math.round(n), 0);
const yearOf = (date: string) => Number(date.slice(0, 4));
/** Missing places: a negative balance, else none. */
const missing = (balance: number) => Math.max(0, -balance);

/** Plans and age groups computed once per report and parameters, whatever number of blocks shows them. */
const memo = new WeakMap<CityCtx, Map<string, Promise<Outcome<unknown>>>>();

function once<T>(ctx: CityCtx, key: string, f: () => Promise<T>): Promise<Outcome<T>> {
  let cache = memo.get(ctx);
  if (!cache) memo.set(ctx, (cache = new Map<string, Promise<Outcome<unknown>>>()));
  let p = cache.get(key) as Promise<Outcome<T>> | undefined;
  if (!p) {
    p = f().then(
      (ok) => ({ ok }),
      (e: unknown) => {
        // a level without ages, or a horizon the projection refuses, is a note, not a failed report
        if (e instanceof LagebildError && e.status < 500)
          return { note: `Der Pflegebedarfsplan lässt sich nicht berechnen: ${e.message}` };
        throw e;
      },
    );
    cache.set(key, p);
  }
  return p;
}

/** The projection's end: the year `horizon` at the Stichtag's month and day. */
const horizonDate = (b: CarePlanBlock, ctx: Pick<CityCtx, 'date'>) =>
  `${String(b.horizon).padStart(4, '0')}${ctx.date.slice(4)}`;

/** The care plan of the block on the report's level, with the rates' yearly factor `trend`. */
export function planOf(b: CarePlanBlock, ctx: CityCtx, trend = 1): Promise<Outcome<CarePlan>> {
  const to = horizonDate(b, ctx);
  return once(ctx, `plan|${to}|${trend}`, () =>
    carePlan(ctx.db, {
      level: ctx.level.key,
      base: ctx.date,
      to,
      assumptions: { ...PFLEGESTATISTIK_2019, trend },
    }),
  );
}

/** The age groups of the demography chapter, as the projection names them. */
const AGE_GROUPS = [
  { variable: 'ew_65_79', label: '65 bis 79 Jahre' },
  { variable: 'ew_80_89', label: '80 bis 89 Jahre' },
  { variable: 'ew_90plus', label: '90 Jahre und älter' },
] as const;

/** City totals of the age groups per projected date. */
function ageGroups(b: CarePlanBlock, ctx: CityCtx): Promise<Outcome<Map<string, Map<string, number>>>> {
  const to = horizonDate(b, ctx);
  return once(ctx, `ages|${to}`, async () => {
    const rows = await projectPopulation(ctx.db, {
      level: ctx.level.key,
      base: ctx.date,
      to,
      variables: AGE_GROUPS.map((g) => g.variable),
    });
    const byDate = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const d = byDate.get(r.date) ?? new Map<string, number>();
      d.set(r.variable, (d.get(r.variable) ?? 0) + r.value);
      byDate.set(r.date, d);
    }
    return byDate;
  });
}

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

const at = (rows: readonly CarePlanRow[], date: string) => rows.filter((r) => r.date === date);
const cityAt = (plan: CarePlan, date: string) => plan.city.find((r) => r.date === date);

/** Districts (parents) and the city as rows of one table, the city last and emphasised. */
function districtsAndCity(
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

const districtColumn = (ctx: CityCtx) => (ctx.level.parentName ? ctx.level.parentName : 'Gebiet');
const value = (r: CarePlanRow | undefined, f: (r: CarePlanRow) => number) => (r ? whole(f(r)) : '–');

function demography(
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

function need(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
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

function capacity(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
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

function required(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
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

/** The areas in the last year, most missing places (Pflegeheim and Tagespflege together) first. */
export function gapOrder(plan: CarePlan): CarePlanRow[] {
  const last = plan.city.at(-1)?.date;
  const total = (r: CarePlanRow) =>
    missing(r.places.stationaer.balance) + missing(r.places.tagespflege.balance);
  return at(plan.areas, last ?? '').sort((x, y) => total(y) - total(x) || x.name.localeCompare(y.name, 'de'));
}

async function gap(b: CarePlanBlock, plan: CarePlan, ctx: CityCtx): Promise<ReportBlock[]> {
  const ordered = gapOrder(plan);
  const lastYear = yearOf(plan.city.at(-1)?.date ?? plan.to);
  const total = (r: CarePlanRow) =>
    missing(r.places.stationaer.balance) + missing(r.places.tagespflege.balance);
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
        `${formatNumber(short.length, 0)} von ${formatNumber(ordered.length, 0)} ${levelDative(ctx.level.name)} ` +
        `fehlen ${lastYear} Plätze in Pflegeheimen oder Tagespflege. Die Rangfolge ordnet nach den fehlenden ` +
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
  const total = (r: CarePlanRow) =>
    missing(r.places.stationaer.balance) + missing(r.places.tagespflege.balance);
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

function scenarios(
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

function assumptions(plan: CarePlan): ReportBlock[] {
  const a = PFLEGESTATISTIK_2019;
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
function summary(plan: CarePlan, dates: string[], ctx: CityCtx): ReportBlock[] {
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
          ? `${yearOf(last.date)} fehlen rund ${whole(gapLast)} Pflegeheimplätze.`
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

const noted = new WeakSet<CityCtx>();

/** The blocks of one `care_plan` block of a city report. */
export async function carePlanBlocks(b: CarePlanBlock, ctx: CityCtx): Promise<ReportBlock[]> {
  if (!ctx.table.unprotected) {
    // said once: a public report with a whole plan of blocks would otherwise repeat it per block
    if (noted.has(ctx)) return [];
    noted.add(ctx);
    return [{ kind: 'note', text: CARE_PLAN_INTERNAL_NOTE }];
  }
  const out = await planOf(b, ctx);
  if ('note' in out) return [{ kind: 'note', text: out.note }];
  const plan = out.ok;
  const dates = shownDates(plan, b.years);
  if (!dates.length) return [{ kind: 'note', text: 'Die Prognose enthält kein Jahr.' }];
  switch (b.view) {
    case 'demography': {
      const ages = await ageGroups(b, ctx);
      return 'note' in ages ? [{ kind: 'note', text: ages.note }] : demography(plan, ages.ok, dates, ctx);
    }
    case 'need':
      return need(plan, dates, ctx);
    case 'capacity':
      return capacity(plan, dates, ctx);
    case 'required':
      return required(plan, dates, ctx);
    case 'gap':
      return gap(b, plan, ctx);
    case 'scenarios': {
      const rising = await planOf(b, ctx, b.trend);
      return 'note' in rising
        ? [{ kind: 'note', text: rising.note }]
        : scenarios(plan, rising.ok, b.trend, dates, ctx);
    }
    case 'assumptions':
      return assumptions(plan);
    case 'summary':
      return summary(plan, dates, ctx);
  }
}
