/**
 * Demand (Bedarf) of a norm per area: factor × the weighted sum of its variables' counts
 * (docs/methods.md §7), e.g. 0.51 × children under 3 + 0.97 × children from 3 to school age. Every area's counts are its own where delivered, else the sum of its children (as for
 * indicators), so a Stadtbezirk's demand comes from its own counts, never from averaging rates.
 * For the public, a demand whose counts the protected snapshot keeps secret is secret too.
 */
import type { Cell, ValueStatus } from '../core/value-status.ts';
import { aggregateUp, type TreeNode } from '../indicators/aggregate.ts';
import { TOTAL } from '../indicators/linked-protection.ts';

/** Variable → area id → own observation, at one Stichtag. */
export type CountsAtDate = ReadonlyMap<string, ReadonlyMap<number, Cell>>;

/** An area, or the sum of several (the city without a city level). */
export type Target = number | readonly number[];

const MISSING: Cell = { value: null, status: 'missing' };
const SECRET: Cell = { value: null, status: 'secret' };

/**
 * The demand of any area (or sum of areas) at one Stichtag.
 * @param coefficients supply units per person of each variable (factor × weight), or one factor
 *   for all of them
 * @param secret for the public: the secret area ids (and TOTAL) of a variable; none for planners
 * @example demandAt(nodes, counts, ['ew_u3'], 0.51)(12) // { value: 18.87, status: 'value' } for 37 children
 * @example demandAt(nodes, counts, ['ew_u3', 'ew_3_5'], [0.51, 0.97])(12) // 0.51 × 37 + 0.97 × 40
 */
export function demandAt(
  nodes: readonly TreeNode[],
  counts: CountsAtDate,
  variables: readonly string[],
  coefficients: number | readonly number[],
  secret?: (variable: string) => ReadonlySet<string>,
): (t: Target) => Cell {
  const aggregated = variables.map((v, i) => ({
    v,
    coefficient: typeof coefficients === 'number' ? coefficients : (coefficients[i] ?? 1),
    cells: aggregateUp(nodes as TreeNode[], (counts.get(v) ?? new Map()) as Map<number, Cell>),
  }));
  return (t) => {
    let sum = 0;
    let status: ValueStatus = 'value';
    let hidden = false;
    for (const { v, coefficient, cells } of aggregated) {
      const ids = typeof t === 'number' ? [t] : t;
      for (const id of ids) {
        const c = cells.get(id) ?? MISSING;
        if (c.value === null || c.status === 'missing' || c.status === 'secret') return MISSING;
        sum += coefficient * c.value;
        if (c.status === 'estimated') status = 'estimated';
      }
      if (secret?.(v).has(typeof t === 'number' ? String(t) : TOTAL)) hidden = true;
    }
    if (hidden) return SECRET;
    return { value: sum, status };
  };
}

/**
 * Rate and balance of one row: Versorgungsquote = supply / demand × 100 (null when the demand is
 * 0 or unknown), balance = supply − demand (negative: missing places).
 * @example rateAndBalance(45, 50) // { rate: 90, balance: -5 }
 */
export function rateAndBalance(
  supply: number | null,
  demand: number | null,
): { rate: number | null; balance: number | null } {
  if (supply === null || demand === null) return { rate: null, balance: null };
  return { rate: demand > 0 ? (supply / demand) * 100 : null, balance: supply - demand };
}

/** An area for the public spread of demand: its id, parent and size. */
export interface SpreadArea {
  id: number;
  parentId: number | null;
  areaM2: number;
}

/**
 * The demand per area of a level as the public may know it, for methods that spread demand over
 * a grid (floating catchments, walking distance): published demand as it is; a secret one from
 * what is public around it — the demand of its nearest ancestor with a published demand (the
 * city last) less the published or already estimated demand of the level's other areas inside
 * it, shared by area size among the secret ones. Computed from published cells only, so the
 * public results of the neighbours say nothing about the secret cells.
 * @param levelAreas the level's areas (their ids index `demand`)
 * @param tree every area, for the ancestors
 * @param demand the protected demand of an area id, or of the city (`'city'`)
 */
export function publicSpreadDemand(
  levelAreas: readonly SpreadArea[],
  tree: readonly SpreadArea[],
  demand: (target: number | 'city') => Cell,
): Float64Array {
  const parentOf = new Map(tree.map((a) => [a.id, a.parentId]));
  const ancestors = (id: number): number[] => {
    const out: number[] = [];
    for (let p = parentOf.get(id); p !== null && p !== undefined; p = parentOf.get(p)) out.push(p);
    return out;
  };
  const out = new Float64Array(levelAreas.length);
  const known = new Array<boolean>(levelAreas.length).fill(false);
  const groups = new Map<number | 'city', { depth: number; members: number[] }>();
  levelAreas.forEach((a, i) => {
    const own = demand(a.id);
    if (own.value !== null) {
      out[i] = own.value;
      known[i] = true;
      return;
    }
    const chain = ancestors(a.id);
    const depthOf = (k: number) => chain.length - k;
    const k = chain.findIndex((p) => demand(p).value !== null);
    const anchor: number | 'city' = k >= 0 ? chain[k]! : 'city';
    const g = groups.get(anchor) ?? { depth: k >= 0 ? depthOf(k) : -1, members: [] };
    g.members.push(i);
    groups.set(anchor, g);
  });
  // Deepest anchors first: a higher anchor's remainder then counts the lower estimates as known.
  const ordered = [...groups].sort((a, b) => b[1].depth - a[1].depth);
  for (const [anchor, g] of ordered) {
    const total = demand(anchor).value ?? 0;
    const inside = (i: number) => anchor === 'city' || ancestors(levelAreas[i]!.id).includes(anchor);
    let rest = total;
    levelAreas.forEach((_, i) => {
      if (known[i] && inside(i)) rest -= out[i]!;
    });
    const size = g.members.reduce((s, i) => s + Math.max(levelAreas[i]!.areaM2, 0), 0);
    for (const i of g.members) {
      const share = size > 0 ? Math.max(levelAreas[i]!.areaM2, 0) / size : 1 / g.members.length;
      out[i] = Math.max(0, rest) * share;
      known[i] = true;
    }
  }
  return out;
}
