/**
 * How a map classifies an indicator's values (see docs/methods.md §5). Defined once: stored
 * per indicator as its default, carried in the atlas address, validated by the API.
 */
import { z } from 'zod';

export const ClassificationMethod = z
  .enum(['fixed', 'quantile', 'equal', 'natural', 'stddev', 'categorical'])
  .describe(
    'fixed = given breaks (e.g. MSS ±1/1.5); quantile = equal count; equal = equal intervals; ' +
      'natural = optimal 1-D k-means (ckmeans); stddev = steps of one standard deviation around the mean; ' +
      'categorical = one class per distinct value',
  );
export type ClassificationMethod = z.infer<typeof ClassificationMethod>;

export const ClassificationSpec = z
  .object({
    method: ClassificationMethod,
    classes: z
      .number()
      .int()
      .min(2)
      .max(10)
      .describe('Wanted number of classes (ignored by fixed/categorical)'),
    breaks: z
      .array(z.number())
      .max(20)
      .optional()
      .describe(
        'Inner class breaks, ascending (only for fixed); a value equal to a break falls into the lower class',
      ),
  })
  .superRefine((s, ctx) => {
    if (s.method !== 'fixed') return;
    const b = s.breaks ?? [];
    if (b.length === 0)
      ctx.addIssue({ code: 'custom', path: ['breaks'], message: 'Feste Klassengrenzen angeben.' });
    if (b.some((x, i) => i > 0 && x <= (b[i - 1] as number)))
      ctx.addIssue({ code: 'custom', path: ['breaks'], message: 'Klassengrenzen aufsteigend angeben.' });
  });
export type ClassificationSpec = z.infer<typeof ClassificationSpec>;
