/**
 * The area profile (Gebietsprofil, Steckbrief): one area of a level at one Stichtag — every
 * indicator the user may see against district and city, with rank, change and trend; time series;
 * the composite index class history with its robustness; the early warnings; a German text.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { Converted } from '../indicators/indicator.schema.ts';
import { StoredProjection } from '../projection/projection-series.schema.ts';
import { WarningEntry } from '../warnings/warning.schema.ts';

export const ProfileParams = z.object({
  level: z.string().min(1).describe('Level key, e.g. `sozialraum`'),
  key: z.string().min(1).describe('Area key'),
});

export const ProfileQuery = z.object({
  date: z.iso.date().optional().describe('Stichtag YYYY-MM-DD; default the latest'),
  index: z
    .string()
    .min(1)
    .max(63)
    .optional()
    .describe(
      'Key of the composite index whose classes the profile shows; default `berlin_mss` when it exists; `none` = no index',
    ),
  years: z.coerce.number().int().min(2).max(30).default(5).describe('n years of the trend'),
});
export type ProfileQuery = z.infer<typeof ProfileQuery>;

/** Query of the indicator table of one area (`GET /api/areas/:level/:id/profile`): the Stichtag. */
export const AreaProfileQuery = z.object({ date: z.iso.date().describe('Stichtag YYYY-MM-DD') });

/**
 * The short area profile: every indicator of one area at one Stichtag beside the city's value —
 * the atlas's table of a selected area. The Steckbrief below is the full profile of the same area.
 */
export const AreaProfile = z.object({
  area: z.object({
    id: z.string(),
    name: z.string(),
    level: z.string(),
    parent: z.string().nullable(),
    parentName: z.string().nullable(),
    parentLevel: z
      .string()
      .nullable()
      .describe('Level key of the parent area (in a ragged hierarchy not always the level’s parent level)'),
    areaM2: z.number(),
  }),
  date: z.string(),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      theme: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      value: z.number().nullable(),
      status: ValueStatus,
      cityValue: z.number().nullable(),
      cityStatus: ValueStatus,
      converted: Converted.optional(),
      cityConverted: Converted.optional().describe(
        'Present when the city value sums converted counts that are not the old total (umgerechnet; docs/methods.md §10.1)',
      ),
    }),
  ),
});
export type AreaProfile = z.infer<typeof AreaProfile>;

const Num = z.number().nullable();

/** A value as the user may see it (secret: value null, shown as ·). */
export const ProfileCell = z.object({
  value: Num,
  status: ValueStatus,
  converted: Converted.optional().describe(
    'Present when the value rests on counts converted from an earlier Gebietsstand (umgerechnet); a district or city value only where the sum is not the old total (docs/methods.md §10.1)',
  ),
});
export type ProfileCell = z.infer<typeof ProfileCell>;

export const ProfileSeriesPoint = z.object({
  date: z.string(),
  value: Num,
  status: ValueStatus,
  districtValue: Num,
  districtStatus: ValueStatus.nullable().describe('null on a level without parent areas'),
  cityValue: Num,
  cityStatus: ValueStatus,
  converted: Converted.optional().describe(
    "Present when the area's counts at this Stichtag were converted from an earlier Gebietsstand (umgerechnet)",
  ),
  districtConverted: Converted.optional().describe(
    'Present when the district value sums converted counts that are not the old total (umgerechnet; docs/methods.md §10.1)',
  ),
  cityConverted: Converted.optional().describe(
    'Present when the city value sums converted counts that are not the old total (umgerechnet; docs/methods.md §10.1)',
  ),
});
export type ProfileSeriesPoint = z.infer<typeof ProfileSeriesPoint>;

export const Direction = z.enum(['up', 'down', 'flat']).describe('↑ / ↓ / →');
export type Direction = z.infer<typeof Direction>;

/** One indicator of the area against district and city. */
export const ProfileIndicator = z.object({
  key: z.string(),
  name: z.string(),
  theme: z.string(),
  unit: z.string(),
  changeUnit: z.string().describe('Unit of differences and changes: Pp. for shares in %'),
  decimals: z.number().int(),
  polarity: z.enum(['high_bad', 'high_good', 'neutral']),
  formula: z.string(),
  value: ProfileCell,
  district: ProfileCell.nullable().describe('Parent area (e.g. Stadtbezirk), recomputed from counts'),
  city: ProfileCell.describe('The whole city, recomputed from counts'),
  difference: Num.describe('Area value − city value'),
  deviation: Num.describe(
    '(area − city) / population SD of the level’s areas at the Stichtag: the standardised deviation',
  ),
  rank: z.number().int().nullable().describe('Rank among the level’s areas with a value; 1 = highest value'),
  rankOf: z.number().int().describe('Number of areas with a value'),
  change: z.object({
    since: z.string().nullable().describe('Previous Stichtag'),
    value: Num.describe('Area value − value at the previous Stichtag'),
    city: Num,
  }),
  trend: z.object({
    years: z.number().int(),
    since: z.string().nullable().describe('Stichtag n years before (start of the window)'),
    slope: Num.describe('Least-squares slope per year over the window'),
    change: Num.describe('Area value − value n years before'),
    cityChange: Num,
    deviation: Num.describe('(change − city change) / population SD of the areas’ changes'),
    direction: Direction.nullable(),
  }),
  series: z.array(ProfileSeriesPoint),
});
export type ProfileIndicator = z.infer<typeof ProfileIndicator>;

const IndexClassRef = z.object({ code: z.string(), label: z.string(), severity: z.number() });

/** The area in a composite index: current classes, class history, rank and its robustness. */
export const ProfileIndex = z.object({
  key: z.string(),
  name: z.string(),
  parts: z.array(z.object({ key: z.string(), label: z.string(), classes: z.array(IndexClassRef) })),
  current: z
    .object({
      valid: z.boolean(),
      invalidReason: z.string().nullable(),
      code: z.string().nullable(),
      parts: z.record(z.string(), z.object({ index: Num, class: z.string().nullable() })),
    })
    .nullable()
    .describe('null when the index cannot be computed at the Stichtag'),
  history: z.array(
    z.object({
      date: z.string(),
      code: z.string().nullable(),
      parts: z.record(z.string(), z.object({ index: Num, class: z.string().nullable() })),
    }),
  ),
  robustness: z
    .object({
      runs: z.number().int(),
      seed: z.number().int(),
      rank: z.number().int().describe('Rank in the index, 1 = worst'),
      rankOf: z.number().int(),
      medianRank: z.number(),
      rankLow: z.number().describe('5 % quantile of the rank over the Monte Carlo runs'),
      rankHigh: z.number().describe('95 % quantile'),
      classStability: z.record(z.string(), z.number()),
      robust: z.boolean(),
    })
    .nullable(),
});
export type ProfileIndex = z.infer<typeof ProfileIndex>;

/** One column of the Prognose table: the area, its district and the city at one Stichtag. */
export const ProfileProjectionValue = z.object({
  date: z.string(),
  projected: z.boolean().describe('false: the last observed Stichtag; true: a projected one'),
  value: ProfileCell.describe('secret: shown only within its district (too small, or secondary suppression)'),
  district: ProfileCell.nullable().describe('null on a level without parent areas'),
  city: ProfileCell,
});
export type ProfileProjectionValue = z.infer<typeof ProfileProjectionValue>;

/**
 * The published population projection (Prognose) for the area: the run's note and, per indicator
 * it can give, the values at the last observed Stichtag and at a few projected ones — as the
 * user may see them (public: counts rounded to tens, small areas only within their district).
 */
export const ProfileProjection = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string().describe('Level key of the projected areas'),
  base: z.string().describe('Base Stichtag of the projection'),
  method: StoredProjection.shape.method,
  variant: StoredProjection.shape.variant,
  minPopulation: z
    .number()
    .int()
    .describe('Areas with fewer inhabitants are shown to the public only within their parent'),
  rounded: z.boolean().describe('true: public values from counts rounded to tens'),
  dates: z.array(z.string()).describe('The columns: the last observed Stichtag, then projected ones'),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      formula: z.string(),
      values: z.array(ProfileProjectionValue).describe('One per date of `dates`'),
    }),
  ),
});
export type ProfileProjection = z.infer<typeof ProfileProjection>;

export const Steckbrief = z.object({
  area: z.object({
    id: z.string(),
    name: z.string(),
    level: z.string(),
    levelName: z.string(),
    parent: z.string().nullable(),
    parentName: z.string().nullable(),
    parentLevelName: z.string().nullable(),
    areaKm2: z.number(),
  }),
  date: z.string(),
  dates: z.array(z.string()).describe('All Stichtage, ascending'),
  years: z.number().int(),
  unprotected: z.boolean().describe('true: planner view without disclosure control'),
  own: z
    .boolean()
    .describe(
      "true: the area lies in the user's own municipality (a scoped planner): its values and its district's are unprotected, the city's and other areas' protected",
    ),
  themes: z.array(z.object({ theme: z.string(), indicators: z.array(ProfileIndicator) })),
  index: ProfileIndex.nullable(),
  warnings: z.array(WarningEntry),
  text: z.array(z.string()).describe('Generated German sentences (deterministic templates)'),
  highlights: z.array(z.string()).describe('Keys of the indicators the text names, most notable first'),
  projection: ProfileProjection.nullable().describe(
    'The published Prognose; null without a published run, or on a level finer than its areas',
  ),
});
export type Steckbrief = z.infer<typeof Steckbrief>;
