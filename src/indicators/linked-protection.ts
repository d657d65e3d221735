/**
 * Disclosure control of everything the public sees at one Stichtag, as one linked system
 * (docs/methods.md §6; Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, §4.2 on linked
 * tables): every count variable behind a published indicator × every area of every level and the
 * whole city, linked by
 * - the hierarchy (a parent's count is the sum of its children's, the city the sum of the top
 *   level), for every variable;
 * - the identities between variables that the data satisfies in every area (`ew_u6 = ew_u3 +
 *   ew_3_5`, `ew = ew_u18 + ew_18_64 + ew_65plus`, …), learnt from the data itself because an
 *   attacker can learn them from published values just as well (see `disclosure/identities.ts`).
 *
 * Primary cells: counts 1 and 2 (zeros are published, as in BA practice), and every cell of an
 * area under the minimum population (the rate rule: an area of 164 inhabitants shows nothing,
 * not even counts). Secondary suppression over the whole system, then an independent LP audit;
 * primary cells must keep an attacker interval at least `minWidth` wide and at least
 * `relativeWidth` × value (so a count of 1 lies somewhere in [0, ≥3], and a rate of a small area
 * is uncertain by ±20 % or more); every other secret cell at least `minWidth` wide too, so that
 * knowing counts are whole numbers does not pin it down.
 *
 * Every public value is then computed from cells that are published here, so nothing published
 * adds information beyond this system: rates from published numerator and denominator, changes
 * and trends only where every Stichtag involved is published. Stichtage are therefore protected
 * one by one — no published value links two of them.
 */
import { protectTable, type ProtectionResult } from '../disclosure/protect.ts';
import { findSumIdentities, type SumIdentity } from '../disclosure/identities.ts';
import type { SdcCell, SdcConstraint, SdcTable } from '../disclosure/table.ts';
import type { Cell } from '../core/value-status.ts';
import { aggregateUp, type TreeNode } from './aggregate.ts';
import { DEFAULT_RULES, type DisclosureRules } from './disclosure.ts';

/** Cell id part of the whole city (the sum of all top-level areas). */
export const TOTAL = '__total';

/** Secret area ids (as strings, and TOTAL for the whole city) of a variable at a Stichtag. */
export type SecretCells = (variable: string, date: string) => Set<string>;

/** The protection margin of primary cells (see module comment). */
export interface ProtectionMargin {
  minWidth: number;
  relativeWidth: number;
}

export const DEFAULT_MARGIN: ProtectionMargin = { minWidth: 3, relativeWidth: 0.4 };

/** The protected pattern of one Stichtag. */
export interface ProtectedDate {
  /** Secret area ids (as strings, and TOTAL) per variable. */
  secret: Map<string, Set<string>>;
  /** The primary ones among them (the others are secret to protect these). */
  primarySecret: Map<string, Set<string>>;
  /** Cells in the linked system, primary and secondary secret ones. */
  cells: number;
  primary: number;
  /** Primary cells of areas under the minimum population. */
  smallArea: number;
  secondary: number;
  identities: SumIdentity[];
  /** Identities in the data that have no sum form and are not modelled (0 in a sound system). */
  unexplained: number;
  milliseconds: number;
}

/** Variable → area id → own observation, at one Stichtag. */
export type DateCounts = Map<string, Map<number, Cell>>;

const usable = (c: Cell | undefined): c is Cell & { value: number } =>
  c !== undefined && c.value !== null && (c.status === 'value' || c.status === 'estimated');

const id = (variable: string, node: string) => `${variable}|${node}`;

/**
 * Where the minimum-population rule reads the population: a variable among the counts, or, for a
 * Stichtag without population counts of its own, the counts of the population Stichtag used in its
 * place (`populationDate` in calculator.ts). Those stay out of the system's cells: they are not
 * published at this Stichtag.
 */
export type PopulationSource = string | { counts: Map<number, Cell> };

/** The linked system of one Stichtag, before protection. */
export interface LinkedSystem {
  table: SdcTable;
  /** Primary cells of small areas (the frequency rule comes on top), with their reasons. */
  smallAreaCells: Map<string, string>;
  identities: SumIdentity[];
  unexplained: number;
}

/**
 * Builds the linked system of one Stichtag: cells `variable|areaId` (and `variable|__total`),
 * the hierarchy of every variable and the identities between variables at every area.
 * @param population the variable whose count decides the minimum-population rule (`ew`), or the
 *   population of another Stichtag (see PopulationSource)
 * @example linkedSystem(nodes, counts, 'ew').table.constraints // [{ total: 'ew|__total', parts: ['ew|1', 'ew|2'] }, …]
 */
export function linkedSystem(
  nodes: readonly TreeNode[],
  counts: DateCounts,
  population: PopulationSource,
  rules: DisclosureRules = DEFAULT_RULES,
): LinkedSystem {
  const children = new Map<string, string[]>();
  const keys = [TOTAL, ...nodes.map((n) => String(n.id))];
  for (const n of nodes) {
    const parent = n.parentId === null ? TOTAL : String(n.parentId);
    const list = children.get(parent);
    if (list) list.push(String(n.id));
    else children.set(parent, [String(n.id)]);
  }
  const variables = [...counts.keys()].sort();

  // Every area's count: its own where delivered, else the sum of its children (aggregate.ts);
  // the city the sum of the top level. Unusable cells (missing, delivered secret) stay out.
  const byNodeOf = (own: Map<number, Cell>) => {
    const agg = aggregateUp(nodes as TreeNode[], own);
    const byNode = new Map<string, number>();
    for (const [nodeId, c] of agg) if (usable(c)) byNode.set(String(nodeId), c.value);
    const tops = children.get(TOTAL) ?? [];
    if (tops.length && tops.every((t) => byNode.has(t)))
      byNode.set(
        TOTAL,
        tops.reduce((s, t) => s + byNode.get(t)!, 0),
      );
    return byNode;
  };
  const values = new Map<string, Map<string, number>>();
  for (const v of variables) values.set(v, byNodeOf(counts.get(v)!));

  const cells: SdcCell[] = [];
  for (const v of variables)
    for (const [node, value] of values.get(v)!) cells.push({ id: id(v, node), value: Math.max(0, value) });
  const constraints: SdcConstraint[] = [];
  const holds = (total: number, parts: number[]) =>
    Math.abs(total - parts.reduce((s, p) => s + p, 0)) <= 1e-9 * Math.max(1, Math.abs(total));

  for (const v of variables) {
    const byNode = values.get(v)!;
    for (const [parent, kids] of children) {
      const total = byNode.get(parent);
      const parts = kids.map((k) => byNode.get(k));
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      // A parent delivered with its own count that differs from its children's sum is no
      // identity an attacker could use.
      if (!holds(total, parts as number[])) continue;
      constraints.push({ total: id(v, parent), parts: kids.map((k) => id(v, k)) });
    }
  }

  const leaves = keys.filter((k) => k !== TOTAL && !children.has(k));
  const complete = leaves.filter((k) => variables.every((v) => values.get(v)!.has(k)));
  const search = findSumIdentities(
    variables,
    complete.map((k) => variables.map((v) => values.get(v)!.get(k)!)),
  );
  for (const identity of search.identities) {
    for (const node of keys) {
      const total = values.get(identity.total)!.get(node);
      const parts = identity.parts.map((p) => values.get(p)!.get(node));
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      if (!holds(total, parts as number[])) continue;
      constraints.push({
        total: id(identity.total, node),
        parts: identity.parts.map((p) => id(p, node)),
      });
    }
  }

  // Areas under the minimum population (or without a known population) publish no cell at all.
  const people =
    typeof population === 'string'
      ? (values.get(population) ?? new Map<string, number>())
      : byNodeOf(population.counts);
  const primary = new Map<string, string>();
  for (const node of keys) {
    const n = people.get(node);
    if (n !== undefined && n >= rules.minPopulation) continue;
    const reason =
      n === undefined
        ? 'Einwohnerzahl unbekannt'
        : `Gebiet mit weniger als ${rules.minPopulation} Einwohnern`;
    for (const v of variables) if (values.get(v)!.has(node)) primary.set(id(v, node), reason);
  }

  return {
    table: { cells, constraints },
    smallAreaCells: primary,
    identities: search.identities,
    unexplained: search.unexplained,
  };
}

/**
 * Protects one Stichtag of all public count variables together.
 * @param population the variable whose count decides the minimum-population rule (`ew`), or the
 *   population of another Stichtag (see PopulationSource)
 */
export async function protectDate(
  nodes: readonly TreeNode[],
  counts: DateCounts,
  population: PopulationSource,
  rules: DisclosureRules = DEFAULT_RULES,
  margin: ProtectionMargin = DEFAULT_MARGIN,
): Promise<ProtectedDate> {
  const start = performance.now();
  const system = linkedSystem(nodes, counts, population, rules);
  const result: ProtectionResult = await protectTable(system.table, {
    frequency: { threshold: rules.minCount },
    primary: system.smallAreaCells,
    requirement: {
      minWidth: margin.minWidth,
      relativeWidth: margin.relativeWidth,
      othersMinWidth: margin.minWidth,
    },
    intervals: false,
  });
  const byVariable = () => new Map([...counts.keys()].map((v) => [v, new Set<string>()]));
  const secret = byVariable();
  const primarySecret = byVariable();
  for (const [cellId, status] of result.status) {
    if (status !== 'secret') continue;
    const cut = cellId.indexOf('|');
    const [variable, area] = [cellId.slice(0, cut), cellId.slice(cut + 1)];
    secret.get(variable)!.add(area);
    if (result.primary.has(cellId)) primarySecret.get(variable)!.add(area);
  }
  return {
    secret,
    primarySecret,
    cells: system.table.cells.length,
    primary: result.audit.primary,
    smallArea: system.smallAreaCells.size,
    secondary: result.audit.secondary,
    identities: system.identities,
    unexplained: system.unexplained,
    milliseconds: performance.now() - start,
  };
}
