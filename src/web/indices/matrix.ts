/**
 * The status/dynamics matrix of a composite index (pure): which class pair every area falls in,
 * how many areas (and inhabitants) each cell holds, and the map colours per view.
 * The rows are the classes of the first part (Status), the columns those of the second (Dynamik),
 * each ordered best to worst by severity — the layout of the Berlin MSS (docs/methods.md §3).
 */
import { fade, INVALID_FILL, matrixColor, NO_CLASS_FILL, severityColor } from './colors.ts';
import type { AreaStyle } from '../map/choropleth.ts';
import type { IndexClass, IndexResult } from './types.ts';

export type IndexArea = IndexResult['areas'][number];
export type ResultPart = IndexResult['parts'][number];

/** A map view: a part key (colour by that part's class) or the combined code. */
export type View = string;
export const CODE_VIEW = 'code';

/** Stand-in column when the index has a single part (e.g. a status index only). */
const ALL: IndexClass = {
  code: '',
  label: '',
  min: null,
  minInclusive: false,
  max: null,
  maxInclusive: false,
  severity: 0.5,
};

export interface MatrixCell {
  /** `rowCode|colCode`, the value kept in the address when the cell is selected. */
  key: string;
  row: IndexClass;
  col: IndexClass;
  count: number;
  /** Inhabitants of the cell's areas, or null when not known (protected view). */
  population: number | null;
  /** Share of the inhabitants of all classified areas (0…1), or null. */
  share: number | null;
  color: string;
}

export interface Matrix {
  rowPart: ResultPart;
  /** null for an index with one part. */
  colPart: ResultPart | null;
  rows: IndexClass[];
  cols: IndexClass[];
  /** cells[row][col] */
  cells: MatrixCell[][];
  total: number;
  valid: number;
  /** Valid areas with a class in every matrix part (the sum of all cells). */
  classified: number;
}

const bySeverity = (classes: readonly IndexClass[]) => [...classes].sort((a, b) => a.severity - b.severity);

export const cellKey = (row: string, col: string) => `${row}|${col}`;

/**
 * The matrix cell an area falls in, or null (invalid, or a class missing).
 * @example areaCell(area, result) // '2|+/-'
 */
export function areaCell(area: IndexArea, result: Pick<IndexResult, 'parts'>): string | null {
  const [rowPart, colPart] = result.parts;
  if (!area.valid || !rowPart) return null;
  const row = area.parts[rowPart.key]?.class ?? null;
  const col = colPart ? (area.parts[colPart.key]?.class ?? null) : '';
  return row === null || col === null ? null : cellKey(row, col);
}

/**
 * Counts the areas (and, if populations are given, the inhabitants) per class pair.
 * @param population inhabitants by area id; only for users who see unprotected data
 */
export function buildMatrix(result: IndexResult, population?: ReadonlyMap<string, number> | null): Matrix {
  const rowPart = result.parts[0];
  if (!rowPart) throw new Error('Der Index hat keinen Teilindex.');
  const colPart = result.parts[1] ?? null;
  const rows = bySeverity(rowPart.classes);
  const cols = colPart ? bySeverity(colPart.classes) : [ALL];
  const counts = new Map<string, { count: number; population: number }>();
  let classified = 0;
  let classifiedPopulation = 0;
  let populationKnown = !!population;
  for (const area of result.areas) {
    const key = areaCell(area, result);
    if (key === null) continue;
    classified++;
    const pop = population?.get(area.id);
    if (pop === undefined) populationKnown = false;
    const entry = counts.get(key) ?? { count: 0, population: 0 };
    entry.count++;
    entry.population += pop ?? 0;
    counts.set(key, entry);
    classifiedPopulation += pop ?? 0;
  }
  const cells = rows.map((row) =>
    cols.map((col): MatrixCell => {
      const key = cellKey(row.code, col.code);
      const entry = counts.get(key);
      const pop = populationKnown ? (entry?.population ?? 0) : null;
      return {
        key,
        row,
        col,
        count: entry?.count ?? 0,
        population: pop,
        share: pop === null || classifiedPopulation <= 0 ? null : pop / classifiedPopulation,
        color: colPart ? matrixColor(row.severity, col.severity) : severityColor(row.severity),
      };
    }),
  );
  return {
    rowPart,
    colPart,
    rows,
    cols,
    cells,
    total: result.areas.length,
    valid: result.areas.filter((a) => a.valid).length,
    classified,
  };
}

/** The class of an area in one part (with its definition), or null. */
export function areaClass(area: IndexArea, part: ResultPart): IndexClass | null {
  const code = area.parts[part.key]?.class ?? null;
  return code === null ? null : (part.classes.find((c) => c.code === code) ?? null);
}

/** How one area is drawn on the index map (an AtlasMap style). */
export interface IndexAreaStyle extends AreaStyle {
  /** 'missing' for invalid or unclassified areas (no hatching), else 'value'. */
  status: 'value' | 'missing';
  /** What the legend counts it as: a class code, the matrix cell key, 'invalid' or 'none'. */
  entry: string;
}

/**
 * Colours of all areas for a view; outside a selected matrix cell the colours are washed out.
 * @param view a part key, or CODE_VIEW for the matrix colours
 * @param selectedCell a matrix cell key, or null
 */
export function indexStyles(
  result: IndexResult,
  matrix: Matrix,
  view: View,
  selectedCell: string | null,
): Map<string, IndexAreaStyle> {
  const part = result.parts.find((p) => p.key === view) ?? null;
  const cellColor = new Map(matrix.cells.flat().map((c) => [c.key, c.color]));
  const cellIndex = new Map(matrix.cells.flat().map((c, i) => [c.key, i]));
  const styles = new Map<string, IndexAreaStyle>();
  for (const area of result.areas) {
    if (!area.valid) {
      styles.set(area.id, { color: INVALID_FILL, cls: null, status: 'missing', entry: 'invalid' });
      continue;
    }
    const cell = areaCell(area, result);
    let style: IndexAreaStyle;
    if (part) {
      const cls = areaClass(area, part);
      const i = cls ? part.classes.indexOf(cls) : -1;
      style = cls
        ? { color: severityColor(cls.severity), cls: i, status: 'value', entry: cls.code }
        : { color: NO_CLASS_FILL, cls: null, status: 'missing', entry: 'none' };
    } else {
      const color = cell === null ? undefined : cellColor.get(cell);
      style =
        cell !== null && color
          ? { color, cls: cellIndex.get(cell) ?? null, status: 'value', entry: cell }
          : { color: NO_CLASS_FILL, cls: null, status: 'missing', entry: 'none' };
    }
    if (selectedCell !== null && cell !== selectedCell) style = { ...style, color: fade(style.color) };
    styles.set(area.id, style);
  }
  return styles;
}
