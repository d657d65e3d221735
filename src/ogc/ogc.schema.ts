/**
 * OGC API – Features, Part 1 Core (OGC 17-069r4) with GeoJSON: the resources the standard names
 * (landing page, conformance, collections, items), as zod schemas for validation, types and the
 * OpenAPI document. Only what Part 1 requires and GIS clients read; no HTML encoding.
 */
import { z } from 'zod';

/** CRS84: WGS84 longitude/latitude — the only CRS of Part 1 and the one our geometries are in. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
] as const;

/** The largest page a client may ask for (`limit`). */
export const MAX_LIMIT = 10_000;

export const OgcLink = z.object({
  href: z.string(),
  rel: z.string().describe('self, alternate, service-desc, conformance, data, items, next, prev …'),
  type: z.string().optional(),
  title: z.string().optional(),
});
export type OgcLink = z.infer<typeof OgcLink>;

export const OgcLandingPage = z
  .object({ title: z.string(), description: z.string(), links: z.array(OgcLink) })
  .describe('OGC API – Features: Landing Page');
export type OgcLandingPage = z.infer<typeof OgcLandingPage>;

export const OgcConformance = z.object({ conformsTo: z.array(z.string()) }).describe('Konformitätsklassen');

export const OgcCollection = z
  .object({
    id: z.string().describe('Level key, e.g. `sozialraum`'),
    title: z.string(),
    description: z.string(),
    links: z.array(OgcLink),
    extent: z.object({
      spatial: z.object({
        bbox: z.array(z.array(z.number()).length(4)).describe('[minLon, minLat, maxLon, maxLat] in CRS84'),
        crs: z.string(),
      }),
    }),
    itemType: z.literal('feature'),
    crs: z.array(z.string()),
  })
  .describe('OGC API – Features: eine Gebietsebene als Collection');
export type OgcCollection = z.infer<typeof OgcCollection>;

export const OgcCollections = z
  .object({ links: z.array(OgcLink), collections: z.array(OgcCollection) })
  .describe('OGC API – Features: alle Gebietsebenen');
export type OgcCollections = z.infer<typeof OgcCollections>;

const Geometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });

/** Indicator values are numbers, null where withheld (secret) or missing. */
const PropertyValue = z.union([z.string(), z.number(), z.null()]);

export const OgcFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('Area key (Gebietsschlüssel)'),
    geometry: Geometry,
    properties: z
      .record(z.string(), PropertyValue)
      .describe(
        '`key`, `name`, `parent`, `stichtag` (Datenstand of the values) and one value per published indicator (its key), disclosure-protected: null when withheld or missing',
      ),
    links: z.array(OgcLink).optional(),
  })
  .describe('OGC API – Features: ein Gebiet mit den öffentlichen Indikatorwerten');
export type OgcFeature = z.infer<typeof OgcFeature>;

export const OgcFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(OgcFeature),
    links: z.array(OgcLink),
    timeStamp: z.string(),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
  })
  .describe('OGC API – Features: eine Seite Gebiete (GeoJSON, CRS84)');
export type OgcFeatureCollection = z.infer<typeof OgcFeatureCollection>;

export const CollectionParams = z.object({
  level: z.string().min(1).describe('Collection id: the level key'),
});
export const ItemParams = CollectionParams.extend({ id: z.string().min(1).describe('Area key') });

const NUMBER = String.raw`\s*-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\s*`;
const BBOX = new RegExp(`^${NUMBER}(?:,${NUMBER}){3}(?:(?:,${NUMBER}){2})?$`);

/** `[minLon, minLat, maxLon, maxLat]` of the `bbox` parameter (a 3D box drops its heights). */
export type Bbox = [number, number, number, number];

export const ItemsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(10)
    .describe(`Features per page (1–${MAX_LIMIT}), default 10`),
  offset: z.coerce.number().int().min(0).default(0).describe('Features to skip (the `next` link sets it)'),
  bbox: z
    .string()
    .regex(BBOX, 'bbox: vier (oder sechs) Zahlen, durch Kommas getrennt')
    .transform((s): Bbox => {
      const n = s.split(',').map(Number);
      // a 3D box is minx,miny,minz,maxx,maxy,maxz
      return (n.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as Bbox;
    })
    .refine(([minx, miny, maxx, maxy]) => minx <= maxx && miny <= maxy, 'bbox: Minimum größer als Maximum')
    .optional()
    .describe('Only areas whose bounding box intersects minLon,minLat,maxLon,maxLat (CRS84)'),
});
export type ItemsQuery = z.infer<typeof ItemsQuery>;
