/**
 * The Bedarfsplan in a city report (block `needs_ranking`): the ranking of the level's areas by
 * need for one norm (planning/ranking.service.ts) as the rule, a map of the first areas, a table
 * with reasons and the notes; the norm's coverage of the areas and the city; the assumptions with
 * their sources. Ranking and coverage are computed for the report's user, so the public report
 * holds exactly what the public ranking and coverage routes give.
 */
import { LagebildError } from '../core/errors.ts';
import { formatDate, formatNumber, MISSING_SYMBOL, SECRET_SYMBOL } from '../core/format.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import type { Coverage, CoverageRow } from '../coverage/coverage.schema.ts';
import { computeCoverage } from '../coverage/coverage.service.ts';
import type { Catchment } from '../coverage/norm.schema.ts';
import { computeRanking } from '../planning/ranking.service.ts';
import type { Ranking, RankingInput, RankingRow } from '../planning/ranking.schema.ts';
import type { CityCtx } from './city-blocks.ts';
import { choropleth } from './figures.ts';
import { sourceLine, type ReportBlock, type ReportMap, type ReportTable } from './report-model.ts';
import type { Block } from './report.schema.ts';
import { needFormula } from '../coverage/demand-words.ts';

type NeedsRankingBlock = Extract<Block, { type: 'needs_ranking' }>;

type Outcome<T> = { ok: T } | { note: string };

const whole = (n: number | null) => (n === null ? MISSING_SYMBOL : formatNumber(Math.round(n), 0));

/** A number of the coverage as the public sees it: „·“ where the demand is secret. */
const covered = (row: Pick<CoverageRow, 'status'>, n: number | null, decimals: number) =>
  row.status === 'secret' ? SECRET_SYMBOL : n === null ? MISSING_SYMBOL : formatNumber(n, decimals);

/**
 * Why the block has nothing to show, in German: a norm or index the city lacks (or keeps
 * unpublished — the public is told no more than that it has no values) is not a failed report.
 */
function missingNote(b: NeedsRankingBlock, e: LagebildError): string {
  switch (e.code) {
    case 'coverage.unknown_norm':
      return (
        `Zum Richtwert „${b.norm}“ liegen in dieser Stadt keine (veröffentlichten) Angaben vor; ` +
        'der Bedarfsplan lässt sich dafür nicht berechnen. Die Sozialplanung kann den Richtwert mit ' +
        'Einrichtungsart, Bedarfsgruppe, Faktor und Quelle anlegen.'
      );
    case 'indices.not_found':
      return (
        `Den Sozialindex „${b.index ?? ''}“ gibt es in dieser Stadt nicht; ohne ihn lässt sich die ` +
        'Rangfolge nach Bedarf nicht bilden.'
      );
    default:
      return `Der Bedarfsplan lässt sich nicht berechnen: ${e.message}`;
  }
}

/** A computation that may fail for want of data: client errors become the German note. */
async function attempt<T>(b: NeedsRankingBlock, f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await f() };
  } catch (e) {
    if (e instanceof LagebildError && e.status < 500) return { note: missingNote(b, e) };
    throw e;
  }
}

/** Rankings and coverages computed once per report, whatever number of blocks shows them. */
const memo = new WeakMap<CityCtx, Map<string, Promise<Outcome<unknown>>>>();

function once<T>(ctx: CityCtx, key: string, f: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  let cache = memo.get(ctx);
  if (!cache) memo.set(ctx, (cache = new Map<string, Promise<Outcome<unknown>>>()));
  let p = cache.get(key) as Promise<Outcome<T>> | undefined;
  if (!p) cache.set(key, (p = f()));
  return p;
}

/** The ranking's query from the block, on the report's level and Stichtag. */
export function rankingInput(b: NeedsRankingBlock, ctx: Pick<CityCtx, 'level' | 'date'>): RankingInput {
  return {
    norm: b.norm,
    level: ctx.level.key,
    date: ctx.date,
    ...(b.index ? { index: b.index } : {}),
    ...(b.radius !== undefined ? { radius: b.radius } : {}),
    ...(b.weights?.gap !== undefined ? { weightGap: b.weights.gap } : {}),
    ...(b.weights?.class !== undefined ? { weightClass: b.weights.class } : {}),
    ...(b.weights?.distance !== undefined ? { weightDistance: b.weights.distance } : {}),
    ...(b.minSeverity !== undefined ? { minSeverity: b.minSeverity } : {}),
  };
}

const ranking = (b: NeedsRankingBlock, ctx: CityCtx) => {
  const input = rankingInput(b, ctx);
  return once(ctx, `ranking|${JSON.stringify(input)}`, () =>
    attempt(b, () => computeRanking(ctx.db, ctx.user, input)),
  );
};

const coverage = (b: NeedsRankingBlock, ctx: CityCtx) =>
  once(ctx, `coverage|${b.norm}`, () =>
    attempt(b, () =>
      computeCoverage(ctx.db, ctx.user, { norm: b.norm, level: ctx.level.key, date: ctx.date }),
    ),
  );

const rankingSource = (r: Ranking) =>
  sourceLine(
    `Lagebild, eigene Berechnung; Richtwert „${r.norm.name}“` + (r.index ? `; ${r.index.name}` : ''),
    r.date,
  );

/** Several parent areas: the table names each area's district (on the top level it would say the city). */
const hasDistricts = (rows: readonly { parentName: string | null }[]) =>
  new Set(rows.map((r) => r.parentName).filter(Boolean)).size >= 2;

/** The first `top` areas of the ranking with their numbers and reasons. */
export function rankingTable(r: Ranking, top: number, ctx: Pick<CityCtx, 'level'>): ReportTable {
  const shown = r.rows.filter((x) => x.rank !== null && x.rank <= top);
  const districts = hasDistricts(r.rows);
  const classes = r.index !== null;
  const row = (x: RankingRow) => [
    String(x.rank),
    x.name,
    ...(districts ? [x.parentName ?? MISSING_SYMBOL] : []),
    covered(x.coverage, x.coverage.rate, 1),
    covered(x.coverage, x.coverage.missing === null ? null : Math.round(x.coverage.missing), 0),
    ...(classes ? [x.socialClass ? `${x.socialClass.code} (${x.socialClass.label})` : MISSING_SYMBOL] : []),
    x.distance === null ? 'keine in Betrieb' : whole(x.distance),
    x.reason,
  ];
  return {
    kind: 'table',
    title:
      `${r.norm.facilityTypeName}: die ${levelPlural(r.levelName)} mit dem größten Bedarf ` +
      `(Rang 1 bis ${formatNumber(Math.min(top, shown.length), 0)})`,
    columns: [
      'Rang',
      ctx.level.name,
      ...(districts ? [ctx.level.parentName ?? 'Bezirk'] : []),
      'Versorgungsquote (%)',
      `fehlende ${r.norm.capacityUnit}`,
      ...(classes ? [`Klasse (${r.index!.partLabel})`] : []),
      'Entfernung zur nächsten Einrichtung (m)',
      'Begründung',
    ],
    numeric: [
      true,
      false,
      ...(districts ? [false] : []),
      true,
      true,
      ...(classes ? [false] : []),
      true,
      false,
    ],
    rows: shown.map(row),
    highlight: null,
    source: rankingSource(r),
  };
}

/**
 * The level's map with the first `top` areas darkest and outlined, the other areas with a need
 * lighter: drawn on the choropleth of any indicator of the level (its geometry and projection).
 */
export async function rankingMap(r: Ranking, top: number, ctx: CityCtx): Promise<ReportMap | null> {
  const anyKey = ctx.themes[0]?.keys[0];
  if (!anyKey) return null;
  const base = await choropleth(
    ctx.db,
    ctx.table,
    { level: ctx.level.key, levelName: levelDative(ctx.level.name), date: ctx.date, indicator: anyKey },
    ctx.figures,
  );
  const byArea = new Map(r.rows.map((x) => [x.area, x]));
  const clsOf = (x: RankingRow | undefined) =>
    !x || x.rank === null ? null : x.rank <= top ? 4 : x.needs > 0 ? 2 : 0;
  return {
    ...base,
    title: `${r.norm.facilityTypeName}: Rangfolge nach Bedarf in den ${levelDative(r.levelName)}`,
    shapes: base.shapes.map((s) => {
      const x = byArea.get(s.key);
      return { ...s, cls: clsOf(x), highlight: x?.rank != null && x.rank <= top };
    }),
    legend: [
      { cls: 4, label: `Rang 1 bis ${formatNumber(top, 0)}` },
      { cls: 2, label: 'weiterer Bedarf (mindestens ein Bedarfsmerkmal)' },
      { cls: 0, label: 'kein Bedarfsmerkmal' },
      { cls: null, label: 'nicht bewertet (kein Bedarf)' },
    ],
    classes: 5,
    source: rankingSource(r),
  };
}

/** „Von 62 bewerteten Sozialräumen haben 17 mindestens ein Bedarfsmerkmal.“ */
function needsSentence(r: Ranking, top: number): string {
  const ranked = r.rows.filter((x) => x.rank !== null);
  const needy = ranked.filter((x) => x.needs > 0).length;
  const plural = levelPlural(r.levelName);
  return (
    `Von ${formatNumber(ranked.length, 0)} bewerteten ${levelDative(r.levelName)} ` +
    `${needy === 1 ? 'hat einer' : `haben ${formatNumber(needy, 0)}`} mindestens ein Bedarfsmerkmal. ` +
    `Karte und Tabelle zeigen die ${formatNumber(Math.min(top, ranked.length), 0)} ${plural} mit dem ` +
    'größten Bedarf.'
  );
}

async function rankingPart(b: NeedsRankingBlock, ctx: CityCtx): Promise<ReportBlock[]> {
  const out = await ranking(b, ctx);
  if ('note' in out) return [{ kind: 'note', text: out.note }];
  const r = out.ok;
  const map = await rankingMap(r, b.top, ctx);
  return [
    { kind: 'paragraph', text: r.rule },
    { kind: 'paragraph', text: needsSentence(r, b.top) },
    ...(map ? [map] : []),
    rankingTable(r, b.top, ctx),
    ...(r.notes.length ? [{ kind: 'list' as const, items: r.notes }] : []),
  ];
}

/** The coverage of the city in one sentence and of every area in a table. */
export function coverageBlocks(c: Coverage, ctx: Pick<CityCtx, 'cityName' | 'level'>): ReportBlock[] {
  const unit = c.norm.capacityUnit;
  const city = c.city[0];
  const rows = c.rows;
  const known = rows.filter((x) => x.status !== 'secret' && x.rate !== null);
  const below = known.filter((x) => x.rate! < 100).length;
  const date = c.stichtage[0]?.date ?? city?.date ?? '';
  const sentences = [
    city && city.status !== 'secret' && city.demand !== null
      ? `In ${ctx.cityName} stehen zum Stichtag ${formatDate(date)} ${whole(city.supply)} ${unit} einem ` +
        `Bedarf von ${whole(city.demand)} ${unit === 'Plätze' ? 'Plätzen' : unit} gegenüber` +
        (city.rate !== null ? `; die Versorgungsquote liegt bei ${formatNumber(city.rate, 1)} %.` : '.')
      : `Die Versorgung der Stadt insgesamt ist zum Stichtag ${formatDate(date)} nicht bekannt.`,
    `${formatNumber(below, 0)} von ${formatNumber(known.length, 0)} ${levelDative(c.levelName)} mit ` +
      'bekannter Versorgungsquote liegen unter 100 %' +
      (known.length < rows.length
        ? `; für ${formatNumber(rows.length - known.length, 0)} ist sie geheim oder ohne Bedarf nicht bestimmt.`
        : '.'),
  ];
  const table: ReportTable = {
    kind: 'table',
    title: `${c.norm.name}: Versorgung nach ${levelDative(c.levelName)}`,
    columns: [ctx.level.name, `Versorgung (${unit})`, `Bedarf (${unit})`, 'Versorgungsquote (%)', 'Saldo'],
    numeric: [false, true, true, true, true],
    rows: [
      ...rows.map((x) => [
        x.name,
        x.supply === null ? SECRET_SYMBOL : whole(x.supply),
        covered(x, x.demand === null ? null : Math.round(x.demand), 0),
        covered(x, x.rate, 1),
        covered(x, x.balance === null ? null : Math.round(x.balance), 0),
      ]),
      ...(city
        ? [
            [
              ctx.cityName,
              whole(city.supply),
              covered(city, city.demand === null ? null : Math.round(city.demand), 0),
              covered(city, city.rate, 1),
              covered(city, city.balance === null ? null : Math.round(city.balance), 0),
            ],
          ]
        : []),
    ],
    highlight: city ? rows.length : null,
    source: sourceLine(`Lagebild, eigene Berechnung; Richtwert „${c.norm.name}“`, date),
  };
  return [{ kind: 'paragraph', text: sentences.join(' ') }, table, ...notesOf(c.notes)];
}

const notesOf = (notes: readonly string[]): ReportBlock[] =>
  notes.length ? [{ kind: 'list', items: [...notes] }] : [];

/** The catchment in words. */
function catchmentWords(c: Catchment): string {
  switch (c.kind) {
    case 'area':
      return 'das eigene Gebiet (Einrichtungen im Gebiet)';
    case 'district':
      return `das übergeordnete Gebiet der Ebene „${c.level}“`;
    case 'distance':
      return (
        `bis ${formatNumber(c.maxDistance, 0)} m` +
        (c.detour ? ` (Luftlinie × ${formatNumber(c.detour, 2)})` : '')
      );
    case 'fca':
      return `Erreichbarkeit (${(c.method ?? '2sfca').toUpperCase()}) bis ${formatNumber(c.maxCost, 0)}`;
    default:
      return `${(c as { kind: string }).kind}`;
  }
}

/** The norm, its factor and source, and the ranking's criteria as a table of assumptions. */
export function assumptionRows(r: Ranking, c: Coverage): string[][] {
  const version = c.stichtage[0]?.version ?? null;
  const p = r.parameters;
  const rows: string[][] = [
    ['Richtwert', `${r.norm.name} (${r.norm.key})`],
    ['Einrichtungsart', r.norm.facilityTypeName],
    [
      `Bedarf (${r.norm.capacityUnit})`,
      version ? needFormula(version) : 'zum Stichtag kein gültiger Richtwert',
    ],
    [
      'Versorgung',
      version?.supplyProperty
        ? `Angabe „${version.supplyProperty}“ der Einrichtungen in Betrieb`
        : `${r.norm.capacityUnit} der Einrichtungen in Betrieb`,
    ],
    ...(version ? [['Einzugsbereich', catchmentWords(version.catchment)]] : []),
    ['Quelle des Richtwerts', r.norm.source || 'nicht angegeben'],
    [
      'Bevölkerung',
      r.populationDate ? `Stichtag ${formatDate(r.populationDate)}` : 'keine Bevölkerungszahlen zum Stichtag',
    ],
    [
      'Sozialindex',
      r.index
        ? `${r.index.name}, ${r.index.partLabel}, Stichtag ${formatDate(r.index.date)}`
        : 'nicht berücksichtigt',
    ],
    [
      'Entfernung',
      `Bedarf, wenn keine Einrichtung innerhalb von ${formatNumber(p.radius, 0)} m (Luftlinie); ${p.referencePoint}`,
    ],
    [
      'Gewichte der Merkmale',
      `Versorgungslücke ${formatNumber(p.weights.gap, 0)}, Sozialindex ${formatNumber(p.weights.class, 0)}, ` +
        `Entfernung ${formatNumber(p.weights.distance, 0)} (0: nicht berücksichtigt)`,
    ],
  ];
  return rows;
}

async function assumptionsPart(b: NeedsRankingBlock, ctx: CityCtx): Promise<ReportBlock[]> {
  const [r, c] = await Promise.all([ranking(b, ctx), coverage(b, ctx)]);
  if ('note' in r) return [{ kind: 'note', text: r.note }];
  if ('note' in c) return [{ kind: 'note', text: c.note }];
  return [
    {
      kind: 'table',
      title: `Annahmen des Bedarfsplans: ${r.ok.norm.facilityTypeName}`,
      columns: ['Annahme', 'Festlegung'],
      numeric: [false, false],
      rows: assumptionRows(r.ok, c.ok),
      highlight: null,
      source: rankingSource(r.ok),
    },
  ];
}

/** The blocks of one `needs_ranking` block of a city report. */
export async function needsRankingBlocks(b: NeedsRankingBlock, ctx: CityCtx): Promise<ReportBlock[]> {
  switch (b.part) {
    case 'ranking':
      return rankingPart(b, ctx);
    case 'coverage': {
      const c = await coverage(b, ctx);
      return 'note' in c ? [{ kind: 'note', text: c.note }] : coverageBlocks(c.ok, ctx);
    }
    case 'assumptions':
      return assumptionsPart(b, ctx);
  }
}
