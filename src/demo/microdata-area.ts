import type { Rng } from './rng.ts';
import type { MultiPoly } from './planar.ts';
import { multiPolyArea, multiPolyBbox, pointInMultiPoly } from './planar.ts';
import type { HouseholdPlan, Households } from './households.ts';
import { HouseholdType, buildHouseholds, selectClustered } from './households.ts';
import { MAX_AGE } from './demography.ts';

/** Published counts of one Sozialraum at the Stichtag that the persons must reproduce. */
export interface AreaCounts {
  /** Persons by sex × age: index sex * 101 + age, sex 0 = m, 1 = w. */
  bev: Int32Array;
  totals: Record<string, number>;
}

/** Synthetic inhabitants of one Sozialraum. */
export interface AreaPersons {
  age: Uint8Array;
  sex: Uint8Array;
  /** 0 = German, otherwise 1 + index into {@link COUNTRIES}. */
  nationality: Uint8Array;
  sgb2: Uint8Array;
  households: Households;
  /** Coordinates (EPSG:25832, rounded to 0.1 m) of each household's building. */
  hx: Float64Array;
  hy: Float64Array;
}

/** ISO 3166-1 alpha-2 codes of foreign nationalities with rough weights for a NRW city. */
export const COUNTRIES: readonly [code: string, weight: number][] = [
  ['TR', 14],
  ['SY', 9],
  ['UA', 8],
  ['PL', 7],
  ['RO', 7],
  ['IT', 5],
  ['GR', 4],
  ['BG', 4],
  ['IQ', 4],
  ['AF', 3],
  ['XK', 3],
  ['HR', 3],
  ['RS', 2],
  ['RU', 2],
  ['MA', 2],
  ['IR', 2],
  ['IN', 2],
  ['ES', 1],
  ['PT', 1],
  ['NL', 1],
  ['VN', 1],
  ['CN', 1],
  ['ER', 1],
  ['NG', 1],
];
const COUNTRY_TOTAL = COUNTRIES.reduce((s, [, w]) => s + w, 0);

function pickCountry(rng: Rng): number {
  let u = rng.float() * COUNTRY_TOTAL;
  for (let i = 0; i < COUNTRIES.length; i++) {
    u -= COUNTRIES[i]?.[1] ?? 0;
    if (u < 0) return i + 1;
  }
  return COUNTRIES.length;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Random building sites inside the area. The test is made on the rounded coordinates that will be
 * written, so a person never lands a few centimetres outside their Sozialraum.
 */
function buildingSites(utm: MultiPoly, count: number, rng: Rng): [Float64Array, Float64Array] {
  const [minX, minY, maxX, maxY] = multiPolyBbox(utm);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (let tries = 0; ; tries++) {
      if (tries > 100000) throw new Error('Could not place a point inside the Sozialraum');
      const x = round1(rng.range(minX, maxX));
      const y = round1(rng.range(minY, maxY));
      if (pointInMultiPoly(x, y, utm)) {
        xs[i] = x;
        ys[i] = y;
        break;
      }
    }
  }
  return [xs, ys];
}

/**
 * Persons of one Sozialraum consistent with its published counts: exactly the `bev` age/sex cells,
 * households realising hh/hh_1p/hh_1p_65/hh_kinder/hh_alleinerz, exactly `ausl` (`ausl_u18`)
 * foreigners and `sgb2` (`sgb2_u15`) SGB-II recipients, both clustered by household (families
 * share nationality and Bedarfsgemeinschaft), and a building per household: several households
 * per building where people live densely.
 */
export function synthesiseArea(counts: AreaCounts, utm: MultiPoly, rng: Rng): AreaPersons {
  const n = counts.totals.ew ?? 0;
  const age = new Uint8Array(n);
  const sex = new Uint8Array(n);
  let p = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a <= MAX_AGE; a++) {
      for (let k = 0; k < (counts.bev[s * (MAX_AGE + 1) + a] ?? 0); k++, p++) {
        age[p] = a;
        sex[p] = s;
      }
    }
  }
  if (p !== n) throw new Error(`bev sums to ${p} but ew is ${n}`);
  const t = counts.totals;
  const plan: HouseholdPlan = {
    hh: t.hh ?? 0,
    hh_1p: t.hh_1p ?? 0,
    hh_1p_65: t.hh_1p_65 ?? 0,
    hh_kinder: t.hh_kinder ?? 0,
    hh_alleinerz: t.hh_alleinerz ?? 0,
  };
  const households = buildHouseholds(age, sex, plan, rng.fork('households'));

  const nationality = new Uint8Array(n);
  const natRng = rng.fork('nationality');
  const householdCountry = new Map<number, number>();
  selectClustered(
    households,
    (q) => ((age[q] ?? 0) < 18 ? 0 : 1),
    [t.ausl_u18 ?? 0, (t.ausl ?? 0) - (t.ausl_u18 ?? 0)],
    (h) => ((households.members[h]?.length ?? 1) > 2 ? 1.6 : 1),
    (q, h, whole) => {
      if (!whole) nationality[q] = pickCountry(natRng);
      else {
        if (!householdCountry.has(h)) householdCountry.set(h, pickCountry(natRng));
        nationality[q] = householdCountry.get(h) ?? 1;
      }
    },
    natRng,
  );

  const sgb2 = new Uint8Array(n);
  const sgbWeight = (h: number) => {
    const type = households.type[h];
    const foreign = (households.members[h] ?? []).some((q) => (nationality[q] ?? 0) > 0);
    const base = type === HouseholdType.SingleParent ? 5 : type === HouseholdType.SingleOld ? 0.2 : 1.3;
    return base * (foreign ? 3 : 1);
  };
  selectClustered(
    households,
    (q) => ((age[q] ?? 0) < 15 ? 0 : (age[q] ?? 0) < 65 ? 1 : -1),
    [t.sgb2_u15 ?? 0, (t.sgb2 ?? 0) - (t.sgb2_u15 ?? 0)],
    sgbWeight,
    (q) => (sgb2[q] = 1),
    rng.fork('sgb2'),
  );

  // Households per building grow with density: detached houses outside, blocks of flats inside.
  const hhCount = households.members.length;
  const density = n / Math.max(1e4, multiPolyArea(utm)) / 1e-6; // persons per km²
  const perBuilding = Math.min(12, Math.max(1.2, 1 + density / 1200));
  const siteRng = rng.fork('sites');
  const [bx, by] = buildingSites(utm, Math.max(1, Math.round(hhCount / perBuilding)), siteRng);
  const hx = new Float64Array(hhCount);
  const hy = new Float64Array(hhCount);
  for (let h = 0; h < hhCount; h++) {
    const b = siteRng.int(0, bx.length - 1);
    hx[h] = bx[b] ?? 0;
    hy[h] = by[b] ?? 0;
  }
  return { age, sex, nationality, sgb2, households, hx, hy };
}
