/** The effect of a measure on one of its goals over HTTP (src/impact/effect.ts, methods §9). */
import { z } from 'zod';

const Features = z.object({
  level: z.number().describe('Mean of the pre-period values'),
  trend: z.number().nullable().describe('OLS slope over the pre-period (per year)'),
  size: z.number().nullable().describe('ln(population) at the last pre-period year'),
});

export const MeasureEffect = z
  .object({
    measure: z.number().int(),
    goal: z.number().int(),
    indicator: z.string(),
    level: z.string(),
    start: z.number().int().describe('The year the measure started to work'),
    estimate: z.number().nullable().describe('Difference-in-differences: treated change − comparison change'),
    treatedChange: z.number().nullable(),
    comparisonChange: z.number().nullable(),
    interval: z
      .object({ lower: z.number(), upper: z.number(), level: z.number() })
      .nullable()
      .describe('Placebo interval (permutations over untreated areas)'),
    p: z.number().nullable().describe('Permutation p-value'),
    runs: z.number().int(),
    nTreated: z.number().int(),
    nComparison: z.number().int(),
    periods: z.object({ pre: z.array(z.number().int()), post: z.array(z.number().int()) }),
    matching: z
      .object({
        dims: z.array(z.enum(['level', 'trend', 'size'])),
        stats: z.array(z.object({ feature: z.string(), mean: z.number(), sd: z.number() })),
        rows: z.array(
          z.object({
            key: z.string(),
            features: Features,
            comparisons: z.array(z.object({ key: z.string(), distance: z.number(), features: Features })),
          }),
        ),
      })
      .describe('Each treated area with its nearest comparable areas'),
    series: z
      .array(
        z.object({
          year: z.number().int(),
          treated: z.number().nullable(),
          comparison: z.number().nullable(),
        }),
      )
      .describe('Yearly means of the treated areas and of their comparisons'),
    dropped: z.array(
      z.object({
        key: z.string(),
        treated: z.boolean(),
        reason: z.enum(['no_pre_values', 'no_post_values', 'no_population']),
      }),
    ),
    reliability: z.object({
      reliable: z.boolean(),
      comparisonPool: z.number().int(),
      preYears: z.number().int(),
      fewComparisons: z.boolean(),
      fewPreYears: z.boolean(),
      noInterval: z.boolean(),
      minComparisons: z.number().int(),
      minPreYears: z.number().int(),
    }),
    text: z.object({
      verdict: z.enum([
        'no_estimate',
        'not_reliable',
        'no_reliable_difference',
        'favourable',
        'unfavourable',
        'difference',
      ]),
      sentences: z.array(z.string()).describe('The result in plain German, without over-claiming'),
      notes: z.array(z.string()),
    }),
  })
  .describe('Wirkung einer Maßnahme auf ein Ziel: Vergleich mit ähnlichen Gebieten');
export type MeasureEffect = z.infer<typeof MeasureEffect>;
