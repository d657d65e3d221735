import { describe, expect, it } from 'vitest';
import { fade, INVALID_FILL, matrixColor, severityColor, textOn } from './colors.ts';
import { areaCell, buildMatrix, CODE_VIEW, indexStyles } from './matrix.ts';
import { POPULATION, RESULT } from './fixture.test-data.ts';
import { mt } from './texts.ts';

describe('colours', () => {
  it('runs from green (best) over pale yellow to red (worst)', () => {
    expect(severityColor(0)).toBe('#1a9641');
    expect(severityColor(0.5)).toBe('#ffffbf');
    expect(severityColor(1)).toBe('#d7191c');
    expect(severityColor(2)).toBe('#d7191c');
    expect(severityColor(0.125)).toBe('#60b856'); // halfway between the first two stops
  });

  it('shades a matrix cell by the dynamics: positive lighter, negative darker', () => {
    const lum = (hex: string) => [1, 3, 5].reduce((n, i) => n + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(matrixColor(1, 0.5)).toBe(severityColor(1));
    expect(lum(matrixColor(1, 0))).toBeGreaterThan(lum(matrixColor(1, 0.5)));
    expect(lum(matrixColor(1, 1))).toBeLessThan(lum(matrixColor(1, 0.5)));
  });

  it('picks readable text and washes colours out', () => {
    expect(textOn('#d7191c')).toBe('#ffffff');
    expect(textOn('#ffffbf')).toBe('#000000');
    expect(fade('#000000')).toBe('#bfbfbf');
  });
});

describe('buildMatrix', () => {
  const matrix = buildMatrix(RESULT, POPULATION);

  it('orders rows and columns best to worst, whatever the order of the definition', () => {
    expect(matrix.rows.map((r) => r.label)).toEqual(['hoch', 'mittel', 'niedrig', 'sehr niedrig']);
    expect(matrix.cols.map((c) => c.label)).toEqual(['positiv', 'stabil', 'negativ']);
  });

  it('counts the valid areas per class pair; the cells add up to the valid areas', () => {
    const counts = matrix.cells.map((row) => row.map((c) => c.count));
    expect(counts).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
    expect(matrix.total).toBe(7);
    expect(matrix.valid).toBe(6);
    expect(matrix.classified).toBe(6);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(matrix.valid);
  });

  it('gives the inhabitants share of the classified areas (invalid areas left out)', () => {
    const cell = matrix.cells[3]?.[2];
    expect(cell?.key).toBe('4|-');
    expect(cell?.population).toBe(4000);
    expect(cell?.share).toBeCloseTo(4000 / 10000, 10);
    expect(buildMatrix(RESULT).cells[3]?.[2]?.share).toBeNull();
    // one population missing: no shares rather than wrong ones
    const partial = new Map(POPULATION);
    partial.delete('c');
    expect(buildMatrix(RESULT, partial).cells[1]?.[1]?.share).toBeNull();
  });

  it('degrades to one column for an index with a single part', () => {
    const single = { ...RESULT, parts: RESULT.parts.slice(0, 1) };
    const m = buildMatrix(single);
    expect(m.colPart).toBeNull();
    expect(m.cells.map((r) => r.map((c) => c.count))).toEqual([[1], [2], [1], [2]]);
    expect(areaCell(RESULT.areas[0]!, single)).toBe('4|');
  });
});

describe('indexStyles', () => {
  const matrix = buildMatrix(RESULT);

  it('colours by the status class, greys invalid areas', () => {
    const styles = indexStyles(RESULT, matrix, 'status', null);
    expect(styles.get('a')).toMatchObject({ color: severityColor(1), status: 'value', entry: '4' });
    expect(styles.get('g')).toEqual({ color: INVALID_FILL, cls: null, status: 'missing', entry: 'invalid' });
  });

  it('colours by the matrix cell in the code view and fades areas outside the selected cell', () => {
    const styles = indexStyles(RESULT, matrix, CODE_VIEW, '2|+/-');
    const cell = matrix.cells[1]?.[1];
    expect(styles.get('c')?.color).toBe(cell?.color);
    expect(styles.get('e')?.entry).toBe('2|+/-');
    expect(styles.get('a')?.color).toBe(fade(matrix.cells[3]![2]!.color));
  });
});

describe('names of the cell buttons', () => {
  it('start with what the cell shows, so speech input finds them (WCAG 2.5.3 Label in Name)', () => {
    const cell = mt.matrix.cellName('Status-Index', 'hoch', 'Dynamik-Index', 'positiv');
    expect(mt.matrix.select(cell, 12, mt.matrix.share(0.035))).toBe(
      '12, 3,5\u00a0% EW: Gebiete mit Status-Index „hoch“, Dynamik-Index „positiv“ auswählen',
    );
    expect(mt.matrix.select(mt.matrix.cellName('Status-Index', 'hoch', null, ''), 1, null)).toBe(
      '1: Gebiete mit Status-Index „hoch“ auswählen',
    );
  });
});
