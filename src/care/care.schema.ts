/**
 * Schemas of the Pflegebedarfsplan over HTTP (docs/methods.md §7, Pflegebedarf): the query — level, base,
 * target, trend of the care rates — and the persons in need and places per area, parent area and
 * city for every projected year. The route validates with them and the OpenAPI document is
 * generated from them.
 */
import { z } from 'zod';

const Day = z.iso.date();
const Persons = (what: string) => z.number().int().describe(what);

/** Query string of `GET /api/care/plan`. */
export const CarePlanQuery = z.object({
  level: z.string().min(1).max(60).describe('Level key, e.g. `sozialraum`'),
  base: Day.describe('Base Stichtag of the population projection'),
  to: Day.describe('Last Stichtag, whole years after the base (e.g. 2040-12-31, included)'),
  trend: z.coerce
    .number()
    .gt(-100)
    .max(100)
    .default(0)
    .describe(
      'Change of the care rates in percent per year from the base (scenario; default 0, e.g. 1 = +1 % a year)',
    ),
  assumptions: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe(
      'Key of the care assumptions (rates, settings shares, occupancy); default `pflegestatistik_2019`',
    ),
});

const Share = z.number().min(0).max(1);

/** Care assumptions as a planner enters them (`POST /api/care/assumptions`). */
export const CareAssumptionsBody = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_]{0,59}$/, 'Kleinbuchstaben, Ziffern und _, höchstens 60 Zeichen')
    .describe('Key, e.g. `nrw_2023`; an existing key gets a new version'),
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().max(500).describe('Where the rates and shares come from'),
  rateYear: z.number().int().min(1990).max(2100).describe('Year the rates were observed'),
  bands: z
    .array(
      z.object({
        from: z.number().int().min(0).max(120),
        to: z.number().int().min(1).max(121).nullable().describe('Exclusive; null: and older'),
        rate: Share.describe('Care rate as a share (0.083 = 8.3 %)'),
      }),
    )
    .min(1)
    .max(40)
    .describe('Care rates by age band, ascending'),
  shares: z
    .object({ angehoerige: Share, ambulant: Share, tagespflege: Share, stationaer: Share })
    .describe('Shares of the persons in need per care setting; sum 1'),
  occupancy: z
    .object({ stationaer: Share, tagespflege: Share })
    .describe('Occupancy of Pflegeheim and Tagespflege places (places = persons / occupancy)'),
});
export type CareAssumptionsBody = z.infer<typeof CareAssumptionsBody>;

/** A stored version of care assumptions. */
export const StoredCareAssumptions = CareAssumptionsBody.extend({
  id: z.number().int(),
  recordedAt: z.string().describe('When this version was recorded (UTC)'),
  recordedBy: z.string().nullable().describe('User name of who recorded it; null: built in'),
}).describe('Pflegeannahmen');

const Places = z.object({
  required: Persons('Places needed (persons in the setting / occupancy)'),
  capacity: Persons('Places of the facilities in operation at the date'),
  balance: z.number().int().describe('capacity − required: negative = places missing'),
});

/** One area (or sum) and year of the care plan, in whole persons and places. */
export const CarePlanRow = z.object({
  area: z.string().describe('Area key; for sums the parent area’s key or `stadt`'),
  name: z.string(),
  date: Day.describe('Projected Stichtag'),
  ew65plus: Persons('Persons aged 65 and older (projected)'),
  need: Persons('Persons in need of care (Pflegebedürftige)'),
  persons: z
    .object({
      angehoerige: Persons('Cared for by relatives only'),
      ambulant: Persons('With an ambulant service'),
      tagespflege: Persons('In day care (Tagespflege)'),
      stationaer: Persons('In a care home (stationär)'),
    })
    .describe('Persons in need by care setting'),
  places: z
    .object({
      stationaer: Places.describe('Pflegeheim places'),
      tagespflege: Places.describe('Tagespflege places'),
    })
    .describe('Places needed beside places in operation'),
});

/** The Pflegebedarfsplan of a level. */
export const CarePlan = z
  .object({
    level: z.string().describe('Level key'),
    base: Day.describe('Base Stichtag'),
    to: Day.describe('Last projected Stichtag'),
    assumptions: CareAssumptionsBody.extend({
      source: z.string().describe('Source of rates and shares, to print under every table'),
      trend: z.number().describe('Yearly factor on the care rates (1 = constant)'),
    }).describe('The care rates, shares and occupancy used'),
    areas: z.array(CarePlanRow).describe('Every area of the level, every year'),
    parents: z.array(CarePlanRow).describe('Sums by parent area (e.g. Stadtbezirk); empty without parents'),
    city: z.array(CarePlanRow).describe('Sums for the city, every year'),
  })
  .describe('Pflegebedarfsplan: Pflegebedürftige und Plätze je Gebiet und Jahr');
export type CarePlan = z.infer<typeof CarePlan>;
