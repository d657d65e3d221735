/**
 * What the public may see of a stored projection (docs/methods.md §8.7): counts rounded to tens,
 * areas below a minimum population shown only summed into their parent, and the secondary
 * suppression that keeps such an area from being recovered as „parent minus its siblings“.
 *
 * A projection of a few hundred people is mostly noise (the back-tests' errors grow as areas
 * shrink), so small areas are not shown on their own. Every published count of a parent is the
 * sum of its children's rounded counts, so the sums add up and no difference of published values
 * carries more precision than the rounding. The suppression pattern is the same for every
 * variable and every projected Stichtag: a cell hidden at one Stichtag is hidden at all of them.
 */
import type { Cell } from '../core/value-status.ts';

/** Rounding of public projected counts (persons). */
export const PUBLIC_ROUNDING = 10;

export interface ProjectionNode {
  id: number;
  parentId: number | null;
}

/** One stored projected count of an area of the projection's level. */
export interface ProjectedCount {
  areaId: number;
  date: string;
  variable: string;
  value: number;
}

export type Totals = Map<string, Map<string, Map<number, Cell>>>; // variable → date → area id → cell

/** Rounds to the nearest multiple of {@link PUBLIC_ROUNDING}. @example roundPublic(1234) // 1230 */
export const roundPublic = (x: number) => Math.round(x / PUBLIC_ROUNDING) * PUBLIC_ROUNDING;

/**
 * The areas whose values the public does not get (ids of the projection's level and above).
 *
 * Primary: an area of the projection's level whose smallest projected population (`size`) is below
 * `minPopulation`. Secondary, level by level upwards: a parent with exactly one hidden child also
 * hides its smallest other child with everything below it (else parent − visible siblings = the
 * hidden one); a parent with a single, hidden child is hidden itself (it equals the child). A
 * parent summing two or more hidden children shows exactly the aggregate asked for.
 *
 * @param size the area's smallest projected population over all Stichtage (persons)
 */
export function hiddenAreas(
  nodes: readonly ProjectionNode[],
  size: ReadonlyMap<number, number>,
  minPopulation: number,
): Set<number> {
  const hidden = new Set<number>();
  for (const [id, n] of size) if (n < minPopulation) hidden.add(id);
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const below = new Map<number, number[]>();
  for (const n of nodes)
    if (n.parentId !== null) below.set(n.parentId, [...(below.get(n.parentId) ?? []), n.id]);
  // a parent hidden while its children show would be their sum: hide them with it
  const hideWithin = (id: number) => {
    hidden.add(id);
    for (const k of below.get(id) ?? []) if (total.has(k)) hideWithin(k);
  };
  const children = new Map<number, number[]>();
  // the levels above the projection's, from the projection's areas upwards
  let level = [...size.keys()];
  const total = new Map(size);
  while (level.length) {
    children.clear();
    for (const id of level) {
      const p = parentOf.get(id);
      if (p === null || p === undefined) continue;
      const list = children.get(p);
      if (list) list.push(id);
      else children.set(p, [id]);
    }
    for (const [parent, kids] of children) {
      const shut = kids.filter((k) => hidden.has(k));
      if (shut.length === 1 && kids.length > 1) {
        const open = kids.filter((k) => !hidden.has(k));
        const smallest = open.reduce((a, b) => ((total.get(b) ?? 0) < (total.get(a) ?? 0) ? b : a));
        hideWithin(smallest);
      } else if (shut.length === 1 && kids.length === 1) hidden.add(parent);
      total.set(
        parent,
        kids.reduce((s, k) => s + (total.get(k) ?? 0), 0),
      );
    }
    level = [...children.keys()];
  }
  return hidden;
}

/**
 * Count tables of a projection for the indicator calculator, every ancestor of the projected
 * areas given the sum of its children as its own value: unprotected as stored, or for the public
 * rounded, hidden areas `secret`, the sums made of the rounded counts (hidden ones included).
 * Projected values carry the status `estimated`.
 */
export function projectedTotals(
  nodes: readonly ProjectionNode[],
  counts: readonly ProjectedCount[],
  options: { public: false } | { public: true; minPopulation: number; populationVariable: string },
): Totals {
  const out: Totals = new Map();
  const put = (variable: string, date: string, id: number, cell: Cell) => {
    let byDate = out.get(variable);
    if (!byDate) out.set(variable, (byDate = new Map<string, Map<number, Cell>>()));
    let byArea = byDate.get(date);
    if (!byArea) byDate.set(date, (byArea = new Map<number, Cell>()));
    byArea.set(id, cell);
  };
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  /** Adds `value` to the sums of every ancestor of the area. */
  const sums = new Map<string, number>(); // variable|date|ancestor → sum
  const addUp = (c: ProjectedCount, value: number) => {
    for (let p = parentOf.get(c.areaId); p !== null && p !== undefined; p = parentOf.get(p)) {
      const key = `${c.variable}|${c.date}|${p}`;
      sums.set(key, (sums.get(key) ?? 0) + value);
    }
  };
  const putSums = (hidden: ReadonlySet<number>) => {
    for (const [key, value] of sums) {
      const [variable, date, id] = key.split('|') as [string, string, string];
      const area = Number(id);
      put(variable, date, area, hidden.has(area) ? SECRET : { value, status: 'estimated' });
    }
  };
  if (!options.public) {
    for (const c of counts) {
      put(c.variable, c.date, c.areaId, { value: c.value, status: 'estimated' });
      addUp(c, c.value);
    }
    putSums(new Set());
    return out;
  }
  const size = new Map<number, number>();
  for (const c of counts)
    if (c.variable === options.populationVariable)
      size.set(c.areaId, Math.min(size.get(c.areaId) ?? Infinity, c.value));
  const hidden = hiddenAreas(nodes, size, options.minPopulation);
  for (const c of counts) {
    const v = roundPublic(c.value);
    put(c.variable, c.date, c.areaId, hidden.has(c.areaId) ? SECRET : { value: v, status: 'estimated' });
    addUp(c, v);
  }
  putSums(hidden);
  return out;
}

const SECRET: Cell = { value: null, status: 'secret' };
