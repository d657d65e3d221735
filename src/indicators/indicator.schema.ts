import { z } from 'zod';

export const ValueStatus = z
  .enum(['value', 'secret', 'missing', 'estimated'])
  .describe('value = measured; secret = suppressed for disclosure control (shown as ·); missing = no data');
export type ValueStatus = z.infer<typeof ValueStatus>;

export const Indicator = z.object({
  key: z.string(),
  name: z.string(),
  theme: z.string(),
  unit: z.string().describe('e.g. `%`, `‰`, `je 1.000 EW`, `Personen`'),
  formula: z.enum(['share', 'per_mille', 'per_1000', 'count']),
  polarity: z.enum(['high_bad', 'high_good', 'neutral']),
  decimals: z.number().int(),
  description: z.string(),
  published: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorValue = z.object({
  id: z.string().describe('Area key'),
  name: z.string(),
  value: z.number().nullable(),
  status: ValueStatus,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const CityValue = z.object({ value: z.number().nullable(), status: ValueStatus });

export const IndicatorValuesQuery = z.object({
  level: z.string().min(1),
  date: z.iso.date().describe('Stichtag YYYY-MM-DD (a real calendar date)'),
});

export const IndicatorValues = z.object({
  indicator: z.string(),
  level: z.string(),
  date: z.string(),
  city: CityValue,
  values: z.array(IndicatorValue),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const SeriesQuery = z.object({ level: z.string().min(1), id: z.string().min(1) });

export const SeriesPoint = z.object({
  date: z.string(),
  value: z.number().nullable(),
  status: ValueStatus,
  cityValue: z.number().nullable(),
  cityStatus: ValueStatus,
});
export const Series = z.object({ indicator: z.string(), id: z.string(), points: z.array(SeriesPoint) });
export type Series = z.infer<typeof Series>;

export const ProfileQuery = z.object({ date: z.iso.date().describe('Stichtag YYYY-MM-DD') });
export const AreaProfile = z.object({
  area: z.object({
    id: z.string(),
    name: z.string(),
    level: z.string(),
    parent: z.string().nullable(),
    parentName: z.string().nullable(),
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
    }),
  ),
});
export type AreaProfile = z.infer<typeof AreaProfile>;

export const IndicatorPatch = z.object({ published: z.boolean() });
