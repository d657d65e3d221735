/** Schemas of the facilities domain (social infrastructure): API, CLI and OpenAPI from one place. */
import { z } from 'zod';

const TypeKey = z.string().min(1).max(60).describe('Key of the facility type (Einrichtungsart), e.g. `kita`');
const Day = z.iso.date();

/** Einrichtungsart: what a facility is and what its capacity counts. */
export const FacilityType = z
  .object({
    key: z.string(),
    name: z.string().describe('German name, e.g. „Kindertageseinrichtung“'),
    capacityUnit: z.string().describe('What the capacity counts: „Plätze“, „m² Spielfläche“ …'),
    description: z.string(),
    sort: z.number().int(),
    capacityParts: z
      .array(z.object({ key: z.string(), name: z.string() }))
      .describe(
        'Parts of the capacity that norms count separately (Teilkapazitäten), e.g. a Kita’s ' +
          '`plaetze_u3` and `plaetze_ue3`: keys of the facility properties, in display order',
      ),
  })
  .describe('Einrichtungsart');
export type FacilityType = z.infer<typeof FacilityType>;

/** Status of a facility at a date (Stichtag). */
export const FacilityStatus = z
  .enum(['in Betrieb', 'geplant', 'geschlossen'])
  .describe('At the date: in operation, planned (opens later) or closed');
export type FacilityStatus = z.infer<typeof FacilityStatus>;

/** One facility as it is at a date: the version valid then (or the next planned, or the last one). */
export const Facility = z
  .object({
    id: z.number().int().describe('Id of this version (PATCH and close refer to the open version)'),
    type: z.string(),
    key: z.string().describe('Number of the facility, its identity across deliveries'),
    name: z.string(),
    capacity: z.number().nullable().describe('In the unit of the type; null: not known'),
    parts: z
      .record(z.string(), z.number().nullable())
      .describe('Value of each capacity part of the type, in its unit; null: not known'),
    carrier: z.string().nullable().describe('Träger'),
    address: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    area: z
      .string()
      .nullable()
      .describe('Key of its area on the finest level when recorded; null: outside every area'),
    validFrom: Day.nullable().describe('Opened (or changed) on; null: since an unknown date'),
    validTo: Day.nullable().describe('Closed (or changed) on; null: open'),
    status: FacilityStatus,
  })
  .describe('Einrichtung');
export type Facility = z.infer<typeof Facility>;

export const FacilityListQuery = z.object({
  type: TypeKey.optional().describe('Only this type; default every type'),
  date: Day.optional().describe('Stichtag; default today'),
});

export const FacilityExportQuery = z.object({
  type: TypeKey,
  date: Day.optional().describe('Stichtag; default today'),
  format: z.enum(['geojson', 'csv']).default('geojson'),
});

export const FacilityCountQuery = z.object({
  type: TypeKey,
  level: z.string().min(1).describe('Level key, e.g. `planungsraum`'),
  date: Day.optional().describe('Stichtag; default today'),
});

/** Facilities in operation at the date, per area of a level. */
export const FacilityCount = z
  .object({
    type: z.string(),
    level: z.string(),
    date: Day,
    capacityUnit: z.string(),
    areas: z
      .array(
        z.object({
          area: z.string().describe('Area key'),
          name: z.string(),
          count: z.number().int(),
          capacity: z.number().describe('Sum of the known capacities'),
        }),
      )
      .describe('Every current area of the level, sorted by key, zeros included'),
    outside: z
      .object({ count: z.number().int(), capacity: z.number() })
      .describe('Facilities outside every area of the level'),
    total: z.object({ count: z.number().int(), capacity: z.number() }),
  })
  .describe('Einrichtungen je Gebiet');
export type FacilityCount = z.infer<typeof FacilityCount>;

/** One problem of an import: row (record or CSV line), field, code, severity, German message. */
export const FacilityProblemSchema = z.object({
  row: z.number().int().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const ImportFacilitiesFields = z.object({
  type: TypeKey,
  idField: z.string().max(200).optional(),
  nameField: z.string().max(200).optional(),
  capacityField: z.string().max(200).optional(),
  carrierField: z.string().max(200).optional(),
  crs: z.string().max(2000).optional(),
  xField: z.string().max(200).optional().describe('CSV: column of the x coordinate'),
  yField: z.string().max(200).optional().describe('CSV: column of the y coordinate'),
  validFrom: Day.optional().describe(
    'State of the delivery: changes and closures from this day (default today)',
  ),
  closeMissing: z
    .enum(['1', 'true', '0', 'false'])
    .optional()
    .describe('1: facilities of the type missing from the delivery are closed'),
});

export const ImportFacilitiesResult = z.object({
  type: z.string(),
  fileName: z.string(),
  crs: z.string(),
  validFrom: Day,
  read: z.number().int().describe('Facilities read from the file'),
  new: z.number().int(),
  changed: z.number().int().describe('New version, the previous one closed'),
  unchanged: z.number().int(),
  closed: z.number().int().describe('Missing from the delivery and closed (closeMissing)'),
  outside: z.number().int().describe('Outside every area (kept, without area)'),
  problems: z.array(FacilityProblemSchema).describe('Warnings (an error refuses the whole file)'),
  sourceId: z.number().int().nullable().describe('Provenance row; null when nothing changed'),
});
export type ImportFacilitiesResult = z.infer<typeof ImportFacilitiesResult>;

const Capacity = z.number().min(0).nullable();
const Parts = z
  .record(z.string().min(1).max(100), z.number().min(0).max(1_000_000).nullable())
  .describe('Capacity parts of the type by key, e.g. {"plaetze_u3": 20, "plaetze_ue3": 45}; null: not known');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const CreateFacilityBody = z.object({
  type: TypeKey,
  key: Text(100).optional().describe('Number of the facility; default a new one'),
  name: Text(300),
  capacity: Capacity.optional(),
  parts: Parts.optional(),
  carrier: Text(300).nullable().optional(),
  address: Text(300).nullable().optional(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  validFrom: Day.optional().describe('Opens on (a later day: planned); default today'),
});
export type CreateFacilityBody = z.infer<typeof CreateFacilityBody>;

export const UpdateFacilityBody = z.object({
  name: Text(300).optional(),
  capacity: Capacity.optional(),
  parts: Parts.optional().describe('The parts to change (others stay); null: no longer known'),
  carrier: Text(300).nullable().optional(),
  address: Text(300).nullable().optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  validFrom: Day.optional().describe('The change holds from this day; default today'),
});
export type UpdateFacilityBody = z.infer<typeof UpdateFacilityBody>;

export const CloseFacilityBody = z.object({
  validTo: Day.optional().describe('Closed on this day; default today'),
});

export const FacilityIdParams = z.object({ id: z.coerce.number().int().positive() });

/** The file parts of a facility upload (OpenAPI). */
export const FACILITY_FILES =
  'GeoJSON mit Punkten, Shapefile-Teile (.shp, .dbf, .shx, .prj, .cpg) oder ZIP, oder eine CSV-Liste mit Koordinatenspalten';
