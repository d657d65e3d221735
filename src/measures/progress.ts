/**
 * Progress of goals and measures (docs/methods.md §9.1): a goal's progress is the share of the way
 * from its baseline to its target the latest value has gone; a measure's is the mean of its goals'
 * (each capped to 0–100 %); a programme's or field of action's is the weighted mean of its
 * children's — so one overshooting goal cannot hide another that went the wrong way.
 */

/**
 * Share of the way from baseline to target (1 = reached; negative = the wrong way; above 1 =
 * beyond the target); null without a current value.
 * @example goalProgress(20, 15, 18) // 0.4
 */
export function goalProgress(baseline: number, target: number, current: number | null): number | null {
  if (current === null || target === baseline) return null;
  return (current - baseline) / (target - baseline);
}

/** Progress capped to 0–1 for means: the way done, neither negative nor more than all of it. */
export const capped = (p: number) => Math.min(1, Math.max(0, p));

export interface ProgressNode {
  id: number;
  parentId: number | null;
  weight: number;
  /** Progress of the node's own goals (mean of the capped goal progresses); null: none. */
  own: number | null;
}

/**
 * Progress of every node: its own goals where it has some, else the weighted mean of its
 * children's progress (children without progress left out); null where nothing below has any.
 * @example rollUp([{id:1,parentId:null,weight:1,own:null},{id:2,parentId:1,weight:3,own:1},{id:3,parentId:1,weight:1,own:0}]).get(1) // 0.75
 */
export function rollUp(nodes: readonly ProgressNode[]): Map<number, number | null> {
  const children = new Map<number, ProgressNode[]>();
  for (const n of nodes)
    if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out = new Map<number, number | null>();
  const visit = (n: ProgressNode): number | null => {
    if (out.has(n.id)) return out.get(n.id)!;
    let p = n.own;
    if (p === null) {
      let sum = 0;
      let weights = 0;
      for (const c of children.get(n.id) ?? []) {
        const cp = visit(c);
        if (cp === null) continue;
        sum += c.weight * cp;
        weights += c.weight;
      }
      p = weights > 0 ? sum / weights : null;
    }
    out.set(n.id, p);
    return p;
  };
  for (const n of nodes) visit(n);
  return out;
}

export const STATUSES = [
  'idee',
  'vorschlag',
  'beschlossen',
  'in_umsetzung',
  'abgeschlossen',
  'bewertet',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The workflow: one step forward, or back to an earlier stage before the decision (an idea may be
 * reworked; a decided measure is not undecided, it is closed or evaluated).
 * @example nextStatuses('vorschlag') // ['beschlossen', 'idee']
 */
export function nextStatuses(from: Status): Status[] {
  const i = STATUSES.indexOf(from);
  const forward = STATUSES[i + 1];
  const back = i <= 1 ? STATUSES.slice(0, i) : [];
  return [...(forward ? [forward] : []), ...back];
}

/** Whether the public sees a measure: decided ones (the accountability view). */
export const isPublic = (status: Status) => STATUSES.indexOf(status) >= STATUSES.indexOf('beschlossen');
