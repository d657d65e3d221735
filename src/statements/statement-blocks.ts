/**
 * The parts of a statement on a land-use plan as report blocks (tables, the map, sentences, the
 * assumptions), from a computed statement (statements/statement.compute.ts). Numbers German-
 * formatted: people and places as whole numbers, rates with one decimal.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { formatArea, formatDate, formatNumber, MISSING_SYMBOL } from '../core/format.ts';
import { inArea } from '../core/grammar.ts';
import { levelDative, levelPlural } from '../core/level-names.ts';
import { bboxOf } from '../geo/stored-geometry.ts';
import { AGE_BANDS } from './occupancy.schema.ts';
import { variableRange } from '../core/age-range.ts';
import { needFormula } from '../coverage/demand-words.ts';
import type { Need, StatementResult } from './statement.schema.ts';
import { sourceLine, type ReportBlock, type ReportMap, type ReportTable } from '../reports/report-model.ts';

const whole = (n: number | null) => (n === null ? MISSING_SYMBOL : formatNumber(Math.round(n), 0));
const percent = (n: number | null) => (n === null ? MISSING_SYMBOL : `${formatNumber(n, 1)} %`);
const signed = (n: number | null) =>
  n === null ? MISSING_SYMBOL : `${Math.round(n) > 0 ? '+' : ''}${formatNumber(Math.round(n), 0)}`;

/** Where the numbers come from, under every table. */
const computedFrom = (r: StatementResult, what: string) =>
  `Quelle: ${what}; Berechnung Lagebild am ${formatDate(r.computedOn)}`;

/** „Nr. 123 „Am Mühlenbach““: the plan as titles name it, without a leading „B-Plan“. */
export function planLabel(r: StatementResult): string {
  const number = r.statement.planNumber.replace(/^(B-?Plan|Bebauungsplan)\s*/i, '').trim();
  return number ? `${number} „${r.statement.name}“` : `„${r.statement.name}“`;
}

/** Wohneinheiten in total. */
export const totalDwellings = (r: StatementResult) => r.statement.dwellings.reduce((s, d) => s + d.count, 0);

/** „im Planungsraum Altstadt“ or „in den Planungsräumen A (60 %) und B (40 %)“. */
export function areasPhrase(r: StatementResult): string {
  if (r.areas.length === 1) {
    const a = r.areas[0]!;
    const phrase = inArea(r.levelName, a.name);
    return phrase.charAt(0).toLowerCase() + phrase.slice(1);
  }
  const names = r.areas.map((a) => `${a.name} (${formatNumber(a.share * 100, 0)} %)`);
  return `in den ${levelDative(r.levelName)} ${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;
}

/** The dwellings by type and year of first occupancy, with the persons per dwelling in year 1. */
export function planTable(r: StatementResult): ReportBlock[] {
  const types = new Map(r.profile.types.map((t) => [t.key, t]));
  const rows = r.statement.dwellings.map((d) => {
    const t = types.get(d.type);
    return [
      t?.name ?? d.type,
      String(d.year),
      whole(d.count),
      t ? formatNumber(t.persons[0]!, 1) : MISSING_SYMBOL,
    ];
  });
  rows.push(['Zusammen', '', whole(totalDwellings(r)), '']);
  return [
    {
      kind: 'table',
      title: 'Geplante Wohneinheiten nach Wohnform und Erstbezug',
      columns: ['Wohnform', 'Erstbezug', 'Wohneinheiten', 'Bewohner je WE im 1. Jahr'],
      numeric: [false, true, true, true],
      rows,
      highlight: rows.length - 1,
      source: computedFrom(r, `Angaben zum Bebauungsplan; Belegungsprofil „${r.profile.name}“`),
    },
    {
      kind: 'paragraph',
      text:
        `Größe des Plangebiets: ${formatArea(r.statement.areaM2)} (${formatNumber(r.statement.areaM2 / 1e4, 2)} ha), ` +
        `auf dem Ellipsoid berechnet; Geometrie übernommen im Koordinatensystem ${r.statement.crs}.`,
    },
  ];
}

const MAP_WIDTH = 160;

/** Lon/lat rings to SVG paths in a MAP_WIDTH wide figure (north up), as the choropleths project. */
function project(geometries: (Polygon | MultiPolygon)[], box: [number, number, number, number]) {
  const [minX, minY, maxX, maxY] = box;
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = MAP_WIDTH / Math.max((maxX - minX) * kx, 1e-9);
  const height = Math.max(1, Math.round((maxY - minY) * scale * 10) / 10);
  const paths = geometries.map((g) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .flatMap((rings) =>
        rings.map(
          (ring) =>
            ring
              .map(
                ([x, y], i) =>
                  `${i ? 'L' : 'M'}${((x! - minX) * kx * scale).toFixed(1)} ${((maxY - y!) * scale).toFixed(1)}`,
              )
              .join('') + 'Z',
        ),
      )
      .join(''),
  );
  return { paths, height };
}

/**
 * The plan area (dark, outlined) on the affected areas (light) and the areas around them (grey),
 * cut to the affected areas' extent with a margin.
 */
export function planMap(
  r: StatementResult,
  levelAreas: readonly { key: string; name: string; geometry: Polygon | MultiPolygon }[],
): ReportMap {
  const affected = new Set(r.areas.map((a) => a.key));
  const boxes = levelAreas.filter((a) => affected.has(a.key)).map((a) => bboxOf(a.geometry));
  boxes.push(bboxOf(r.statement.planArea as Polygon | MultiPolygon));
  let [minX, minY, maxX, maxY] = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const [mx, my] = [(maxX - minX) * 0.15, (maxY - minY) * 0.15];
  [minX, minY, maxX, maxY] = [minX - mx, minY - my, maxX + mx, maxY + my];
  const near = levelAreas.filter((a) => {
    const b = bboxOf(a.geometry);
    return b[0] <= maxX && b[2] >= minX && b[1] <= maxY && b[3] >= minY;
  });
  const shown = [...near.map((a) => a.geometry), r.statement.planArea as Polygon | MultiPolygon];
  const { paths, height } = project(shown, [minX, minY, maxX, maxY]);
  return {
    kind: 'map',
    title: `Plangebiet und betroffene ${levelPlural(r.levelName)}`,
    width: MAP_WIDTH,
    height,
    classes: 5,
    shapes: [
      ...near.map((a, i) => ({
        key: a.key,
        name: a.name,
        path: paths[i]!,
        cls: affected.has(a.key) ? 1 : null,
        highlight: false,
      })),
      { key: 'plangebiet', name: 'Plangebiet', path: paths.at(-1)!, cls: 4, highlight: true },
    ],
    legend: [
      { cls: 4, label: 'Plangebiet' },
      { cls: 1, label: `betroffene ${levelPlural(r.levelName)}` },
      { cls: null, label: `weitere ${levelPlural(r.levelName)}` },
    ],
    source: computedFrom(r, `Gebietsgrenzen der Ebene ${r.levelName}; Geltungsbereich des Bebauungsplans`),
  };
}

/** Column heads of the reported age groups (ages in years), short enough for an A4 table. */
const GROUP_HEADS: Record<string, string> = {
  ew_u3: 'unter 3',
  ew_3_5: '3 bis 5',
  ew_6_9: '6 bis 9',
  ew_6_17: '6 bis 17',
  ew_65plus: 'ab 65',
  ew_80plus: 'ab 80',
  ew: 'insgesamt',
};

/** Expected residents per year in the reported age groups. */
export function residentsTable(r: StatementResult): ReportTable {
  return {
    kind: 'table',
    title:
      'Erwartete Einwohnerinnen und Einwohner im Plangebiet nach Alter in Jahren (jeweils zum Jahresende)',
    columns: ['Jahr', ...r.groups.map((g) => GROUP_HEADS[g.key] ?? g.name)],
    numeric: [true, ...r.groups.map(() => true)],
    rows: r.residents.map((y) => [String(y.year), ...r.groups.map((g) => whole(y.groups[g.key] ?? null))]),
    highlight: null,
    source: computedFrom(r, `Belegungsprofil „${r.profile.name}“`),
  };
}

const unitOf = (n: Need) => (n.capacityUnit === 'm² Spielfläche' ? 'm²' : n.capacityUnit);

const TOPIC_HEADS: Record<Need['topic'], string> = {
  kita: 'Kita',
  schule: 'Grundschule',
  spielplatz: 'Spielfläche',
  pflege: 'Pflege',
  sonstige: '',
};

/**
 * A short column head of a need: the kind of offer and the ages it is for, the unit unless places.
 * @example needHead(kitaU3) // 'Kita unter 3'
 */
export function needHead(n: Need): string {
  const ranges = n.demand.map(variableRange).filter((x) => x !== null);
  const from = Math.min(...ranges.map((x) => x.from));
  const to = ranges.some((x) => x.to === null) ? null : Math.max(...ranges.map((x) => x.to!));
  const ages =
    !ranges.length || (from === 0 && to === null)
      ? ''
      : from === 0
        ? ` unter ${to}`
        : to === null
          ? ` ab ${from}`
          : ` ${from} bis ${to - 1}`;
  return `${TOPIC_HEADS[n.topic] || n.name}${ages}${n.capacityUnit === 'Plätze' ? '' : ` (${unitOf(n)})`}`;
}

/** The peak need per norm, and the need per year. */
export function needBlocks(r: StatementResult): ReportBlock[] {
  const peak: ReportTable = {
    kind: 'table',
    title: 'Zusätzlicher Bedarf durch das Plangebiet im Jahr des höchsten Bedarfs',
    columns: ['Angebot', 'Richtwert', 'Zusätzlicher Bedarf', 'Einheit', 'Jahr'],
    numeric: [false, false, true, false, true],
    rows: r.needs.map((n) => [n.name, needFormula(n), whole(n.peak.need), unitOf(n), String(n.peak.year)]),
    highlight: null,
    source: computedFrom(r, 'Richtwerte der Stadt (siehe Annahmen und Quellen)'),
  };
  const perYear: ReportTable = {
    kind: 'table',
    title: 'Zusätzlicher Bedarf nach Jahren (Plätze, Flächen in m²; Alter in Jahren)',
    columns: ['Jahr', ...r.needs.map(needHead)],
    numeric: [true, ...r.needs.map(() => true)],
    rows: r.residents.map((y, i) => [
      String(y.year),
      ...r.needs.map((n) => whole(n.perYear[i]?.need ?? null)),
    ]),
    highlight: null,
    source: computedFrom(r, 'Richtwerte der Stadt; Belegungsprofil'),
  };
  const notes = [...new Set(r.needs.flatMap((n) => n.notes.map((t) => `${n.name}: ${t}`)))];
  return [
    peak,
    perYear,
    ...(notes.length ? [{ kind: 'list' as const, items: notes }] : []),
    { kind: 'paragraph', text: r.care.note },
  ];
}

/** Per norm with a Bestand: the affected areas today and with the plan's need. */
export function coverageBlocks(r: StatementResult): ReportBlock[] {
  const shareOf = new Map(r.areas.map((a) => [a.key, a.share]));
  const date = r.populationDate ?? r.computedOn;
  const out: ReportBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Verglichen wird die Versorgung der betroffenen ${levelPlural(r.levelName)} zum Datenstand ` +
        `${formatDate(date)} mit der Versorgung, wenn der zusätzliche Bedarf des Plangebiets im Jahr seines ` +
        'höchsten Werts hinzukommt; das Angebot ist das heutige, die übrige Bevölkerung die des Datenstands.',
    },
  ];
  for (const n of r.needs) {
    if (!n.coverage) continue;
    const rows = [...n.coverage.rows, ...(n.coverage.total ? [n.coverage.total] : [])];
    out.push({
      kind: 'table',
      title:
        `${n.name}: Versorgung heute und mit dem zusätzlichen Bedarf des Plangebiets im Jahr ${n.peak.year} ` +
        `(Anteil: Anteil am Plangebiet; ${unitOf(n)})`,
      columns: [r.levelName, 'Anteil', 'Angebot', 'Bedarf', 'Quote', 'Zusatz', 'Quote neu', 'Saldo neu'],
      numeric: [false, true, true, true, true, true, true, true],
      rows: rows.map((row) => [
        row.name,
        row.area ? percent((shareOf.get(row.area) ?? 0) * 100) : '100,0 %',
        whole(row.supply),
        whole(row.demand),
        percent(row.rate),
        whole(row.extra),
        percent(row.rateAfter),
        signed(row.balanceAfter),
      ]),
      highlight: n.coverage.total ? rows.length - 1 : null,
      source: sourceLine(`${n.source || n.name}; Bestand nach Lagebild-Versorgungsberechnung`, date),
    });
  }
  if (out.length === 1)
    out.push({ kind: 'note', text: 'Für keinen Richtwert liegt eine Versorgung im Bestand vor.' });
  return out;
}

/** „von bis zu 46 Plätzen“: a plural unit after „von“. */
const dativeUnit = (unit: string) => (/e$/.test(unit) ? `${unit}n` : unit);

/** The findings in sentences: need, today's rate and balance, and with the plan. */
export function assessment(r: StatementResult): ReportBlock[] {
  const items = r.needs.map((n) => {
    const head = `${n.name}: zusätzlicher Bedarf von bis zu ${whole(n.peak.need)} ${dativeUnit(unitOf(n))} (${n.peak.year}).`;
    const c = n.coverage;
    const row = c ? (c.total ?? c.rows[0]) : undefined;
    if (!row) return `${head} Ein Abgleich mit dem Bestand ist nicht möglich.`;
    const where = c!.total
      ? `In den betroffenen ${levelDative(r.levelName)} zusammen`
      : inArea(r.levelName, row.name);
    if (row.rate === null || row.rateAfter === null)
      return `${head} ${where} ist die Versorgungsquote nicht bestimmbar.`;
    const verb = row.rateAfter < row.rate ? 'sinkt sie' : 'bleibt sie bei';
    return (
      `${head} ${where} liegt die Versorgungsquote heute bei ${percent(row.rate)} (Saldo ${signed(row.balance)}); ` +
      `mit dem Plangebiet ${verb} ${row.rateAfter < row.rate ? 'auf ' : ''}${percent(row.rateAfter)} ` +
      `(Saldo ${signed(row.balanceAfter)}).`
    );
  });
  return [
    { kind: 'list', items },
    ...(r.care.computed ? [] : [{ kind: 'paragraph' as const, text: careSentence(r) }]),
    // the planner's own assessment, as entered with the statement
    ...(r.statement.notes ? [{ kind: 'paragraph' as const, text: r.statement.notes }] : []),
  ];
}

function careSentence(r: StatementResult): string {
  const peak = (key: string) => Math.max(...r.residents.map((y) => y.groups[key] ?? 0));
  return (
    `Pflege: ohne Richtwert nicht berechnet. Im Plangebiet werden bis zu ${whole(peak('ew_65plus'))} ` +
    `Einwohnerinnen und Einwohner ab 65 Jahren erwartet, davon bis zu ${whole(peak('ew_80plus'))} ab 80 Jahren.`
  );
}

/** Every assumption with its source. */
export function assumptions(r: StatementResult): ReportBlock[] {
  const p = r.profile;
  const items = [
    `Belegungsprofil „${p.name}“${p.validFrom ? ` (Fassung ab ${formatDate(p.validFrom)})` : ''}: ${p.source}`,
    ...p.types.map(
      (t) =>
        `${t.name}: Bewohner je Wohneinheit im 1. bis ${t.persons.length}. Jahr nach dem Erstbezug ` +
        `${t.persons.map((v) => formatNumber(v, 1)).join(' – ')}. ${t.source}`,
    ),
    'Jahr 1 ist das Jahr des Erstbezugs (Stand Jahresende); nach dem letzten Jahr des Profils gelten dessen Werte ' +
      'fort. Bauabschnitte werden mit ihrem eigenen Erstbezugsjahr gerechnet.',
    ...r.needs.map(
      (n) =>
        `${n.name}: Bedarf = ${needFormula(n)}` +
        `${n.norm ? ' (Richtwert der Stadt)' : ''}. Quelle: ${n.source || 'nicht angegeben'}.`,
    ),
    `Betroffene ${levelPlural(r.levelName)}: die Gebiete, in denen das Plangebiet liegt; der zusätzliche Bedarf ` +
      'wird nach dem Flächenanteil des Plangebiets verteilt (gleichmäßige Bebauung angenommen).',
    `Bestand: Versorgung nach den Richtwerten zum Datenstand ${r.populationDate ? formatDate(r.populationDate) : MISSING_SYMBOL}; ` +
      'künftige Veränderungen von Bevölkerung und Angebot außerhalb des Plangebiets sind nicht berücksichtigt.',
    ...r.skipped.map((s) => `Nicht angewandt: ${s.name} – ${s.reason}`),
    ...r.notes,
  ];
  return [{ kind: 'list', items }, agesTable(r)];
}

/** The profile's age distribution in some years after first occupancy, per dwelling type. */
function agesTable(r: StatementResult): ReportTable {
  const rows: string[][] = [];
  for (const t of r.profile.types)
    for (const k of [1, 4, 7, 10].filter((y) => y <= t.ageShares.length))
      rows.push([t.name, String(k), ...t.ageShares[k - 1]!.map((v) => formatNumber(v, 1))]);
  return {
    kind: 'table',
    title: 'Altersverteilung der Bewohner im Jahr nach dem Erstbezug (in %, Alter in Jahren)',
    columns: [
      'Wohnform',
      'Jahr',
      ...AGE_BANDS.map((b) => (b.to === null ? `${b.from}+` : `${b.from}–${b.to - 1}`)),
    ],
    numeric: [false, true, ...AGE_BANDS.map(() => true)],
    rows,
    highlight: null,
    source: computedFrom(r, `Belegungsprofil „${r.profile.name}“`),
  };
}
