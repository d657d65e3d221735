/**
 * The whole typology step on complete rows (pure): standardise → k-means for every k → choose k
 * → number and name the types → centres in original units.
 */
import { clusterPoints, type KCriterion } from './cluster.ts';
import { standardiseColumns, type ColumnStats } from './standardise.ts';
import { orderTypes, typeFeatures, typeLabel, type IndicatorRef, type TypeFeature } from './types.ts';

/** The fixed seed of every typology (k-means++ starts): the same request gives the same types. */
export const TYPOLOGY_SEED = 1;

export interface AreaType {
  /** 1 … k; Typ 1 carries the highest burden. */
  number: number;
  label: string;
  /** Mean burden score of the members (z units); null without polar indicators. */
  burden: number | null;
  features: TypeFeature[];
  /** Centre per indicator in the indicator's unit (mean of the members' values). */
  centre: number[];
  /** Centre per indicator in z units. */
  centreZ: number[];
  /** Row indices of the members, ascending. */
  members: number[];
}

export interface Typology {
  k: number;
  criterion: KCriterion[];
  /** Mean and population SD per indicator over the clustered rows. */
  stats: ColumnStats[];
  types: AreaType[];
  /** Type number per row. */
  typeOf: number[];
  /** Silhouette width per row for the chosen k. */
  silhouettes: number[];
  /** Mean silhouette of the chosen k. */
  silhouette: number;
}

/**
 * Builds the Sozialraumtypen of complete rows (rows = areas, columns = indicators).
 * @param rows finite values, at least 3 distinct rows
 * @param k a fixed number of types or 'auto' (best mean silhouette for k = 2 … 8)
 * @throws RangeError for too few rows or a k outside the possible range
 * @example buildTypology(rows, indicators, 'auto').types[0].label // 'Typ 1: hohe SGB-II-Quote, …'
 */
export function buildTypology(
  rows: readonly (readonly number[])[],
  indicators: readonly IndicatorRef[],
  k: number | 'auto',
  seed = TYPOLOGY_SEED,
): Typology {
  if (rows.some((r) => r.length !== indicators.length))
    throw new RangeError('buildTypology: every row needs one value per indicator');
  const { z, stats } = standardiseColumns(rows);
  const clustering = clusterPoints(z, k, { seed });
  const { order, burden } = orderTypes(clustering.labels, clustering.centroids, indicators);
  const typeOfCluster = new Map(order.map((cluster, t) => [cluster, t + 1]));
  const typeOf = clustering.labels.map((l) => typeOfCluster.get(l) as number);
  const types = order.map((cluster, t): AreaType => {
    const members = typeOf.flatMap((n, i) => (n === t + 1 ? [i] : []));
    const centre = indicators.map(
      (_, j) => members.reduce((s, i) => s + ((rows[i] as number[])[j] as number), 0) / members.length,
    );
    const centreZ = clustering.centroids[cluster] as number[];
    const features = typeFeatures(centreZ, indicators);
    return {
      number: t + 1,
      label: typeLabel(t + 1, features),
      burden: burden[cluster] ?? null,
      features,
      centre,
      centreZ,
      members,
    };
  });
  const chosen = clustering.criterion.find((c) => c.k === clustering.k) as KCriterion;
  return {
    k: clustering.k,
    criterion: clustering.criterion,
    stats,
    types,
    typeOf,
    silhouettes: clustering.silhouettes,
    silhouette: chosen.silhouette,
  };
}
