/** Population weights from a finer level or a grid: hand-computed shares, fallbacks, grid files. */
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { LagebildError } from '../../core/errors.ts';
import { EPSG_DEFINITIONS } from '../../geo/epsg.ts';
import { allocate, constrainToParents } from './allocate.ts';
import { buildCorrespondence, correspondenceCsv, type ConvertArea } from './correspondence.ts';
import { finerShares, interiorPoint, pieceKey, pieceWeights, type FinerUnit } from './finer.ts';
import { parseGridCsv } from '../../imports/grid/population-grid.ts';
import { methodLabel } from './messages.ts';
import { planConversion } from './plan.ts';

const box = (x0: number, x1: number, y0 = 52, y1 = 52.02): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const area = (key: string, geometry: Polygon): ConvertArea => ({ key, parent: 'P', geometry });

// old: A | B, each 0.02° wide; new: L (left half of A) | M (right half of A + left half of B) | R.
// Boxes of equal longitude width in one latitude band are congruent, so |L| = |R| = |M| / 2.
const OLD = [area('A', box(13, 13.02)), area('B', box(13.02, 13.04))];
const NEW = [area('L', box(13, 13.01)), area('M', box(13.01, 13.03)), area('R', box(13.03, 13.04))];
const ROWS = buildCorrespondence(OLD, NEW).rows;
const AREA_M2 = new Map<string, number>();
for (const r of ROWS) AREA_M2.set(r.to, (AREA_M2.get(r.to) ?? 0) + r.overlapM2);
// P_t on the new areas: target density gives A → L 100·1/1 : M 200·1/2 = 0.5 : 0.5,
// B → M 200·1/2 : R 300·1/1 = 0.25 : 0.75
const P_T = new Map([
  ['L', 100],
  ['M', 200],
  ['R', 300],
]);
// finer units (Blöcke): 30 inhabitants in A∩L, 90 in A∩M, none in B → A: 0.25 : 0.75
const UNITS: FinerUnit[] = [
  { lon: 13.005, lat: 52.01, population: 30 },
  { lon: 13.012, lat: 52.005, population: 50 },
  { lon: 13.018, lat: 52.015, population: 40 },
];

const shares = (rows: { from: string; to: string; share: number }[]) =>
  rows.map((r) => `${r.from}→${r.to} ${r.share.toFixed(6)}`);

describe('pieceWeights', () => {
  it('gives every unit to the piece holding its point, and counts those outside', () => {
    const { weights, outside } = pieceWeights(
      [...UNITS, { lon: 14, lat: 52.01, population: 7 }, { lon: 13.03, lat: 52.01, population: -1 }],
      OLD,
      NEW,
    );
    expect(Object.fromEntries(weights)).toEqual({ [pieceKey('A', 'L')]: 30, [pieceKey('A', 'M')]: 90 });
    expect(outside).toEqual({ units: 1, population: 7 });
  });
});

describe('finerShares', () => {
  const { weights } = pieceWeights(UNITS, OLD, NEW);

  it('weights by the finer inhabitants where target density says otherwise; B falls back to P_t', () => {
    const r = finerShares(ROWS, weights, P_T, AREA_M2);
    expect(shares(r.rows)).toEqual(['A→L 0.250000', 'A→M 0.750000', 'B→M 0.250000', 'B→R 0.750000']);
    expect(r.targetFallback).toEqual(['B']);
    expect(r.areaFallback).toEqual([]);
  });

  it('falls back to area shares where neither finer units nor P_t weigh', () => {
    const r = finerShares(ROWS, weights, new Map(), AREA_M2);
    expect(shares(r.rows)).toEqual(['A→L 0.250000', 'A→M 0.750000', 'B→M 0.500000', 'B→R 0.500000']);
    expect(r.targetFallback).toEqual([]);
    expect(r.areaFallback).toEqual(['B']);
  });

  it('allocates with totals kept: A 1000, B 400 → L 250, M 850, R 300', () => {
    const cells = new Map([
      ['A', { value: 1000, status: 'value' as const }],
      ['B', { value: 400, status: 'value' as const }],
    ]);
    const out = allocate(cells, finerShares(ROWS, weights, P_T, AREA_M2).rows);
    expect(Object.fromEntries([...out].map(([k, c]) => [k, c.value]))).toEqual({ L: 250, M: 850, R: 300 });
  });
});

describe('constrainToParents with finer weights', () => {
  it('leaves an old area unconstrained when all its inhabitants lie across the parent border', () => {
    const rows = [
      { from: 'A', to: 'x', share: 0 },
      { from: 'A', to: 'y', share: 1 },
    ];
    const r = constrainToParents(
      rows,
      new Map([['A', 'P1']]),
      new Map([
        ['x', 'P1'],
        ['y', 'P2'],
      ]),
    );
    expect(r.rows).toEqual(rows);
    expect(r.unconstrained).toEqual(['A']);
  });
});

describe('planConversion with finer weights', () => {
  const plan = (units: FinerUnit[], population = P_T, kind: 'level' | 'grid' = 'level') =>
    planConversion({
      from: OLD,
      to: NEW,
      method: 'population',
      population,
      finer: { kind, units, label: { levelName: 'Blöcke' } },
    });

  it('names the variant and reports the old areas that fell back', () => {
    const p = plan(UNITS);
    expect(p.method).toBe('population_finer');
    expect(shares(p.rows)).toEqual(['A→L 0.250000', 'A→M 0.750000', 'B→M 0.250000', 'B→R 0.750000']);
    expect(p.notices).toContain(
      '1 alte Gebiete enthalten keine Einwohner der Ebene „Blöcke“ und wurden nach den Einwohnern der neuen Gebiete aufgeteilt: B.',
    );
    expect(plan(UNITS, P_T, 'grid').method).toBe('population_grid');
  });

  it('without finer inhabitants: target density, then area, each with a notice', () => {
    const none = plan([{ lon: 14, lat: 52.01, population: 5 }]);
    expect(none.method).toBe('population');
    expect(shares(none.rows)).toEqual(['A→L 0.500000', 'A→M 0.500000', 'B→M 0.250000', 'B→R 0.750000']);
    expect(none.notices.join('\n')).toContain(
      'In den umzurechnenden Gebieten liegen keine Einwohner der Ebene',
    );
    const nothing = plan([], new Map());
    expect(nothing.method).toBe('area');
    expect(shares(nothing.rows)).toEqual(['A→L 0.500000', 'A→M 0.500000', 'B→M 0.500000', 'B→R 0.500000']);
  });
});

describe('interiorPoint', () => {
  it('takes the centroid when inside', () => {
    expect(interiorPoint(box(0, 2, 0, 2))).toEqual([1, 1]);
  });

  it('moves into a U-shaped block whose centroid lies in the notch', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    // centroid (1.5, 9.5/7) lies in the notch [1,2]×[1,3]; the line y = 9.5/7 crosses at 0, 1, 2, 3
    const [x, y] = interiorPoint(u)!;
    expect(x).toBeCloseTo(0.5, 12);
    expect(y).toBeCloseTo(9.5 / 7, 12);
  });
});

describe('parseGridCsv', () => {
  const laea = proj4('EPSG:4326', EPSG_DEFINITIONS[3035]!);
  const bytes = (text: string) => new TextEncoder().encode(text);
  const [x, y] = laea.forward<[number, number]>([13.005, 52.01]);

  it('reads Zensus columns, reprojects EPSG:3035 centres and skips withheld cells', () => {
    const g = parseGridCsv(
      bytes(
        `GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner\nCRS3035RES100mN1E1;${x.toFixed(1)};${y.toFixed(1)};30\nCRS3035RES100mN2E2;1;2;–\n`,
      ),
      'z.csv',
    );
    expect(g).toMatchObject({ cellSize: 100, zensus: true, secret: 1 });
    expect(g.units).toHaveLength(1);
    expect(g.units[0]!.lon).toBeCloseTo(13.005, 6);
    expect(g.units[0]!.lat).toBeCloseTo(52.01, 6);
    expect(g.units[0]!.population).toBe(30);
  });

  it('reads the cell centre from the id alone (south-west corner + half a cell)', () => {
    const g = parseGridCsv(bytes('Gitter_ID_1km,Einwohner\nCRS3035RES1000mN3270000E4550000,12\n'), 'k.csv');
    expect(g.cellSize).toBe(1000);
    const [lon, lat] = proj4(EPSG_DEFINITIONS[3035]!, 'EPSG:4326').forward<[number, number]>([
      4550500, 3270500,
    ]);
    expect(g.units[0]!.lon).toBeCloseTo(lon, 9);
    expect(g.units[0]!.lat).toBeCloseTo(lat, 9);
    expect(methodLabel('population_grid', g)).toBe('einwohnergewichtet (Zensus-Gitter 1 km)');
  });

  it('names file, line, column and text of a bad value, and missing columns', () => {
    const bad = () => parseGridCsv(bytes('x_mp_100m;y_mp_100m;Einwohner\n1;2;3\n4;5;viele\n'), 'g.csv');
    expect(bad).toThrow('„g.csv“, Zeile 3, Spalte „Einwohner“: „viele“ ist keine gültige Angabe');
    try {
      bad();
    } catch (e) {
      expect((e as LagebildError).code).toBe('areas.convert_grid_value');
    }
    expect(() => parseGridCsv(bytes('a;b\n1;2\n'), 'h.csv')).toThrow(
      'Die Datei „h.csv“ hat keine Spalten für Lage und Einwohner',
    );
    expect(() => parseGridCsv(bytes('x;y;Einwohner\n1;2;–\n'), 'e.csv')).toThrow(
      'Die Datei „e.csv“ enthält keine Gitterzellen mit Einwohnerzahl.',
    );
  });
});

describe('correspondenceCsv with the method', () => {
  it('adds a column naming the weights', () => {
    const csv = correspondenceCsv(ROWS.slice(0, 1), 'einwohnergewichtet (feinere Ebene: Blöcke)');
    expect(csv.split('\n')[0]).toBe('alter_schluessel;neuer_schluessel;anteil;flaeche_m2;verfahren');
    expect(csv.split('\n')[1]).toMatch(/^A;L;0,500000;\d+;einwohnergewichtet \(feinere Ebene: Blöcke\)$/);
  });
});
