/**
 * Minimum number of answers (Mindestfallzahl) for survey results by area: the areas of the survey
 * level are split into cells, each with at least `min` answers — an area with enough answers
 * alone, the others merged within their parent („zusammengefasst“), and where those together
 * stay below the minimum, with the smallest areas of the parent that would have been shown alone.
 * A parent whose areas together stay below the minimum hands them on to its own parent.
 *
 * Every published figure is then a sum of whole cells: an area, or a parent, is shown only when
 * no cell reaches across its border. So no sum or difference of published figures (district minus
 * the areas shown, city minus districts) isolates fewer than `min` answers — the differencing
 * attack on hierarchical tables (Hundepool et al., Statistical Disclosure Control, 2012, §5.4).
 * Cells of areas without any answer may stay below the minimum: they reveal no answer.
 */

export interface Leaf {
  id: number;
  /** Parent area id; null at the top. */
  parentId: number | null;
  /** Answers located in the area. */
  n: number;
}

export interface SmallAreaCell {
  /** The area the cell belongs to: the leaf itself, or the parent it is merged within. */
  owner: number;
  leaves: number[];
  n: number;
  /** True when the whole survey has fewer than `min` answers: nothing is shown. */
  belowMin: boolean;
}

export interface Protection {
  cells: SmallAreaCell[];
  /** Leaves and ancestors whose own figure may be shown. */
  shown: Set<number>;
}

/**
 * Cells of the leaves under the minimum, and which areas may be shown.
 * @param leaves the areas of the survey level with their number of answers
 * @param parentOf parent of every ancestor area (null at the top)
 * @param min the minimum number of answers per shown figure
 * @example
 * // district 10 with areas 1 (n=12), 2 (n=11), 3 (n=2): area 3 alone would be district − 1 − 2,
 * // so the smallest shown area (2) joins it: cells [1], [2, 3]; shown: 1, 10
 * protectSmallAreas([{id:1,parentId:10,n:12},{id:2,parentId:10,n:11},{id:3,parentId:10,n:2}], new Map([[10,null]]), 10)
 */
export function protectSmallAreas(
  leaves: Leaf[],
  parentOf: Map<number, number | null>,
  min: number,
): Protection {
  const children = new Map<number | null, number[]>();
  const add = (parent: number | null, id: number) => {
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  };
  for (const l of leaves) add(l.parentId, l.id);
  for (const [id, parent] of parentOf) add(parent, id);
  const leafN = new Map(leaves.map((l) => [l.id, l.n]));
  const cells: SmallAreaCell[] = [];
  const cellOf = new Map<number, SmallAreaCell>();
  const sum = (ids: number[]) => ids.reduce((s, id) => s + (leafN.get(id) ?? 0), 0);
  const close = (owner: number, ids: number[], belowMin = false) => {
    const cell = { owner, leaves: ids, n: sum(ids), belowMin };
    cells.push(cell);
    for (const id of ids) cellOf.set(id, cell);
  };

  /** Returns the leaves under `id` not yet in a cell, and the shown leaves one could add. */
  const visit = (id: number): { pending: number[]; alone: number[] } => {
    if (leafN.has(id)) {
      if (leafN.get(id)! >= min) {
        close(id, [id]);
        return { pending: [], alone: [id] };
      }
      return { pending: [id], alone: [] };
    }
    const pending: number[] = [];
    const alone: number[] = [];
    for (const c of children.get(id) ?? []) {
      const r = visit(c);
      pending.push(...r.pending);
      alone.push(...r.alone);
    }
    return settle(id, pending, alone);
  };

  const settle = (owner: number, pending: number[], alone: number[]) => {
    if (!pending.length) return { pending, alone };
    let total = sum(pending);
    if (total === 0 || total >= min) {
      close(owner, pending);
      return { pending: [], alone };
    }
    // the smallest areas shown alone join, so the merged figure reaches the minimum
    const byN = [...alone].sort((a, b) => leafN.get(a)! - leafN.get(b)! || a - b);
    const joined: number[] = [];
    while (total < min && byN.length) {
      const next = byN.shift()!;
      joined.push(next);
      total += leafN.get(next)!;
    }
    if (total < min) return { pending: [...pending, ...joined], alone: [] };
    for (const j of joined) {
      const single = cellOf.get(j)!;
      cells.splice(cells.indexOf(single), 1);
    }
    close(owner, [...pending, ...joined]);
    return { pending: [], alone: alone.filter((a) => !joined.includes(a)) };
  };

  const tops = children.get(null) ?? [];
  const rest = { pending: [] as number[], alone: [] as number[] };
  for (const t of tops) {
    const r = visit(t);
    rest.pending.push(...r.pending);
    rest.alone.push(...r.alone);
  }
  // several tops (no city level): what they leave is merged across them, else nothing is shown
  if (rest.pending.length) {
    const owner = tops.length === 1 ? tops[0]! : -1;
    const left = settle(owner, rest.pending, rest.alone);
    if (left.pending.length) {
      cells.length = 0;
      close(
        owner,
        leaves.map((l) => l.id),
        true,
      );
    }
  }

  // an area is shown when no cell reaches across its border: every area between a cell's leaf
  // and the cell's owner holds part of the cell only
  const parentOfLeaf = new Map(leaves.map((l) => [l.id, l.parentId]));
  const up = (id: number) => (parentOfLeaf.has(id) ? parentOfLeaf.get(id)! : (parentOf.get(id) ?? null));
  const blocked = new Set<number>();
  for (const cell of cells)
    for (const leaf of cell.leaves)
      for (let a: number | null = leaf; a !== null && (cell.belowMin || a !== cell.owner); a = up(a))
        blocked.add(a);
  const shown = new Set([...parentOfLeaf.keys(), ...parentOf.keys()].filter((id) => !blocked.has(id)));
  return { cells, shown };
}
