import { z } from 'zod';

/** One area as listed by the API and the CLI (`lagebild areas list --json`). */
export const AreaSummary = z
  .object({
    id: z.string().describe('Area key (Gebietsschlüssel), e.g. the Berlin PLR_ID'),
    name: z.string(),
    level: z.string().describe('Level key, e.g. `sozialraum`'),
    parent: z.string().nullable().describe('Key of the parent area, if any'),
    parentLevel: z
      .string()
      .nullable()
      .describe(
        'Level key of the parent area: mostly the level’s parent level, but in a ragged hierarchy any coarser level (a Wohnplatz under a Sozialraum of one Gemeinde, under the Gemeinde elsewhere)',
      ),
    areaM2: z.number().describe('True area on the ellipsoid in m²'),
  })
  .describe('Gebiet');
export type AreaSummary = z.infer<typeof AreaSummary>;

/** Properties of every feature in `GET /api/areas/geojson`. */
export const AreaFeatureProperties = z.object({
  id: z.string().describe('Area key'),
  name: z.string(),
  parent: z.string().nullable(),
  level: z.string(),
});
export type AreaFeatureProperties = z.infer<typeof AreaFeatureProperties>;

const Geometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });

export const AreaFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: AreaFeatureProperties,
        geometry: Geometry,
      }),
    ),
  })
  .describe('GeoJSON FeatureCollection in WGS84');
export type AreaFeatureCollection = z.infer<typeof AreaFeatureCollection>;

export const AreaLevel = z.object({
  key: z.string(),
  name: z.string(),
  rank: z.number().int().describe('0 = whole territory, larger = finer'),
  parent: z.string().nullable(),
  areaCount: z.number().int(),
  partial: z
    .boolean()
    .describe(
      'Covers only part of its parent level (e.g. the Sozialräume of one Gemeinde of a Kreis): areas of the parent level without any area of this level below them',
    ),
  partialIn: z
    .array(z.string())
    .optional()
    .describe(
      'Partial levels only: names of the parent level’s areas that have areas of this level below them',
    ),
});
export type AreaLevel = z.infer<typeof AreaLevel>;

export const LevelQuery = z.object({ level: z.string().min(1).describe('Level key') });

export const GeometryQuery = LevelQuery.extend({
  detail: z.enum(['display', 'full']).default('display').describe('Simplified display geometry or full'),
});

export const LocateQuery = LevelQuery.extend({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

export const LocateResult = z.object({ id: z.string(), name: z.string() });
export type LocateResult = z.infer<typeof LocateResult>;

export const ImportAreasFields = z.object({
  level: z.string().min(1),
  name: z.string().min(1).max(80).optional().describe('Display name of a new level'),
  idField: z.string().optional(),
  nameField: z.string().optional(),
  parentField: z.string().optional(),
  crs: z.string().optional(),
  validFrom: z.iso.date().optional().describe('Gebietsstand gültig ab (default: today)'),
});
export type ImportAreasFields = z.infer<typeof ImportAreasFields>;

/** The file parts of an area upload (OpenAPI): any field name, several parts. */
export const AREA_FILES = 'Shapefile-Teile (.shp, .dbf, .shx, .prj, .cpg), eine ZIP-Datei oder GeoJSON';

export const ImportAreasResult = z.object({
  level: z.string(),
  imported: z.number().int(),
  crs: z.string().describe('Source CRS as understood (proj4 string or EPSG code)'),
  repaired: z.array(z.string()).describe('Keys of areas whose geometry was repaired'),
  sourceId: z.number().int(),
});
export type ImportAreasResult = z.infer<typeof ImportAreasResult>;
