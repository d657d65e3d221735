/**
 * Aggregation of counts up the area hierarchy (Sozialraum → Stadtbezirk → Stadt).
 * Rates of larger areas are recomputed from summed counts, never averaged from rates
 * (docs/methods.md §2).
 */
import type { Cell, ValueStatus } from '../core/value-status.ts';

export interface TreeNode {
  id: number;
  parentId: number | null;
}

/**
 * Value of every area: its own observation where one exists, else the sum of its children.
 * A sum with a missing or secret child is not a true total: it is reported `missing`.
 *
 * @param nodes all areas of the hierarchy
 * @param own observations per area id
 * @returns a cell for every area that has an own value or children with values
 * @example aggregateUp([{id:1,parentId:null},{id:2,parentId:1},{id:3,parentId:1}], new Map([[2,{value:4,status:'value'}],[3,{value:5,status:'value'}]])).get(1) // {value:9,status:'value'}
 */
export function aggregateUp(nodes: TreeNode[], own: Map<number, Cell>): Map<number, Cell> {
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId);
    if (list) list.push(n.id);
    else children.set(n.parentId, [n.id]);
  }
  const out = new Map<number, Cell>();
  const visit = (id: number): Cell | undefined => {
    if (out.has(id)) return out.get(id);
    const mine = own.get(id);
    if (mine) {
      out.set(id, mine);
      return mine;
    }
    const kids = children.get(id);
    if (!kids?.length) return undefined;
    let sum = 0;
    let status: ValueStatus = 'value';
    for (const k of kids) {
      const c = visit(k);
      if (!c || c.value === null || c.status === 'secret' || c.status === 'missing') status = 'missing';
      else {
        sum += c.value;
        if (c.status === 'estimated' && status === 'value') status = 'estimated';
      }
    }
    const cell: Cell = status === 'missing' ? { value: null, status } : { value: sum, status };
    out.set(id, cell);
    return cell;
  };
  for (const n of nodes) visit(n.id);
  return out;
}

/** Sum of cells; `missing` as soon as one is not a usable value. */
export function sumCells(cells: Cell[]): Cell {
  let sum = 0;
  let status: ValueStatus = 'value';
  for (const c of cells) {
    if (c.value === null || c.status === 'secret' || c.status === 'missing')
      return { value: null, status: 'missing' };
    sum += c.value;
    if (c.status === 'estimated') status = 'estimated';
  }
  return { value: sum, status };
}
