import { describe, expect, it } from 'vitest';
import type { TableReadResult } from '../../imports/table/types.ts';
import { columnsOf, draftFromReport, draftProblems, sortProblems, toMapping } from './import-mapping.ts';

const report = (over: Partial<TableReadResult> = {}): TableReadResult => ({
  file: 't.csv',
  ok: true,
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  sheet: null,
  shape: 'wide',
  headerRow: 2,
  columns: {
    area: 'Sozialraum',
    areaParts: ['Sozialraum'],
    date: null,
    variable: [],
    value: ['Einwohner insgesamt', 'Kinder unter 3'],
    breakdown: [],
    ignored: ['Name'],
  },
  titleLines: [],
  notes: [],
  emptyLines: 0,
  variables: [
    { key: 'Einwohner insgesamt', count: true },
    { key: 'Kinder unter 3', count: true },
  ],
  dates: ['2030-12-31'],
  stats: {
    rows: 2,
    records: 4,
    byStatus: { value: 4, secret: 0, missing: 0, estimated: 0 },
    emptyCells: 0,
    totalRows: 0,
    higherRows: 0,
    areas: 2,
  },
  unknownKeys: [],
  unknownKeysLeftOff: 0,
  problems: [],
  problemsLeftOff: 0,
  problemCounts: {},
  ...over,
});

describe('import mapping draft', () => {
  it('is filled from the recognised columns of a wide table', () => {
    const draft = draftFromReport(report(), '2030-12-31');
    expect(draft).toMatchObject({
      form: 'wide',
      areaColumn: 'Sozialraum',
      dateSource: 'fixed',
      date: '2030-12-31',
      variables: [
        { column: 'Einwohner insgesamt', key: 'Einwohner insgesamt' },
        { column: 'Kinder unter 3', key: 'Kinder unter 3' },
      ],
    });
    expect(columnsOf(report())).toEqual(['Sozialraum', 'Einwohner insgesamt', 'Kinder unter 3', 'Name']);
  });

  it('flags keys the server refuses and turns the draft into a mapping', () => {
    const draft = draftFromReport(report(), '2030-12-31')!;
    expect([...draftProblems(draft).keys]).toEqual(['Einwohner insgesamt', 'Kinder unter 3']);
    draft.variables = [
      { column: 'Einwohner insgesamt', key: 'ew_test' },
      { column: 'Kinder unter 3', key: '' },
    ];
    expect(draftProblems(draft)).toEqual({ keys: new Set(), noVariables: false });
    expect(toMapping(draft)).toEqual({
      areaColumn: 'Sozialraum',
      date: '2030-12-31',
      variables: { 'Einwohner insgesamt': 'ew_test' },
    });
    draft.variables = draft.variables.map((v) => ({ ...v, key: '' }));
    expect(draftProblems(draft).noVariables).toBe(true);
  });

  it('keeps a key joined from several columns through a re-check (Berlin LOR: four key columns)', () => {
    const parts = ['district_id', 'forecast_area_id', 'district_region_id', 'planning_area_id'];
    const joined = report({
      columns: {
        area: parts.join(' + '),
        areaParts: parts,
        date: null,
        variable: [],
        value: ['inhabitants'],
        breakdown: [],
        ignored: [],
      },
      variables: [{ key: 'inhabitants', count: true }],
    });
    const draft = draftFromReport(joined, '2024-12-31')!;
    expect(draft.areaColumn).toBe(parts.join(' + '));
    expect(columnsOf(joined).slice(0, 5)).toEqual([parts.join(' + '), ...parts]);
    const mapping = toMapping(draft);
    expect(mapping.areaColumn).toEqual(parts);
    // The server reads the file with that mapping and reports the same joined key again.
    const again = draftFromReport({ ...joined, shape: 'profile-wide' }, mapping.date ?? '')!;
    expect(toMapping(again)).toEqual(mapping);
    // Choosing one column instead sends that column alone.
    expect(toMapping({ ...draft, areaColumn: 'planning_area_id' }).areaColumn).toBe('planning_area_id');
  });

  it('keeps variable and value column of a long table; GENESIS is not mapped here', () => {
    const long = report({
      shape: 'long',
      columns: {
        area: 'Gebiet',
        areaParts: ['Gebiet'],
        date: 'Jahr',
        variable: ['Merkmal'],
        value: ['Wert'],
        breakdown: [],
        ignored: [],
      },
    });
    expect(toMapping(draftFromReport(long, '')!)).toEqual({
      areaColumn: 'Gebiet',
      dateColumn: 'Jahr',
      variableColumn: ['Merkmal'],
      valueColumn: 'Wert',
    });
    expect(draftFromReport(report({ shape: 'genesis-flat' }), '')).toBeNull();
  });

  it('sorts errors before warnings', () => {
    const entry = { file: 't.csv', column: null, code: 'x', message: '' };
    const sorted = sortProblems([
      { ...entry, row: 2, severity: 'warning' },
      { ...entry, row: 9, severity: 'error' },
      { ...entry, row: 4, severity: 'error' },
    ]);
    expect(sorted.map((p) => p.row)).toEqual([4, 9, 2]);
  });
});
