/**
 * Sozialraumtypen, vergleichbare Gebiete and the comparison of areas: one schema each for
 * validation, the TypeScript types (server and web) and the OpenAPI entry.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { MAX_INDICATORS } from './defaults.ts';
import { ConvertedInputs } from '../indices/index.schema.ts';
import { Converted } from '../indicators/indicator.schema.ts';

const IndicatorKey = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'Ungültiger Indikatorschlüssel.');

/** Comma-separated indicator keys (`a,b,c`), trimmed, without empty entries and duplicates. */
const IndicatorKeys = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(IndicatorKey)
      .min(1, 'Mindestens ein Indikator.')
      .max(MAX_INDICATORS, `Höchstens ${MAX_INDICATORS} Indikatoren.`),
  )
  .optional()
  .describe('Indicator keys, comma-separated; absent = the default selection');

const Base = {
  level: z.string().min(1).describe('Level key, e.g. `sozialraum`'),
  date: z.iso.date().optional().describe('Stichtag YYYY-MM-DD; default the latest'),
  indicators: IndicatorKeys,
};

export const ClustersQuery = z.object({
  ...Base,
  k: z
    .enum(['auto', '2', '3', '4', '5', '6', '7', '8'])
    .default('auto')
    .describe('Number of types; auto = the k with the best mean silhouette (2 … 8)'),
});
export type ClustersQuery = z.infer<typeof ClustersQuery>;

export const SimilarQuery = z.object({
  ...Base,
  area: z.string().min(1).describe('Key of the reference area'),
  tolerance: z.coerce.number().min(0).max(1000).default(1).describe('Half-width of the band (see band)'),
  band: z
    .enum(['sd', 'percent'])
    .default('sd')
    .describe(
      'sd = ± tolerance standard deviations of the indicator; percent = ± tolerance % of the reference value',
    ),
});
export type SimilarQuery = z.infer<typeof SimilarQuery>;

export const CompareQuery = z.object({
  ...Base,
  a: z.string().min(1).describe('Key of area A'),
  b: z
    .string()
    .min(1)
    .default('city')
    .describe('Key of area B of the same level, or `city` (Stadt) or `district` (the parent area of A)'),
});
export type CompareQuery = z.infer<typeof CompareQuery>;

const Num = z.number().nullable();
const Value = z.object({ value: Num, status: ValueStatus, converted: Converted.optional() });

/** An indicator as the typology uses it, with its spread over the areas that take part. */
export const TypologyIndicator = z.object({
  key: z.string(),
  name: z.string(),
  theme: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  polarity: z.enum(['high_bad', 'high_good', 'neutral']),
  mean: Num.describe('Mean over the areas taking part (unweighted)'),
  sd: Num.describe('Population SD over the areas taking part'),
  city: Value.describe('The city, recomputed from counts'),
});
export type TypologyIndicator = z.infer<typeof TypologyIndicator>;

const AreaRef = z.object({
  key: z.string(),
  name: z.string(),
  parentKey: z.string().nullable(),
  parentName: z.string().nullable(),
});

export const AreaTypeSchema = z.object({
  number: z.number().int().describe('1 … k; Typ 1 carries the highest burden'),
  label: z.string().describe('German name, e.g. „Typ 1: hohe SGB-II-Quote, junge Bevölkerung“'),
  burden: Num.describe('Mean signed z over the indicators with a polarity (high = more disadvantage)'),
  size: z.number().int(),
  features: z.array(
    z.object({
      indicator: z.string(),
      direction: z.enum(['high', 'low']),
      z: z.number(),
      phrase: z.string(),
    }),
  ),
  centre: z
    .array(z.object({ indicator: z.string(), value: z.number(), z: z.number() }))
    .describe('Cluster centre per indicator, in its unit and in z units'),
  members: z.array(z.string()).describe('Area keys'),
});

export const ClustersResult = z.object({
  level: z.string(),
  date: z.string(),
  seed: z.number().int().describe('Fixed seed of the k-means++ starts'),
  kRequested: z.string().describe('auto or the fixed k'),
  k: z.number().int(),
  silhouette: z.number().describe('Mean silhouette of the chosen k'),
  indicators: z.array(TypologyIndicator),
  criterion: z
    .array(z.object({ k: z.number().int(), silhouette: z.number(), wcss: z.number() }))
    .describe('Mean silhouette and within-cluster sum of squares for every k tried'),
  types: z.array(AreaTypeSchema),
  areas: z.array(
    AreaRef.extend({
      type: z.number().int(),
      silhouette: z.number(),
      values: z.array(z.number()).describe('Per indicator, in the order of `indicators`'),
      converted: ConvertedInputs,
    }),
  ),
  unassigned: z
    .array(
      AreaRef.extend({
        reason: z.string().describe('Why the area is not assigned (German)'),
        missing: z.array(z.object({ indicator: z.string(), status: ValueStatus })),
      }),
    )
    .describe('Areas left out (nicht zugeordnet): a value is secret or missing'),
});
export type ClustersResult = z.infer<typeof ClustersResult>;

export const SimilarResult = z.object({
  level: z.string(),
  date: z.string(),
  band: z.enum(['sd', 'percent']),
  tolerance: z.number(),
  reference: AreaRef.extend({ values: z.array(z.number()), converted: ConvertedInputs }),
  indicators: z.array(
    TypologyIndicator.extend({
      low: z.number().describe('Lower edge of the band'),
      high: z.number().describe('Upper edge of the band'),
    }),
  ),
  similar: z.array(
    AreaRef.extend({
      distance: z.number().describe('Euclidean distance in z units'),
      values: z.array(z.number()),
      differences: z.array(z.number()).describe('value − reference value, per indicator'),
      converted: ConvertedInputs,
    }),
  ),
  incomplete: z.number().int().describe('Areas not considered: a value is secret or missing'),
});
export type SimilarResult = z.infer<typeof SimilarResult>;

export const CompareSide = z.object({
  kind: z.enum(['area', 'city', 'district']),
  key: z.string().nullable(),
  name: z.string(),
});

export const CompareResult = z.object({
  level: z.string(),
  date: z.string(),
  a: CompareSide,
  b: CompareSide,
  /** Number of areas of the level (the base of the ranks). */
  areaCount: z.number().int(),
  rows: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      theme: z.string(),
      unit: z.string(),
      differenceUnit: z.string().describe('Unit of a − b: Pp. for shares in %'),
      decimals: z.number().int(),
      polarity: z.enum(['high_bad', 'high_good', 'neutral']),
      a: Value,
      b: Value,
      city: Value,
      district: Value.nullable().describe("A's parent area (district); null on the top level"),
      difference: Num.describe('a − b'),
      rankA: Num.describe('Rank of A among the areas (1 = highest value)'),
      rankB: Num.describe('Rank of B, when B is an area'),
      ranked: z.number().int().describe('Areas with a value (the ranks run 1 … ranked)'),
      zA: Num.describe('A in SD units over the areas (population SD)'),
      zB: Num,
    }),
  ),
});
export type CompareResult = z.infer<typeof CompareResult>;
