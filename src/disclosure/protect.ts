/**
 * The disclosure-control step that services run before publishing a table (docs/methods.md §6):
 * primary suppression (frequency rule and any given primary cells) → secondary suppression →
 * an independent final LP audit of every suppressed cell. If the final audit still finds a
 * recomputable cell, it throws {@link ResidualDisclosureError} and nothing may be published.
 *
 * Defaults: threshold 3, zeros published (`suppressZero: false`), protection = not exactly
 * recomputable (interval width ≥ 10⁻⁶·max(1, value)), no attacker caps beyond ≥ 0.
 * Secret values are shown as "·" by the presenters; `published` carries `null` for them.
 */
import {
  Auditor,
  isProtected,
  type AuditOptions,
  type Interval,
  type ProtectionRequirement,
} from './audit.ts';
import { loadSolver } from './lp.ts';
import { ResidualDisclosureError, reasons as texts, tableError } from './messages.ts';
import { frequencyRule, type FrequencyRuleOptions } from './primary.ts';
import { suppressSecondary } from './secondary.ts';
import { indexTable } from './table-index.ts';
import type { SdcTable } from './table.ts';

export interface ProtectionRules extends AuditOptions {
  /** Frequency rule options, or `false` to rely on `primary` only. Default `{ threshold: 3 }`. */
  frequency?: FrequencyRuleOptions | false;
  /** Further primary suppressions with their reasons (dominance, manual, rate rules …). */
  primary?: ReadonlyMap<string, string>;
  /** Protection of primary cells beyond non-recomputability (default none). */
  requirement?: ProtectionRequirement;
  /**
   * Final audit with exact intervals of every suppressed cell (default true, two LPs per cell
   * at most). `false` runs the same check as a decision only — equally rigorous, it stops as
   * soon as consistent tables show a cell is safe — several times faster when many cells are
   * secret, and leaves `audit.intervals` empty.
   */
  intervals?: boolean;
}

export interface ProtectionAudit {
  /** Attacker intervals of all suppressed cells from the final audit (empty with `intervals: false`). */
  intervals: Map<string, Interval>;
  primary: number;
  secondary: number;
  /** LP audit rounds of secondary suppression and LPs solved in total (incl. final audit). */
  rounds: number;
  lpSolves: number;
  milliseconds: { primary: number; secondary: number; audit: number; total: number };
}

export interface ProtectionResult {
  /** Value, or `null` when secret. */
  published: Map<string, number | null>;
  status: Map<string, 'value' | 'secret'>;
  /** German reason for every secret cell. */
  reasons: Map<string, string>;
  /** Cells secret by a primary rule (the others are secondary). */
  primary: ReadonlySet<string>;
  audit: ProtectionAudit;
}

/**
 * Protects a linked table for publication.
 * @example
 * const { published, reasons } = await protectTable(crossTable(areas, groups, counts));
 * published.get('sr-04|w_85+') // null
 * reasons.get('sr-04|w_85+')   // 'Fallzahl unter 3'
 */
export async function protectTable(table: SdcTable, rules: ProtectionRules = {}): Promise<ProtectionResult> {
  const start = performance.now();
  const index = indexTable(table);
  const reasons = new Map<string, string>(
    rules.frequency === false ? [] : frequencyRule(table.cells, rules.frequency ?? {}),
  );
  for (const [id, reason] of rules.primary ?? []) if (!reasons.has(id)) reasons.set(id, reason);
  const primaryIds = [...reasons.keys()];
  const primary = new Uint8Array(index.ids.length);
  for (const id of primaryIds) {
    const i = index.position.get(id);
    if (i === undefined) {
      throw tableError('unknown_cell', `Primär gesperrte Zelle „${id}“ gibt es nicht.`, { id });
    }
    primary[i] = 1;
  }
  const afterPrimary = performance.now();

  // Nothing secret, nothing to audit: do not even load the solver.
  if (!primaryIds.length) return publishAll(index.ids, index.values, afterPrimary - start);
  const highs = await loadSolver();
  const auditor = new Auditor(highs, index, rules, rules.requirement);
  const run = suppressSecondary(index, auditor, primary, primary);
  for (const c of run.added) reasons.set(index.ids[c]!, texts.secondary());
  const afterSecondary = performance.now();

  // Independent final audit: a fresh auditor, no decisions cached from secondary suppression.
  const final = new Auditor(highs, index, rules, rules.requirement);
  const intervals = new Map<string, Interval>();
  const residual: { id: string; lower?: number; upper?: number }[] = [];
  if (rules.intervals === false) {
    for (const cell of final.violations(run.suppressed, primary)) {
      residual.push({ id: index.ids[cell]! });
    }
  } else {
    for (const [cell, interval] of final.intervals(run.suppressed)) {
      const id = index.ids[cell]!;
      intervals.set(id, interval);
      const sensitive = primary[cell] === 1;
      const ok = isProtected(interval, index.values[cell]!, {
        sensitive,
        requirement: rules.requirement,
        epsilon: rules.epsilon,
      });
      if (!ok) residual.push({ id, ...interval });
    }
  }
  if (residual.length) throw new ResidualDisclosureError(residual);
  const end = performance.now();

  const published = new Map<string, number | null>();
  const status = new Map<string, 'value' | 'secret'>();
  index.ids.forEach((id, i) => {
    const secret = run.suppressed[i] === 1;
    published.set(id, secret ? null : index.values[i]!);
    status.set(id, secret ? 'secret' : 'value');
  });
  return {
    published,
    status,
    reasons,
    primary: new Set(primaryIds),
    audit: {
      intervals,
      primary: primaryIds.length,
      secondary: run.added.length,
      rounds: run.rounds,
      lpSolves: auditor.lpSolves + final.lpSolves,
      milliseconds: {
        primary: afterPrimary - start,
        secondary: afterSecondary - afterPrimary,
        audit: end - afterSecondary,
        total: end - start,
      },
    },
  };
}

function publishAll(ids: readonly string[], values: Float64Array, ms: number): ProtectionResult {
  return {
    published: new Map(ids.map((id, i) => [id, values[i]!])),
    status: new Map(ids.map((id) => [id, 'value'])),
    reasons: new Map(),
    primary: new Set(),
    audit: {
      intervals: new Map(),
      primary: 0,
      secondary: 0,
      rounds: 0,
      lpSolves: 0,
      milliseconds: { primary: ms, secondary: 0, audit: 0, total: ms },
    },
  };
}
