/**
 * Early warning (Frühwarnung) and time comparison: warning rules are data (stored in table
 * `warning_rule`, edited in the web app, exchanged as JSON); evaluating them on a level and a
 * Stichtag gives warning entries, each with a plain German reason.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';

const RuleKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/)
  .describe('Stable key (lower case, digits, underscore)');
const IndicatorKey = z.string().min(1).max(63).describe('Key of an indicator of the catalogue');

export const Severity = z.enum(['hoch', 'mittel']).describe('Dringlichkeit of an entry');
export type Severity = z.infer<typeof Severity>;

const common = {
  key: RuleKey,
  name: z.string().min(1).max(200).describe('German name shown in the list, e.g. „Kinderarmut über 30 %“'),
  description: z.string().max(2000).default('').describe('Why the rule exists (plain German)'),
  severity: Severity,
  active: z.boolean().default(true).describe('Inactive rules are kept but not evaluated'),
  minPopulation: z
    .number()
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe('Skip areas with fewer inhabitants at the Stichtag (small areas swing); null = all'),
};

/** The indicator crosses a value between the previous and the current Stichtag, or lies beyond it. */
export const ThresholdRule = z.object({
  ...common,
  kind: z.literal('threshold'),
  indicator: IndicatorKey,
  direction: z.enum(['above', 'below']).describe('above = über dem Wert; below = unter dem Wert'),
  value: z.number().describe('Schwellenwert in the unit of the indicator'),
  crossing: z
    .boolean()
    .describe(
      'true: only when the value crossed the threshold since the previous Stichtag; false: whenever beyond',
    ),
});

/** The indicator moved in its bad direction (by polarity) at n Stichtage in a row. */
export const RisingRule = z.object({
  ...common,
  kind: z.literal('rising'),
  indicator: IndicatorKey.nullable().describe(
    'null = every indicator with a polarity (high_bad: rising is bad, high_good: falling is bad)',
  ),
  periods: z.number().int().min(2).max(20).describe('n: changes in the bad direction in a row'),
});

/** The area value deviates from the city value by more than k standard deviations of the level's areas. */
export const DeviationRule = z.object({
  ...common,
  kind: z.literal('deviation'),
  indicator: IndicatorKey.nullable().describe('null = every indicator with a polarity'),
  k: z
    .number()
    .positive()
    .max(10)
    .describe('Multiple of the standard deviation (population SD over the areas)'),
});

/** A class of a composite index (e.g. the MSS status class) worsened against the previous computable Stichtag. */
export const IndexClassRule = z.object({
  ...common,
  kind: z.literal('index_class'),
  index: z.string().min(1).max(63).describe('Key of a composite index (see /api/indices)'),
  part: z.string().min(1).max(63).nullable().describe('Part key (e.g. `status`); null = every part'),
});

export const WarningRule = z
  .discriminatedUnion('kind', [ThresholdRule, RisingRule, DeviationRule, IndexClassRule])
  .describe(
    'A warning rule: threshold, rising n times in a row, deviation from the city, index class worsened',
  );
export type WarningRule = z.infer<typeof WarningRule>;
export type WarningRuleInput = z.input<typeof WarningRule>;
export type RuleKind = WarningRule['kind'];
export const RuleList = z.array(WarningRule);

/**
 * A Stichtag whose area value a finding compared was converted from an earlier Gebietsstand
 * (the „umgerechnet“ mark of `/api/indicators/{key}/values`, per area and date).
 */
export const ConvertedMark = z.object({
  date: z.string().describe('Stichtag of the converted value'),
  method: z
    .string()
    .describe(
      'Conversion method: area (flächengewichtet), population… (einwohnergewichtet); see methodNames',
    ),
  from: z.string().describe('Gebietsstand the counts were converted from: its valid_from'),
});
export type ConvertedMark = z.infer<typeof ConvertedMark>;

const Converted = z
  .array(ConvertedMark)
  .optional()
  .describe('The compared Stichtage whose area values were converted (umgerechnet); absent when none');

/** One early-warning entry: a rule that fires for one area at one Stichtag. */
export const WarningEntry = z.object({
  rule: z.string().describe('Rule key'),
  ruleName: z.string(),
  kind: z.enum(['threshold', 'rising', 'deviation', 'index_class']),
  indicator: z.string().nullable(),
  indicatorName: z.string().nullable(),
  theme: z.string().nullable().describe('Theme of the indicator; null for index rules'),
  level: z.string(),
  area: z.string().describe('Area key'),
  areaName: z.string(),
  parent: z.string().nullable().describe('Key of the parent area (e.g. Stadtbezirk)'),
  date: z.string(),
  value: z.number().nullable().describe('The area value the rule looked at (indicator value or index value)'),
  severity: Severity,
  reason: z.string().describe('Plain German sentence with the numbers'),
  converted: Converted,
});
export type WarningEntry = z.infer<typeof WarningEntry>;

export const WarningsQuery = z.object({
  level: z.string().min(1),
  date: z.iso.date().optional().describe('Stichtag YYYY-MM-DD; default the latest'),
  theme: z.string().min(1).optional().describe('Only entries of indicators of this theme'),
  area: z.string().min(1).optional().describe('Only this area, or the areas of this parent area'),
});
export type WarningsQuery = z.infer<typeof WarningsQuery>;

export const WarningList = z.object({
  level: z.string(),
  date: z.string(),
  entries: z.array(WarningEntry),
});
export type WarningList = z.infer<typeof WarningList>;

export const ChangesQuery = z.object({
  level: z.string().min(1),
  area: z.string().min(1),
  date: z.iso.date().optional().describe('Stichtag YYYY-MM-DD; default the latest'),
  years: z.coerce.number().int().min(2).max(30).default(5).describe('n years of the trend'),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

const Num = z.number().nullable();

/** Time comparison of one indicator for one area. */
export const IndicatorChange = z.object({
  indicator: z.string(),
  name: z.string(),
  theme: z.string(),
  unit: z.string(),
  changeUnit: z.string().describe('Unit of differences: Pp. for shares in %'),
  decimals: z.number().int(),
  polarity: z.enum(['high_bad', 'high_good', 'neutral']),
  value: Num,
  status: ValueStatus,
  previous: Num.describe('Value at the previous Stichtag'),
  change: Num.describe('value − previous'),
  cityValue: Num,
  cityPrevious: Num,
  cityChange: Num,
  changeVsCity: Num.describe('Change of the area minus change of the city'),
  gapToCity: Num.describe('value − cityValue at the Stichtag'),
  trend: z.object({
    from: z.string().nullable().describe('First Stichtag of the trend window'),
    points: z.number().int(),
    slope: Num.describe('Least-squares slope per year'),
    citySlope: Num,
  }),
  run: z.object({
    direction: z.enum(['up', 'down']).nullable(),
    length: z.number().int().describe('Changes in the same direction in a row up to the Stichtag'),
  }),
  converted: Converted,
});
export type IndicatorChange = z.infer<typeof IndicatorChange>;

export const Changes = z.object({
  level: z.string(),
  area: z.string(),
  areaName: z.string(),
  date: z.string(),
  previousDate: z.string().nullable(),
  years: z.number().int(),
  indicators: z.array(IndicatorChange),
});
export type Changes = z.infer<typeof Changes>;
