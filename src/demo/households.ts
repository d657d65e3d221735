import type { Rng } from './rng.ts';

/** Household counts of one Sozialraum, as published (`hh`, `hh_1p`, …). */
export interface HouseholdPlan {
  hh: number;
  hh_1p: number;
  hh_1p_65: number;
  hh_kinder: number;
  hh_alleinerz: number;
}

/** Household types, in the order they are built. */
export const HouseholdType = {
  SingleOld: 0,
  SingleYoung: 1,
  SingleParent: 2,
  CoupleWithChildren: 3,
  Other: 4,
} as const;
export type HouseholdType = (typeof HouseholdType)[keyof typeof HouseholdType];

/** Persons grouped into households: `members[h]` lists person indices, `type[h]` the type. */
export interface Households {
  members: number[][];
  type: HouseholdType[];
}

/**
 * Order indices by weighted random sampling without replacement (Efraimidis & Spirakis 2006:
 * key = u^(1/w), larger first; computed as −ln(u)/w, smaller first).
 */
export function weightedOrder(items: number[], weight: (i: number) => number, rng: Rng): number[] {
  const keyed = items.map((i) => ({ i, k: -Math.log(1 - rng.float()) / Math.max(1e-9, weight(i)) }));
  keyed.sort((a, b) => a.k - b.k || a.i - b.i);
  return keyed.map((x) => x.i);
}

/** How well an age fits being the parent of a minor. */
const parentFit = (age: number) => (age >= 22 && age <= 55 ? 1 : age >= 18 && age < 65 ? 0.05 : 0.005);

/**
 * Build households that realise the published counts exactly: hh_1p_65 people 65+ and
 * hh_1p − hh_1p_65 people 18–64 live alone; hh_alleinerz single parents and
 * hh_kinder − hh_alleinerz couples share all minors; everybody else lives in the remaining
 * households of two or more adults (couples of similar age, plus some larger households).
 * The generator guarantees that the plan is feasible for the age structure.
 */
export function buildHouseholds(age: Uint8Array, sex: Uint8Array, plan: HouseholdPlan, rng: Rng): Households {
  const n = age.length;
  const all = [...Array(n).keys()];
  const taken = new Uint8Array(n);
  const members: number[][] = [];
  const type: HouseholdType[] = [];
  const add = (people: number[], t: HouseholdType) => {
    for (const p of people) taken[p] = 1;
    members.push(people);
    type.push(t);
  };
  const free = (filter: (p: number) => boolean) => all.filter((p) => !taken[p] && filter(p));
  const a = (p: number) => age[p] ?? 0;

  const seniors = weightedOrder(
    free((p) => a(p) >= 65),
    (p) => 1 + (a(p) >= 75 ? 1 : 0) + (sex[p] ? 0.8 : 0),
    rng,
  );
  for (const p of seniors.slice(0, plan.hh_1p_65)) add([p], HouseholdType.SingleOld);
  const young = weightedOrder(
    free((p) => a(p) >= 18 && a(p) < 65),
    (p) => (a(p) >= 20 && a(p) < 35 ? 1.6 : 1),
    rng,
  );
  for (const p of young.slice(0, plan.hh_1p - plan.hh_1p_65)) add([p], HouseholdType.SingleYoung);

  const couples = plan.hh_kinder - plan.hh_alleinerz;
  const adults = () => free((p) => a(p) >= 18);
  const singleParents = weightedOrder(adults(), (p) => parentFit(a(p)) * (sex[p] ? 5 : 1), rng);
  for (const p of singleParents.slice(0, plan.hh_alleinerz)) add([p], HouseholdType.SingleParent);
  const coupleParents = weightedOrder(adults(), (p) => parentFit(a(p)), rng).slice(0, 2 * couples);
  const byAge = (x: number, y: number) => a(x) - a(y) || x - y;
  const women = coupleParents.filter((p) => sex[p]).sort(byAge);
  const men = coupleParents.filter((p) => !sex[p]).sort(byAge);
  // Pair women and men of similar age; any surplus of one sex pairs among itself.
  const pairs: number[][] = [];
  while (women.length > 0 && men.length > 0) pairs.push([women.shift() as number, men.shift() as number]);
  const rest = [...women, ...men];
  for (let i = 0; i + 1 < rest.length; i += 2) pairs.push([rest[i] as number, rest[i + 1] as number]);
  for (const pair of pairs) add(pair, HouseholdType.CoupleWithChildren);

  const family = members
    .map((_, h) => h)
    .filter((h) => type[h] === HouseholdType.SingleParent || type[h] === HouseholdType.CoupleWithChildren);
  // Youngest parent's age, fixed before any child joins the household.
  const parentAges = new Map(family.map((h) => [h, Math.min(...(members[h] ?? []).map(a))]));
  const parentAge = (h: number) => parentAges.get(h) ?? 40;
  family.sort((x, y) => parentAge(x) - parentAge(y) || x - y);
  const children = free((p) => a(p) < 18).sort(byAge);
  if (family.length > 0) {
    // Every family gets one child of a fitting age (quantile matching), the others are spread.
    const first = new Set<number>();
    family.forEach((h, k) => {
      const c = children[Math.floor(((k + 0.5) * children.length) / family.length)];
      if (c !== undefined && !first.has(c)) {
        first.add(c);
        members[h]?.push(c);
      }
    });
    for (const c of children) {
      if (first.has(c)) continue;
      let best = -1;
      let bestScore = Infinity;
      for (let k = 0; k < 3; k++) {
        const h = family[rng.int(0, family.length - 1)] as number;
        const gap = parentAge(h) - a(c) - 30;
        const score = gap * gap + 150 * Math.max(0, (members[h]?.length ?? 0) - 3);
        if (score < bestScore) [best, bestScore] = [h, score];
      }
      members[best]?.push(c);
    }
    for (const c of children) taken[c] = 1;
  }

  const others = plan.hh - plan.hh_1p - plan.hh_kinder;
  const remaining = free(() => true).sort(byAge);
  if (others > 0) {
    // Consecutive ages form each household, so couples are of similar age; sizes are ⌊R/H⌋ or ⌈R/H⌉.
    const groups: number[][] = Array.from({ length: others }, () => []);
    remaining.forEach((p, i) => groups[Math.floor((i * others) / remaining.length)]?.push(p));
    for (const g of groups) add(g, HouseholdType.Other);
  } else {
    const multi = members.map((_, h) => h).filter((h) => (members[h]?.length ?? 0) > 1);
    for (const p of remaining) {
      const h = multi.length > 0 ? rng.pick(multi) : -1;
      if (h >= 0) members[h]?.push(p);
      else add([p], HouseholdType.Other);
    }
  }
  return { members, type };
}

/**
 * Mark exactly `quotas[c]` persons of each class c, preferring whole households: households are
 * visited in weighted random order and taken as a whole while every class still has room; the
 * rest is filled person by person. `classOf` returns −1 for persons who must not be marked;
 * `mark` is told whether the person came with a whole household (e.g. to share a nationality).
 * Quotas must not exceed the number of eligible persons per class.
 */
export function selectClustered(
  hh: Households,
  classOf: (p: number) => number,
  quotas: number[],
  weight: (h: number) => number,
  mark: (p: number, h: number, whole: boolean) => void,
  rng: Rng,
): void {
  const left = [...quotas];
  const marked = new Set<number>();
  const order = weightedOrder([...hh.members.keys()], weight, rng);
  for (const h of order) {
    if (left.every((q) => q <= 0)) break;
    const need = left.map(() => 0);
    const eligible = (hh.members[h] ?? []).filter((p) => classOf(p) >= 0);
    for (const p of eligible) need[classOf(p)] = (need[classOf(p)] ?? 0) + 1;
    if (eligible.length === 0 || need.some((k, c) => k > (left[c] ?? 0))) continue;
    for (const p of eligible) {
      marked.add(p);
      mark(p, h, true);
    }
    need.forEach((k, c) => (left[c] = (left[c] ?? 0) - k));
  }
  const householdOf = new Map<number, number>();
  hh.members.forEach((ps, h) => ps.forEach((p) => householdOf.set(p, h)));
  for (const p of rng.shuffle([...householdOf.keys()].sort((x, y) => x - y))) {
    const c = classOf(p);
    if (c < 0 || marked.has(p) || (left[c] ?? 0) <= 0) continue;
    marked.add(p);
    mark(p, householdOf.get(p) ?? -1, false);
    left[c] = (left[c] ?? 0) - 1;
  }
}
