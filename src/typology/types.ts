/**
 * Deterministic numbering and German names of the Sozialraumtypen (pure).
 *
 * Numbering: types are ordered by their mean burden score, most burdened first (Typ 1). The
 * burden score of an area is the mean of its signed z-values over the indicators with a polarity
 * (high_bad counts +z, high_good −z; neutral ones do not count), the convention of deprivation
 * indices such as the Berlin MSS, where every status indicator points towards disadvantage. Ties,
 * and selections without any polar indicator, are ordered by size (larger first), then by the
 * first member's position, so the numbering never depends on k-means' arbitrary label order.
 *
 * Naming: „Typ n: <phrase>, <phrase>“ from the up to three indicators whose centre deviates most
 * from the mean of the areas (|z| ≥ 0.5), strongest first; „Typ n: durchschnittliche Werte“ when
 * none does.
 */
import type { Indicator } from '../indicators/indicator.schema.ts';
import { typePhrase } from './phrases.ts';

/** The minimum |z| of a centre that makes an indicator characteristic of a type. */
export const SALIENT_Z = 0.5;
/** At most this many indicators name a type. */
export const MAX_FEATURES = 3;

export type IndicatorRef = Pick<Indicator, 'key' | 'name' | 'polarity'>;

const sign = (polarity: Indicator['polarity']) =>
  polarity === 'high_bad' ? 1 : polarity === 'high_good' ? -1 : 0;

/**
 * Burden score of one row of z-values: the mean of the signed z over the polar indicators.
 * @returns null when no indicator has a polarity
 * @example burdenScore([1, 2, 3], [{ polarity: 'high_bad' }, { polarity: 'high_good' }, { polarity: 'neutral' }]) // -0.5
 */
export function burdenScore(z: readonly number[], indicators: readonly Pick<Indicator, 'polarity'>[]) {
  let sum = 0;
  let n = 0;
  indicators.forEach((ind, j) => {
    const s = sign(ind.polarity);
    if (s === 0) return;
    sum += s * (z[j] as number);
    n++;
  });
  return n ? sum / n : null;
}

export interface TypeFeature {
  indicator: string;
  direction: 'high' | 'low';
  /** Centre of the type in z units. */
  z: number;
  /** German phrase, e.g. „hohe Kinderarmut“. */
  phrase: string;
}

/**
 * The salient indicators of a centre, strongest deviation first (ties in indicator order).
 * @example typeFeatures([1.2, -0.1], [{ key: 'kinderarmut', name: 'Kinderarmut', polarity: 'high_bad' }, …])[0].phrase // 'hohe Kinderarmut'
 */
export function typeFeatures(centreZ: readonly number[], indicators: readonly IndicatorRef[]): TypeFeature[] {
  return indicators
    .map((ind, j) => ({ ind, j, z: centreZ[j] as number }))
    .filter((f) => Math.abs(f.z) >= SALIENT_Z)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.j - b.j)
    .slice(0, MAX_FEATURES)
    .map(({ ind, z }) => {
      const direction = z > 0 ? ('high' as const) : ('low' as const);
      return { indicator: ind.key, direction, z, phrase: typePhrase(ind.key, ind.name, direction) };
    });
}

/**
 * The German name of a type from its number and features.
 * @example typeLabel(1, [{ phrase: 'hohe SGB-II-Quote' }, { phrase: 'junge Bevölkerung' }]) // 'Typ 1: hohe SGB-II-Quote, junge Bevölkerung'
 */
export function typeLabel(number: number, features: readonly Pick<TypeFeature, 'phrase'>[]): string {
  const body = features.length ? features.map((f) => f.phrase).join(', ') : 'durchschnittliche Werte';
  return `Typ ${number}: ${body}`;
}

/**
 * The order of clusters as types: `order[t]` is the k-means cluster that becomes Typ t + 1.
 * @param labels cluster per point
 * @param centroidsZ centres in z units
 * @returns the cluster order and each cluster's burden score (null without polar indicators)
 */
export function orderTypes(
  labels: readonly number[],
  centroidsZ: readonly (readonly number[])[],
  indicators: readonly Pick<Indicator, 'polarity'>[],
): { order: number[]; burden: (number | null)[] } {
  const k = centroidsZ.length;
  const size = new Array<number>(k).fill(0);
  const firstMember = new Array<number>(k).fill(Infinity);
  labels.forEach((l, i) => {
    size[l] = (size[l] as number) + 1;
    if (i < (firstMember[l] as number)) firstMember[l] = i;
  });
  // the burden of a centre equals the mean burden of its members (the score is linear in z)
  const burden = centroidsZ.map((c) => burdenScore(c, indicators));
  const round = (v: number | null) => (v === null ? -Infinity : Math.round(v * 1e9) / 1e9);
  const order = [...Array(k).keys()].sort(
    (a, b) =>
      round(burden[b] ?? null) - round(burden[a] ?? null) ||
      (size[b] as number) - (size[a] as number) ||
      (firstMember[a] as number) - (firstMember[b] as number),
  );
  return { order, burden };
}
