/** A small hand-made index result (MSS-like classes) for the unit tests of the monitoring page. */
import type { IndexClass, IndexResult } from './types.ts';

const cls = (
  code: string,
  label: string,
  severity: number,
  min: number | null,
  max: number | null,
): IndexClass => ({ code, label, min, minInclusive: false, max, maxInclusive: true, severity });

export const STATUS_CLASSES: IndexClass[] = [
  cls('1', 'hoch', 0, null, -1),
  cls('2', 'mittel', 1 / 3, -1, 1),
  cls('3', 'niedrig', 2 / 3, 1, 1.5),
  cls('4', 'sehr niedrig', 1, 1.5, null),
];
// listed worst first on purpose: the matrix must order by severity, not by list order
export const DYNAMICS_CLASSES: IndexClass[] = [
  cls('-', 'negativ', 1, 1, null),
  cls('+/-', 'stabil', 0.5, -1, 1),
  cls('+', 'positiv', 0, null, -1),
];

type Area = IndexResult['areas'][number];
const area = (
  id: string,
  name: string,
  parentName: string,
  status: [number, string] | null,
  dynamics: [number, string] | null,
): Area => ({
  id,
  name,
  parent: parentName.toLowerCase(),
  parentName,
  valid: status !== null,
  invalidReason: status === null ? 'ungültig: unter 300 Einwohner' : null,
  parts: {
    status: { sum: status?.[0] ?? null, index: status?.[0] ?? null, class: status?.[1] ?? null },
    dynamics: { sum: dynamics?.[0] ?? null, index: dynamics?.[0] ?? null, class: dynamics?.[1] ?? null },
  },
  z: {},
  values: {},
  code: status && dynamics ? `${status[1]}${dynamics[1]}` : null,
});

export const RESULT: IndexResult = {
  index: 'berlin_mss',
  name: 'MSS',
  level: 'sozialraum',
  date: '2024-12-31',
  parts: [
    { key: 'status', label: 'Status-Index', classes: STATUS_CLASSES },
    { key: 'dynamics', label: 'Dynamik-Index', classes: DYNAMICS_CLASSES },
  ],
  areas: [
    area('a', 'Altstadt', 'Mitte', [2.1, '4'], [1.4, '-']),
    area('b', 'Bahnhof', 'Mitte', [1.7, '4'], [0.2, '+/-']),
    area('c', 'Căstel', 'Nord', [0.1, '2'], [0.1, '+/-']),
    area('d', 'Dorf', 'Nord', [-1.3, '1'], [-1.2, '+']),
    area('e', 'Eck', 'Süd', [0.4, '2'], [-0.5, '+/-']),
    area('f', 'Feld', 'Süd', [1.2, '3'], [1.1, '-']),
    area('g', 'Gewerbe', 'Süd', null, null),
  ],
};

export const POPULATION = new Map([
  ['a', 4000],
  ['b', 2000],
  ['c', 1000],
  ['d', 1000],
  ['e', 1500],
  ['f', 500],
  ['g', 120],
]);
