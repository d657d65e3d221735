/*
 * Helpers shared by the disclosure-control tests (not used by the core itself): the sdcTable
 * fixture, a seeded random source and generated city tables.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  crossTable,
  flatDimension,
  hierarchyDimension,
  hierarchyTable,
  productTable,
  type SdcTable,
  type TreeNode,
} from './table.ts';

interface FixtureFile {
  table: { rows: string[]; cols: string[]; cells: Record<string, Record<string, number>> };
  primary_suppressions: string[];
  expected: {
    lp_bounds_primary_only: Record<string, [number, number]>;
    after_protection_attack_on_w_b?: unknown;
    'single_extra_cells_that_give_w|b_[0,141]': string[];
  };
}

/** The 4×4 table of sdcTable's SIMPLEHEURISTIC test (../shared/data, read from the repo root). */
export function loadFixture() {
  const path = resolve(process.cwd(), '../shared/data/sdctable-simpleheuristic/fixture.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as FixtureFile;
  const { rows, cols, cells } = file.table;
  const table = crossTable(rows, cols, (id) => {
    const [r = '', c = ''] = id.split('|');
    return cells[r]?.[c];
  });
  return {
    table,
    primary: file.primary_suppressions,
    bounds: file.expected.lp_bounds_primary_only,
    singleExtras: file.expected['single_extra_cells_that_give_w|b_[0,141]'],
  };
}

/** mulberry32: a tiny seeded generator, enough for test data. */
export function seeded(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson variate: Knuth below 30, rounded normal approximation above. */
export function poisson(rng: () => number, lambda: number): number {
  if (lambda < 30) {
    const l = Math.exp(-lambda);
    let k = 0;
    for (let p = rng(); p > l; p *= rng()) k++;
    return k;
  }
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
}

/** Stadt → `districts` Stadtbezirke → `areas` Sozialräume spread evenly over the districts. */
export function cityTree(districts: number, areas: number): TreeNode[] {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const tree: TreeNode[] = [{ id: 'stadt', parent: null }];
  for (let d = 0; d < districts; d++) tree.push({ id: `b${pad(d + 1, 2)}`, parent: 'stadt' });
  for (let a = 0; a < areas; a++) {
    tree.push({ id: `sr${pad(a + 1, 3)}`, parent: `b${pad(Math.floor((a * districts) / areas) + 1, 2)}` });
  }
  return tree;
}

/** 10 age bands × 2 sexes with German age-structure shares. */
export const AGE_SEX_GROUPS: { key: string; share: number }[] = (
  [
    ['0-5', 0.055],
    ['6-9', 0.035],
    ['10-17', 0.075],
    ['18-24', 0.075],
    ['25-34', 0.13],
    ['35-44', 0.125],
    ['45-54', 0.13],
    ['55-64', 0.15],
    ['65-79', 0.16],
    ['80+', 0.065],
  ] as const
).flatMap(([age, share]) => [
  { key: `m_${age}`, share: share * (age === '80+' ? 0.38 : 0.5) },
  { key: `w_${age}`, share: share * (age === '80+' ? 0.62 : 0.5) },
]);

/**
 * Inhabitants by Sozialraum (lognormal sizes, a few tiny areas) for a city of `persons`.
 * Leaves of the tree only.
 */
export function areaPopulations(
  rng: () => number,
  tree: readonly TreeNode[],
  persons: number,
): Map<string, number> {
  const parents = new Set(tree.map((n) => n.parent));
  const leaves = tree.filter((n) => !parents.has(n.id)).map((n) => n.id);
  const weights = leaves.map(() => {
    if (rng() < 0.04) return 0.02 + 0.1 * rng();
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    return Math.exp(0.7 * z);
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  return new Map(leaves.map((id, i) => [id, Math.round((persons * weights[i]!) / sum)]));
}

/**
 * Area hierarchy × age/sex groups with margins, Poisson counts around each area's structure
 * (ids `sr001|w_80+`, margins `sr001|*`, `b01|m_0-5`, `stadt|*`).
 */
export function populationTable(
  rng: () => number,
  tree: readonly TreeNode[],
  persons: number,
  groups: readonly { key: string; share: number }[] = AGE_SEX_GROUPS,
): SdcTable {
  const counts = new Map<string, number>();
  for (const [area, population] of areaPopulations(rng, tree, persons)) {
    const tilt = groups.map((g) => g.share * Math.exp(0.4 * (rng() - 0.5) * 2));
    const norm = tilt.reduce((s, t) => s + t, 0);
    groups.forEach((g, i) => counts.set(`${area}|${g.key}`, poisson(rng, (population * tilt[i]!) / norm)));
  }
  return productTable(hierarchyDimension(tree), flatDimension(groups.map((g) => g.key)), (id) =>
    counts.get(id),
  );
}

/** A one-dimensional hierarchy table with random counts, some of them small. */
export function randomHierarchy(rng: () => number, districts: number, areasPerDistrict: number): SdcTable {
  const tree = cityTree(districts, districts * areasPerDistrict);
  const values = new Map<string, number>();
  for (const node of tree) {
    if (!node.id.startsWith('sr')) continue;
    values.set(node.id, rng() < 0.12 ? Math.floor(rng() * 3) : 3 + Math.floor(rng() * 400));
  }
  return hierarchyTable(tree, values);
}
