/** Remarks on the map (Hinweise) of the Beteiligung: what anyone sends, what planners moderate. */
import { z } from 'zod';
import { REMARK_CATEGORIES } from './remark-categories.ts';

export { REMARK_CATEGORIES };

export const RemarkCategory = z
  .enum(
    Object.keys(REMARK_CATEGORIES) as [keyof typeof REMARK_CATEGORIES, ...(keyof typeof REMARK_CATEGORIES)[]],
  )
  .describe(
    Object.entries(REMARK_CATEGORIES)
      .map(([k, v]) => `${k} = ${v}`)
      .join('; '),
  );
export type RemarkCategory = z.infer<typeof RemarkCategory>;

export const RemarkStatus = z.enum(['pending', 'approved', 'rejected']);

export const NewRemark = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  category: RemarkCategory,
  text: z
    .string()
    .trim()
    .min(1, 'Bitte schreiben Sie Ihren Hinweis.')
    .max(1000, 'Ein Hinweis darf höchstens 1000 Zeichen lang sein.'),
});
export type NewRemark = z.infer<typeof NewRemark>;

export const RemarkReceipt = z.object({
  ok: z.literal(true),
  area: z.string().describe('Name of the area the point lies in'),
  message: z.string(),
});

export const Remark = z.object({
  id: z.number().int(),
  lon: z.number(),
  lat: z.number(),
  area: z.object({ key: z.string(), name: z.string() }).nullable(),
  category: RemarkCategory,
  text: z.string(),
  status: RemarkStatus,
  createdAt: z.string().describe('Day it was sent'),
});
export type Remark = z.infer<typeof Remark>;

export const RemarkQuery = z.object({ level: z.string().min(1) });
export const QueueQuery = z.object({ status: RemarkStatus.default('pending') });
export const RemarkParams = z.object({ id: z.coerce.number().int() });
export const RemarkModeration = z.object({ status: RemarkStatus.exclude(['pending']) });

export const AreaRemarks = z.object({
  level: z.string(),
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.number().int().describe('Approved remarks'),
      byCategory: z.record(z.string(), z.number().int()),
      remarks: z
        .array(Remark)
        .nullable()
        .describe(
          'The approved remarks whose texts the user may read (planners: all; partners: those in the areas of their bodies); else null',
        ),
    }),
  ),
});
export type AreaRemarks = z.infer<typeof AreaRemarks>;
