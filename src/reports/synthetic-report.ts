/**
 * A synthetic report model of any size, shaped like a Sozialbericht (chapters with tables, maps
 * and city charts, then one two-page Steckbrief per area), for the renderer tests and the
 * benchmark of very long reports (Berlin: 542 Planungsräume). Deterministic (seeded).
 */
import { formatNumber } from '../core/format.ts';
import { mulberry32 } from '../core/random.ts';
import type {
  MapShape,
  ReportBlock,
  ReportChart,
  ReportMap,
  ReportModel,
  ReportSection,
  ReportTable,
} from './report-model.ts';

export interface SyntheticOptions {
  /** Two-page Steckbriefe in the appendix. */
  areas: number;
  /** Shapes of every map. Default 45. */
  shapes?: number;
  /** District lines in the city charts. Default 12. */
  districts?: number;
  internal?: boolean;
  toc?: boolean;
  /** Rows of the Steckbrief table; one area in ten gets three times as many (must be shrunk). */
  rows?: number;
}

const SOURCE = 'Quelle: Amt für Statistik, eigene Berechnung; Stichtag 31.12.2024';
const LABELS = Array.from({ length: 10 }, (_, i) => String(2015 + i));

/** A grid of wobbly polygons (~60 vertices each) standing in for area boundaries. */
function mapOf(n: number, highlight: number, rnd: () => number, title: string): ReportMap {
  const cols = Math.ceil(Math.sqrt(n * 1.6));
  const rows = Math.ceil(n / cols);
  const [cw, ch] = [160 / cols, 100 / rows];
  const shapes: MapShape[] = Array.from({ length: n }, (_, i) => {
    const [cx, cy] = [((i % cols) + 0.5) * cw, (Math.floor(i / cols) + 0.5) * ch];
    const d = Array.from({ length: 60 }, (_, k) => {
      const a = (k / 60) * 2 * Math.PI;
      const r = 0.5 + 0.06 * rnd();
      return `${k ? 'L' : 'M'}${(cx + Math.cos(a) * cw * r).toFixed(1)} ${(cy + Math.sin(a) * ch * r).toFixed(1)}`;
    }).join('');
    return {
      key: String(i),
      name: `Gebiet ${i + 1}`,
      path: `${d}Z`,
      cls: i % 11 === 10 ? null : i % 5,
      highlight: i === highlight,
    };
  });
  const legend = [0, 1, 2, 3, 4].map((c) => ({
    cls: c,
    label: `${formatNumber(c * 5, 1)} bis ${formatNumber(c * 5 + 5, 1)} %`,
  }));
  return {
    kind: 'map',
    title,
    width: 160,
    height: 100,
    shapes,
    legend: [...legend, { cls: null, label: 'kein Wert oder geheim (·)' }],
    source: SOURCE,
  };
}

function chartOf(rnd: () => number, districts: number, area: string | null): ReportChart {
  const line = (base: number) => LABELS.map(() => Math.round((base + rnd() * 3) * 10) / 10);
  return {
    kind: 'chart',
    title: 'SGB-II-Quote: Entwicklung',
    unit: '%',
    decimals: 1,
    labels: LABELS,
    series: [
      ...(area ? [{ name: area, role: 'area' as const, values: line(14) }] : []),
      ...Array.from({ length: districts }, (_, k) => ({
        name: `Bezirk ${k + 1}`,
        role: 'district' as const,
        values: line(4 + k),
      })),
      { name: 'Stadt', role: 'city' as const, values: line(9) },
    ],
    source: SOURCE,
  };
}

function tableOf(rows: number, rnd: () => number, title: string): ReportTable {
  const columns = ['Indikator', 'Gebiet', 'Bezirk', 'Stadt', 'Rang', 'Veränderung'];
  return {
    kind: 'table',
    title,
    columns,
    numeric: columns.map((_, i) => i > 0),
    rows: Array.from({ length: rows }, (_, r) => [
      `Indikator ${r + 1} (%)`,
      formatNumber(rnd() * 40, 1),
      formatNumber(rnd() * 40, 1),
      formatNumber(rnd() * 40, 1),
      `${1 + Math.floor(rnd() * 60)}/62`,
      `+${formatNumber(rnd() * 3, 1)}`,
    ]),
    highlight: null,
    source: SOURCE,
  };
}

/** The 4 × 3 status/dynamics matrix with shaded cells. */
function matrixOf(): ReportTable {
  const fill = [
    ['#1a9850', '#91cf60', '#d9ef8b'],
    ['#91cf60', '#ffffbf', '#fee08b'],
    ['#fee08b', '#fc8d59', '#d73027'],
    ['#fc8d59', '#d73027', '#a50026'],
  ];
  return {
    kind: 'table',
    title: 'Status und Dynamik',
    columns: ['Status', 'positiv', 'stabil', 'negativ'],
    numeric: [false, true, true, true],
    rows: ['hoch', 'mittel', 'niedrig', 'sehr niedrig'].map((s, r) => [
      s,
      ...[0, 1, 2].map((c) => String(r * 3 + c + 1)),
    ]),
    highlight: null,
    shading: fill.map((row) => [null, ...row]),
    source: SOURCE,
  };
}

/** A Sozialbericht-shaped model: 4 chapters, an appendix chapter and `areas` two-page Steckbriefe. */
export function syntheticReport(o: SyntheticOptions): ReportModel {
  const rnd = mulberry32(42);
  const shapes = o.shapes ?? 45;
  const chapter = (k: number, title: string): ReportSection => ({
    id: `kapitel-${k}`,
    title,
    level: 1,
    pageBreak: true,
    blocks: [
      {
        kind: 'paragraph',
        text: `${title}: Größe, Maß und Übersicht der sozialen Lage in der Stadt. `.repeat(6),
      },
      tableOf(24, rnd, `${title}: Kennzahlen der Stadt`),
      mapOf(shapes, -1, rnd, `${title} nach Gebiet`),
      chartOf(rnd, o.districts ?? 12, null),
      { kind: 'heading', text: 'Einordnung' },
      { kind: 'list', items: ['Erster Befund', 'Zweiter Befund', 'Dritter Befund'] },
    ],
  });
  const areaSection = (i: number): ReportSection => {
    const name = `Planungsraum ${String(i + 1).padStart(3, '0')}`;
    const blocks: ReportBlock[] = [
      {
        kind: 'paragraph',
        text: `${name} im Bezirk ${1 + (i % 12)}: Die SGB-II-Quote liegt bei ${formatNumber(10 + (i % 17), 1)} %.`,
      },
      tableOf((o.rows ?? 30) * (i % 10 === 9 ? 3 : 1), rnd, 'Kennzahlen im Vergleich'),
      { kind: 'pagebreak' },
      mapOf(shapes, i % shapes, rnd, 'SGB-II-Quote nach Planungsraum'),
      chartOf(rnd, 1, name),
      matrixOf(),
      { kind: 'heading', text: 'Frühwarnungen' },
      { kind: 'list', items: [`Anstieg der Kinderarmut in ${name}`] },
    ];
    return { id: `gebiet-${i + 1}`, title: name, level: 2, pageBreak: true, pages: 2, blocks };
  };
  const chapters = [
    'Demografie',
    'Soziale Lage und Transferleistungen',
    'Kinder und Jugend',
    'Sozialmonitoring',
  ];
  return {
    title: 'Sozialbericht Teststadt',
    subtitle: 'Stadt · Stichtag 31.12.2024',
    date: '2024-12-31',
    internal: o.internal ?? false,
    dataVersion: '1:1',
    toc: o.toc ?? true,
    target: { template: 'sozialbericht', level: 'planungsraum', area: null, date: '2024-12-31' },
    sections: [
      ...chapters.map((t, k) => chapter(k + 1, t)),
      {
        id: 'anhang',
        title: 'Steckbriefe der Gebiete',
        level: 1,
        pageBreak: true,
        blocks: [
          {
            kind: 'paragraph',
            text: 'Auf den folgenden Seiten ist jedes Gebiet auf zwei Seiten dargestellt.',
          },
        ],
      },
      ...Array.from({ length: o.areas }, (_, i) => areaSection(i)),
    ],
  };
}
