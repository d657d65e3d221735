/**
 * A validated, integer-indexed view of an {@link SdcTable} for the suppression algorithms:
 * cells by position, constraints as index arrays, and for every cell the constraints it is in.
 */
import { tableError } from './messages.ts';
import type { SdcTable } from './table.ts';

export interface TableIndex {
  readonly ids: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly values: Float64Array;
  /** Cost of suppressing each cell: its weight, else its value. */
  readonly costs: Float64Array;
  /** Total cell of each constraint. */
  readonly totals: Int32Array;
  /** Part cells of each constraint. */
  readonly parts: readonly Int32Array[];
  /** Constraint indices each cell belongs to (as total or part). */
  readonly memberOf: readonly (readonly number[])[];
}

/** Relative tolerance of the additivity check (floating-point sums of weighted counts). */
const ADDITIVITY_TOLERANCE = 1e-9;

/**
 * Validates a table and indexes it. Throws a `disclosure.*` error (400) for duplicate ids,
 * unknown cells in constraints, negative or non-finite values, and totals that do not add up.
 * @example indexTable(crossTable(['w'], ['a', 'b'], { 'w|a': 1, 'w|b': 2 })).ids.length // 6
 */
export function indexTable(table: SdcTable): TableIndex {
  const n = table.cells.length;
  const ids: string[] = new Array<string>(n);
  const position = new Map<string, number>();
  const values = new Float64Array(n);
  const costs = new Float64Array(n);
  table.cells.forEach((cell, i) => {
    if (position.has(cell.id)) throw tableError('duplicate_cell', `Zelle „${cell.id}“ kommt doppelt vor.`);
    if (!Number.isFinite(cell.value) || cell.value < 0) {
      throw tableError(
        'bad_value',
        `Zelle „${cell.id}“ hat keinen gültigen Wert (${cell.value}); erlaubt sind Zahlen ≥ 0.`,
      );
    }
    const cost = cell.weight ?? cell.value;
    if (!Number.isFinite(cost) || cost < 0) {
      throw tableError('bad_weight', `Zelle „${cell.id}“ hat kein gültiges Gewicht (${cost}).`);
    }
    ids[i] = cell.id;
    position.set(cell.id, i);
    values[i] = cell.value;
    costs[i] = cost;
  });
  const at = (id: string, k: number): number => {
    const i = position.get(id);
    if (i === undefined) {
      throw tableError('unknown_cell', `Summenbedingung ${k + 1} nennt die unbekannte Zelle „${id}“.`, {
        id,
      });
    }
    return i;
  };
  const memberOf: number[][] = ids.map(() => []);
  const totals = new Int32Array(table.constraints.length);
  const parts = table.constraints.map((k, index) => {
    const total = at(k.total, index);
    const members = new Set<number>([total]);
    if (!k.parts.length) throw tableError('empty_constraint', `Summe „${k.total}“ hat keine Teile.`);
    const partIdx = Int32Array.from(k.parts, (p) => {
      const i = at(p, index);
      if (members.has(i)) {
        throw tableError('repeated_cell', `Zelle „${p}“ kommt in der Summe „${k.total}“ mehrfach vor.`);
      }
      members.add(i);
      return i;
    });
    let sum = 0;
    let scale = values[total]!;
    for (const p of partIdx) {
      sum += values[p]!;
      scale += values[p]!;
    }
    if (Math.abs(values[total]! - sum) > ADDITIVITY_TOLERANCE * Math.max(1, scale)) {
      throw tableError(
        'not_additive',
        `Summe „${k.total}“ = ${values[total]} stimmt nicht mit der Summe ihrer Teile (${sum}) überein.`,
        { total: k.total },
      );
    }
    totals[index] = total;
    for (const i of members) memberOf[i]!.push(index);
    return partIdx;
  });
  return { ids, position, values, costs, totals, parts, memberOf };
}
