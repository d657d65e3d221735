/**
 * Linked additive tables for statistical disclosure control (Geheimhaltung, docs/methods.md §6).
 *
 * A table is a set of cells and linear constraints `value(total) = Σ value(parts)`. One cell may
 * appear in several constraints, which is how the area hierarchy (Sozialraum → Stadtbezirk →
 * Stadt), the rows, columns and margins of a cross table, and several published tables that
 * share cells are linked. This is the model of sdcTable's `makeProblem` and τ-Argus' linked
 * tables (Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 4.2).
 *
 * Cell ids of combined tables join the keys of each dimension with `|`, row key first:
 * `cellId('sr-017', 'w_65+') === 'sr-017|w_65+'`; the margin of a flat dimension has the key
 * `*` unless another is chosen, so `*|*` is the grand total of a cross table. Keys must not
 * contain `|`.
 */
import { tableError } from './messages.ts';

/** One published value: a count (frequency table). `weight` is the cost of hiding it (default: value). */
export interface SdcCell {
  id: string;
  value: number;
  /** Information loss when the cell is suppressed; secondary suppression hides cheap cells first. */
  weight?: number;
}

/** `value(total) = Σ value(parts)`. */
export interface SdcConstraint {
  total: string;
  parts: string[];
}

export interface SdcTable {
  cells: SdcCell[];
  constraints: SdcConstraint[];
}

/**
 * One classification without values: its keys and how they add up. A hierarchy (area tree), a
 * flat list with a total (age groups + "insgesamt"), or a list without total.
 */
export interface Dimension {
  keys: string[];
  constraints: SdcConstraint[];
}

/** A node of an area tree; `parent` null/undefined for the root(s). */
export interface TreeNode {
  id: string;
  parent?: string | null;
}

/** Values by cell id: a map, a record or a lookup function. Missing totals are summed up. */
export type ValueSource =
  ReadonlyMap<string, number> | Readonly<Record<string, number>> | ((id: string) => number | undefined);

export interface BuildOptions {
  /** Cost of suppressing a cell (default: its value); see {@link SdcCell.weight}. */
  weight?: (id: string) => number | undefined;
}

/** Separator of the keys in a combined cell id. */
export const SEPARATOR = '|';
/** Key of the margin (total) of a flat dimension unless another is given. */
export const DEFAULT_TOTAL_KEY = '*';

/**
 * The id of a cell of a combined table.
 * @example cellId('sr-017', 'm_0-5') // 'sr-017|m_0-5'
 */
export function cellId(...keys: string[]): string {
  for (const key of keys) {
    if (key.includes(SEPARATOR)) {
      throw tableError('bad_key', `Schlüssel „${key}“ darf kein „${SEPARATOR}“ enthalten.`, { key });
    }
  }
  return keys.join(SEPARATOR);
}

/**
 * A dimension from an area tree: one constraint per node with children (parent = Σ children).
 * @example hierarchyDimension([{ id: 'stadt' }, { id: 'b1', parent: 'stadt' }, { id: 'b2', parent: 'stadt' }])
 *   // { keys: ['stadt', 'b1', 'b2'], constraints: [{ total: 'stadt', parts: ['b1', 'b2'] }] }
 */
export function hierarchyDimension(tree: readonly TreeNode[]): Dimension {
  const known = new Set<string>();
  const children = new Map<string, string[]>();
  for (const node of tree) {
    if (known.has(node.id)) throw tableError('duplicate_cell', `Gebiet „${node.id}“ kommt doppelt vor.`);
    known.add(node.id);
  }
  for (const node of tree) {
    if (node.parent == null) continue;
    if (!known.has(node.parent)) {
      throw tableError('unknown_parent', `Übergeordnetes Gebiet „${node.parent}“ von „${node.id}“ fehlt.`);
    }
    const list = children.get(node.parent) ?? [];
    list.push(node.id);
    children.set(node.parent, list);
  }
  assertAcyclic(tree);
  const keys = tree.map((n) => n.id);
  const constraints = keys.flatMap((k) => {
    const parts = children.get(k);
    return parts ? [{ total: k, parts: [...parts] }] : [];
  });
  return { keys, constraints };
}

function assertAcyclic(tree: readonly TreeNode[]): void {
  const parent = new Map(tree.map((n) => [n.id, n.parent ?? null]));
  for (const node of tree) {
    let steps = 0;
    for (let p = parent.get(node.id) ?? null; p !== null; p = parent.get(p) ?? null) {
      if (++steps > tree.length) {
        throw tableError('cyclic_hierarchy', `Die Gebietshierarchie enthält einen Kreis bei „${node.id}“.`);
      }
    }
  }
}

/**
 * A flat dimension, with a total key (default `*`) that is the sum of all keys, or without total.
 * @example flatDimension(['m', 'w']) // { keys: ['m', 'w', '*'], constraints: [{ total: '*', parts: ['m', 'w'] }] }
 */
export function flatDimension(keys: readonly string[], options: { total?: string | false } = {}): Dimension {
  const total = options.total ?? DEFAULT_TOTAL_KEY;
  if (total === false) return { keys: [...keys], constraints: [] };
  if (keys.includes(total)) throw tableError('duplicate_cell', `Schlüssel „${total}“ ist schon vergeben.`);
  return { keys: [...keys, total], constraints: keys.length ? [{ total, parts: [...keys] }] : [] };
}

/**
 * The cross product of two dimensions (e.g. area hierarchy × age/sex groups): cell ids
 * `row|col`, each row constraint repeated for every column key and vice versa.
 * Values are required for cells that are no total; missing totals are summed from their parts.
 * @example productTable(hierarchyDimension(tree), flatDimension(groups), counts)
 */
export function productTable(
  rows: Dimension,
  cols: Dimension,
  values: ValueSource,
  options: BuildOptions = {},
): SdcTable {
  const ids = rows.keys.flatMap((r) => cols.keys.map((c) => cellId(r, c)));
  const constraints: SdcConstraint[] = [];
  for (const k of rows.constraints) {
    for (const c of cols.keys) {
      constraints.push({ total: cellId(k.total, c), parts: k.parts.map((p) => cellId(p, c)) });
    }
  }
  for (const k of cols.constraints) {
    for (const r of rows.keys) {
      constraints.push({ total: cellId(r, k.total), parts: k.parts.map((p) => cellId(r, p)) });
    }
  }
  return { cells: completeTotals(ids, constraints, lookup(values), options), constraints };
}

/**
 * A one-dimensional hierarchical table (Sozialraum → Stadtbezirk → Stadt); ids are the node ids.
 * @example hierarchyTable(tree, { sr1: 5, sr2: 7 }) // total 'stadt' = 12 is computed
 */
export function hierarchyTable(
  tree: readonly TreeNode[],
  values: ValueSource,
  options: BuildOptions = {},
): SdcTable {
  const dim = hierarchyDimension(tree);
  return {
    cells: completeTotals(dim.keys, dim.constraints, lookup(values), options),
    constraints: dim.constraints,
  };
}

/**
 * A two-dimensional table `row|col`, with margins `row|*`, `*|col`, `*|*` unless `withMargins` is false.
 * @example crossTable(['w', 'x'], ['a', 'b'], { 'w|a': 1, 'w|b': 2, 'x|a': 3, 'x|b': 4 }) // '*|*' = 10
 */
export function crossTable(
  rowKeys: readonly string[],
  colKeys: readonly string[],
  values: ValueSource,
  options: BuildOptions & { withMargins?: boolean; totalKey?: string } = {},
): SdcTable {
  const total = options.withMargins === false ? false : (options.totalKey ?? DEFAULT_TOTAL_KEY);
  return productTable(flatDimension(rowKeys, { total }), flatDimension(colKeys, { total }), values, options);
}

/**
 * Tables published together that share cells (same id ⇒ same value): the union of cells and
 * constraints, so that secondary suppression protects across all of them.
 */
export function linkTables(...tables: readonly SdcTable[]): SdcTable {
  const cells = new Map<string, SdcCell>();
  const constraints = new Map<string, SdcConstraint>();
  for (const table of tables) {
    for (const cell of table.cells) {
      const seen = cells.get(cell.id);
      if (seen && seen.value !== cell.value) {
        throw tableError(
          'conflicting_value',
          `Zelle „${cell.id}“ hat in verknüpften Tabellen verschiedene Werte (${seen.value} und ${cell.value}).`,
        );
      }
      if (!seen) cells.set(cell.id, cell);
    }
    for (const k of table.constraints) constraints.set(`${k.total}=${[...k.parts].sort().join('+')}`, k);
  }
  return { cells: [...cells.values()], constraints: [...constraints.values()] };
}

function lookup(values: ValueSource): (id: string) => number | undefined {
  if (typeof values === 'function') return values;
  if (values instanceof Map) {
    const map = values as ReadonlyMap<string, number>;
    return (id) => map.get(id);
  }
  const record = values as Readonly<Record<string, number>>;
  return (id) => (Object.hasOwn(record, id) ? record[id] : undefined);
}

/** Given values where present, totals summed from their parts (repeatedly, for nested totals). */
function completeTotals(
  ids: readonly string[],
  constraints: readonly SdcConstraint[],
  value: (id: string) => number | undefined,
  options: BuildOptions,
): SdcCell[] {
  const known = new Map<string, number>();
  for (const id of ids) {
    const v = value(id);
    if (v !== undefined) known.set(id, v);
  }
  let open = constraints.filter((k) => !known.has(k.total));
  for (let progress = true; progress && open.length;) {
    progress = false;
    open = open.filter((k) => {
      if (known.has(k.total)) return false;
      if (!k.parts.every((p) => known.has(p))) return true;
      known.set(
        k.total,
        k.parts.reduce((s, p) => s + known.get(p)!, 0),
      );
      progress = true;
      return false;
    });
  }
  return ids.map((id) => {
    const v = known.get(id);
    if (v === undefined) throw tableError('missing_value', `Für Zelle „${id}“ fehlt ein Wert.`, { id });
    const weight = options.weight?.(id);
    return weight === undefined ? { id, value: v } : { id, value: v, weight };
  });
}
