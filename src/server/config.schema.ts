import { z } from 'zod';
import { StoredProjection } from '../projection/projection-series.schema.ts';
import { AreaLevel } from '../areas/area.schema.ts';
import { User } from '../auth/auth.schema.ts';

/** What the web app needs to start: territory, levels, dates, the current user. */
export const AppConfig = z.object({
  territory: z.object({ key: z.string(), name: z.string() }).nullable(),
  levels: z.array(AreaLevel),
  defaultLevel: z.string().nullable(),
  dates: z.array(z.string()).describe('Stichtage with data, ascending (YYYY-MM-DD)'),
  currentDate: z
    .string()
    .nullable()
    .describe('Datenstand: the latest Stichtag with population counts; pages open there'),
  tileUrl: z.string().nullable().describe('Optional raster tile URL template for a basemap'),
  user: User.nullable(),
  setupNeeded: z.boolean().describe('No user yet: the web app shows the Einrichtung (/einrichtung)'),
  projection: StoredProjection.nullable().describe(
    'The published projection: its Stichtage are offered as „Prognose“ for indicators of its variables',
  ),
  sources: z
    .object({ publisher: z.string(), licence: z.string() })
    .describe('Herausgeber and licence of the published data (city settings; empty when not set)'),
});
export type AppConfig = z.infer<typeof AppConfig>;
