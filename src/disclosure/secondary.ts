/**
 * Secondary suppression (sekundäre Geheimhaltung): hide further cells until no suppressed value
 * can be recomputed from the published ones.
 *
 * A greedy heuristic in the spirit of sdcTable's SIMPLEHEURISTIC and HITAS (de Wolf,
 * "HiTaS: a heuristic approach to cell suppression in hierarchical tables", 2002; Meindl,
 * sdcTable documentation), followed by the LP attacker check that SIMPLEHEURISTIC alone lacks:
 *
 * 1. Structural rule: while a constraint has exactly one suppressed member, suppress one more —
 *    another part if there is one (a total only for a constraint with a single part), the
 *    cheapest by weight (default: value), so small cells go first. Zeros are taken only when
 *    nothing else is left: an attacker's interval can only widen upwards from 0. The cost of a
 *    candidate includes a look-ahead: a constraint of the candidate with no suppression yet
 *    will need a partner too (its cheapest member is added to the cost), one with exactly one
 *    suppression is fixed on the way (subtracted).
 * 2. LP audit ({@link Auditor}); for each disclosed cell (exactly recomputable, or a sensitive
 *    cell missing the protection requirement) suppress the cheapest candidate from its own
 *    constraints, widen to the constraints of its group if there is none, and repeat from 1.
 *
 * Every round adds at least one cell, so the loop ends — at worst with every cell of the
 * affected constraints suppressed. If a disclosed cell has no candidate left, it throws
 * {@link UnprotectableError}.
 */
import { Auditor, maskOf, type AuditOptions, type ProtectionRequirement } from './audit.ts';
import { loadSolver } from './lp.ts';
import { UnprotectableError } from './messages.ts';
import { indexTable, type TableIndex } from './table-index.ts';
import type { SdcTable } from './table.ts';

export interface SecondaryOptions extends AuditOptions {
  /** Protection for the sensitive cells beyond non-recomputability (default none). */
  requirement?: ProtectionRequirement;
  /** Cells the requirement applies to (default: the primary cells). */
  sensitive?: Iterable<string>;
}

export interface SecondaryResult {
  /** Primary and secondary cells. */
  suppressed: Set<string>;
  /** Secondary cells in the order they were added. */
  secondary: string[];
  /** Added by the structural rule / after an LP audit. */
  structural: number;
  audited: number;
  /** LP audit rounds (the last one finds nothing). */
  rounds: number;
  lpSolves: number;
}

/**
 * Secondary suppression for a primary pattern.
 * @example const { secondary } = await secondarySuppression(fixtureTable, fixturePrimary) // ['w|d']
 */
export async function secondarySuppression(
  table: SdcTable,
  primary: Iterable<string>,
  options: SecondaryOptions = {},
): Promise<SecondaryResult> {
  const index = indexTable(table);
  const auditor = new Auditor(await loadSolver(), index, options, options.requirement);
  const primaryMask = maskOf(index, primary);
  const sensitive = options.sensitive ? maskOf(index, options.sensitive) : primaryMask;
  const run = suppressSecondary(index, auditor, primaryMask, sensitive);
  return {
    suppressed: new Set(index.ids.filter((_, i) => run.suppressed[i])),
    secondary: run.added.map((i) => index.ids[i]!),
    structural: run.structural,
    audited: run.audited,
    rounds: run.rounds,
    lpSolves: auditor.lpSolves,
  };
}

/** The heuristic on an indexed table; `auditor` may be reused afterwards for the final audit. */
export function suppressSecondary(
  index: TableIndex,
  auditor: Auditor,
  primary: Uint8Array,
  sensitive: Uint8Array,
): { suppressed: Uint8Array; added: number[]; structural: number; audited: number; rounds: number } {
  const state = new SuppressionState(index, primary);
  let structural = state.closeStructurally();
  let audited = 0;
  let rounds = 0;
  for (;;) {
    rounds++;
    const disclosed = auditor.violations(state.suppressed, sensitive);
    if (!disclosed.length) break;
    const touched = new Set<number>();
    const stuck: number[] = [];
    for (const d of disclosed) {
      if (index.memberOf[d]!.some((k) => touched.has(k))) continue;
      const c = state.repairCandidate(d);
      if (c < 0) {
        stuck.push(d);
        continue;
      }
      state.add(c);
      audited++;
      for (const k of index.memberOf[c]!) touched.add(k);
    }
    if (!touched.size) throw new UnprotectableError(stuck.map((i) => index.ids[i]!));
    structural += state.closeStructurally();
  }
  return { suppressed: state.suppressed, added: state.added, structural, audited, rounds };
}

class SuppressionState {
  readonly suppressed: Uint8Array;
  readonly added: number[] = [];
  /** Suppressed members per constraint. */
  private readonly count: Int32Array;
  private queue: number[] = [];

  constructor(
    private readonly index: TableIndex,
    primary: Uint8Array,
  ) {
    this.suppressed = Uint8Array.from(primary);
    this.count = new Int32Array(index.totals.length);
    index.parts.forEach((parts, k) => {
      let n = this.suppressed[index.totals[k]!]!;
      for (const p of parts) n += this.suppressed[p]!;
      this.count[k] = n;
      if (n === 1) this.queue.push(k);
    });
  }

  add(c: number): void {
    this.suppressed[c] = 1;
    this.added.push(c);
    for (const k of this.index.memberOf[c]!) {
      const n = this.count[k]! + 1;
      this.count[k] = n;
      if (n === 1) this.queue.push(k);
    }
  }

  /** Applies the structural rule until every constraint has 0 or ≥ 2 suppressed members. */
  closeStructurally(): number {
    let n = 0;
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      for (const k of batch) {
        if (this.count[k] !== 1) continue;
        const lone = this.members(k).find((m) => this.suppressed[m])!;
        const c = this.cheapest(this.partners(k, lone), k);
        // A constraint has ≥ 2 members, so with one suppressed there is always a partner.
        this.add(c);
        n++;
      }
    }
    return n;
  }

  /**
   * Cheapest cell whose suppression gives the disclosed cell `d` another degree of freedom:
   * a part of one of its constraints, else a total, else any member of its group's constraints.
   */
  repairCandidate(d: number): number {
    const { totals, parts, memberOf } = this.index;
    const tiers = [
      memberOf[d]!.flatMap((k) =>
        [...parts[k]!].filter((p) => p !== d && !this.suppressed[p]).map((p) => [p, k] as const),
      ),
      memberOf[d]!.map((k) => [totals[k]!, k] as const).filter(([t]) => t !== d && !this.suppressed[t]),
    ];
    for (const tier of tiers) if (tier.length) return this.cheapestPair(tier);
    return this.cheapestPair(this.groupCandidates(d).map((c) => [c, -1] as const));
  }

  /** Unsuppressed members of constraint `k` that can pair with its member `m`: parts first. */
  private partners(k: number, m: number): number[] {
    const total = this.index.totals[k]!;
    const parts = [...this.index.parts[k]!].filter((p) => p !== m && !this.suppressed[p]);
    if (parts.length || m === total) return parts;
    return this.suppressed[total] ? [] : [total];
  }

  private members(k: number): number[] {
    return [this.index.totals[k]!, ...this.index.parts[k]!];
  }

  /** Unsuppressed members of every constraint touching the suppressed group of `d`. */
  private groupCandidates(d: number): number[] {
    const seen = new Set<number>([d]);
    const out = new Set<number>();
    const stack = [d];
    const visited = new Set<number>();
    while (stack.length) {
      const cell = stack.pop()!;
      for (const k of this.index.memberOf[cell]!) {
        if (visited.has(k)) continue;
        visited.add(k);
        for (const m of this.members(k)) {
          if (!this.suppressed[m]) out.add(m);
          else if (!seen.has(m)) {
            seen.add(m);
            stack.push(m);
          }
        }
      }
    }
    return [...out];
  }

  private cheapest(candidates: readonly number[], from: number): number {
    return this.cheapestPair(candidates.map((c) => [c, from] as const));
  }

  /** Lowest look-ahead cost; non-zero cells before zeros; ties by index. −1 if none. */
  private cheapestPair(candidates: readonly (readonly [cell: number, from: number])[]): number {
    let best = -1;
    let bestZero = true;
    let bestScore = Infinity;
    for (const [c, from] of candidates) {
      const zero = this.index.values[c] === 0;
      if (zero && !bestZero) continue;
      const score = this.score(c, from);
      if ((bestZero && !zero) || score < bestScore || (score === bestScore && c < best)) {
        best = c;
        bestZero = zero;
        bestScore = score;
      }
    }
    return best;
  }

  private score(c: number, from: number): number {
    let score = this.index.costs[c]!;
    for (const k of this.index.memberOf[c]!) {
      if (k === from) continue;
      if (this.count[k] === 0) score += this.followUp(k, c);
      else if (this.count[k] === 1) score -= this.followUp(k, c);
    }
    return score;
  }

  /** Cost of the partner that constraint `k` would need if `c` were suppressed. */
  private followUp(k: number, c: number): number {
    let best = Infinity;
    let bestZero = Infinity;
    for (const m of this.partners(k, c)) {
      const cost = this.index.costs[m]!;
      if (this.index.values[m] === 0) bestZero = Math.min(bestZero, cost);
      else best = Math.min(best, cost);
    }
    const value = Number.isFinite(best) ? best : bestZero;
    return Number.isFinite(value) ? value : 0;
  }
}
