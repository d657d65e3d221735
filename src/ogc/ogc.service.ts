/**
 * OGC API – Features over the areas: every level is a collection, every area a feature with the
 * public values of the published indicators at the Datenstand. The values come from the level
 * table as an anonymous reader sees it (`user = null`), so they are disclosure-protected whoever
 * asks: this API is for open data portals and GIS, never for the planners' unprotected view.
 */
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { pickStichtag } from '../indicators/stichtag.ts';
import { currentDate } from '../observations/observation.repository.ts';
import { areaPage, levelExtents, type AreaFeatureRow, type LevelExtent } from './ogc.repository.ts';
import {
  CONFORMANCE,
  CRS84,
  type ItemsQuery,
  type OgcCollection,
  type OgcCollections,
  type OgcFeature,
  type OgcFeatureCollection,
  type OgcLandingPage,
  type OgcLink,
} from './ogc.schema.ts';

const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';

/** Where the API is reachable, as the client asked for it: links must be absolute for GIS clients. */
export interface OgcUrls {
  /** e.g. `https://lagebild.example.org/ogc` */
  base: string;
  /** The OpenAPI document (JSON), e.g. `https://lagebild.example.org/api/docs/json`. */
  openapi: string;
  /** The API documentation for people (Swagger UI). */
  docs: string;
}

export function landingPage(urls: OgcUrls): OgcLandingPage {
  return {
    title: 'Lagebild – Gebiete und Indikatoren (OGC API – Features)',
    description:
      'Die Gebiete jeder Ebene mit den öffentlichen, geheimhaltungsgeprüften Werten der veröffentlichten Indikatoren zum Datenstand, als GeoJSON (WGS84).',
    links: [
      { href: urls.base, rel: 'self', type: JSON_TYPE, title: 'Diese Seite' },
      {
        href: urls.openapi,
        rel: 'service-desc',
        type: 'application/vnd.oai.openapi+json;version=3.0',
        title: 'OpenAPI-Beschreibung',
      },
      { href: urls.docs, rel: 'service-doc', type: 'text/html', title: 'API-Dokumentation' },
      { href: `${urls.base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Konformitätsklassen' },
      { href: `${urls.base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Gebietsebenen' },
    ],
  };
}

export const conformance = () => ({ conformsTo: [...CONFORMANCE] });

function presentCollection(urls: OgcUrls, level: LevelExtent): OgcCollection {
  const self = `${urls.base}/collections/${encodeURIComponent(level.key)}`;
  return {
    id: level.key,
    title: level.name,
    description: `${level.areaCount} Gebiete der Ebene „${level.name}“ mit den öffentlichen Indikatorwerten zum Datenstand`,
    links: [
      { href: self, rel: 'self', type: JSON_TYPE, title: level.name },
      { href: `${self}/items`, rel: 'items', type: GEOJSON, title: `Gebiete: ${level.name}` },
    ],
    extent: { spatial: { bbox: [level.bbox], crs: CRS84 } },
    itemType: 'feature',
    crs: [CRS84],
  };
}

export async function listCollections(db: Db, urls: OgcUrls): Promise<OgcCollections> {
  const levels = await levelExtents(db);
  return {
    links: [{ href: `${urls.base}/collections`, rel: 'self', type: JSON_TYPE }],
    collections: levels.map((l) => presentCollection(urls, l)),
  };
}

async function requireCollection(db: Db, levelKey: string): Promise<LevelExtent> {
  const [level] = await levelExtents(db, levelKey);
  if (!level)
    throw notFound(
      'ogc.unknown_collection',
      `Die Ebene „${levelKey}“ gibt es nicht oder sie hat keine Gebiete.`,
    );
  return level;
}

export async function getCollection(db: Db, urls: OgcUrls, levelKey: string): Promise<OgcCollection> {
  return presentCollection(urls, await requireCollection(db, levelKey));
}

/** The public values per area key at the Datenstand; no Stichtag yet: no values. */
async function publicValues(db: Db, levelKey: string) {
  // user null: the anonymous reader's table — published indicators, protected values
  const table = await loadLevelTable(db, null, levelKey);
  if (!table.dates.length)
    return { stichtag: null, values: new Map<string, Record<string, number | null>>() };
  const at = pickStichtag(table.dates, undefined, await currentDate(db), 'ogc.no_date');
  const values = new Map(
    table.areas.map((area, i) => [
      area.key,
      Object.fromEntries(
        [...table.grids].map(([key, grid]) => [key, grid.cells[at]?.[i]?.value ?? null] as const),
      ),
    ]),
  );
  return { stichtag: table.dates[at] ?? null, values };
}

function presentFeature(
  row: AreaFeatureRow,
  values: Awaited<ReturnType<typeof publicValues>>,
  links?: OgcLink[],
): OgcFeature {
  return {
    type: 'Feature',
    id: row.key,
    geometry: row.geometry,
    properties: {
      ...values.values.get(row.key),
      // after the values: an indicator named like these could not hide them
      key: row.key,
      name: row.name,
      parent: row.parent,
      stichtag: values.stichtag,
    },
    ...(links && { links }),
  };
}

/** One page of the areas of a level, with `next`/`prev` links that keep the query. */
export async function listItems(
  db: Db,
  urls: OgcUrls,
  levelKey: string,
  query: ItemsQuery,
): Promise<OgcFeatureCollection> {
  await requireCollection(db, levelKey);
  const { limit, offset, bbox } = query;
  const page = await areaPage(db, levelKey, { limit, offset, bbox });
  const values = await publicValues(db, levelKey);
  const items = `${urls.base}/collections/${encodeURIComponent(levelKey)}/items`;
  const at = (o: number) => {
    const params = new URLSearchParams({ limit: String(limit), offset: String(o) });
    if (bbox) params.set('bbox', bbox.join(','));
    return `${items}?${params}`;
  };
  const links: OgcLink[] = [{ href: at(offset), rel: 'self', type: GEOJSON }];
  if (offset + page.rows.length < page.matched)
    links.push({ href: at(offset + limit), rel: 'next', type: GEOJSON, title: 'Nächste Seite' });
  if (offset > 0)
    links.push({ href: at(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON, title: 'Vorige Seite' });
  links.push({
    href: `${urls.base}/collections/${encodeURIComponent(levelKey)}`,
    rel: 'collection',
    type: JSON_TYPE,
  });
  return {
    type: 'FeatureCollection',
    features: page.rows.map((r) => presentFeature(r, values)),
    links,
    timeStamp: new Date().toISOString(),
    numberMatched: page.matched,
    numberReturned: page.rows.length,
  };
}

export async function getItem(db: Db, urls: OgcUrls, levelKey: string, areaKey: string): Promise<OgcFeature> {
  await requireCollection(db, levelKey);
  const { rows } = await areaPage(db, levelKey, { limit: 1, offset: 0, key: areaKey });
  const row = rows[0];
  if (!row)
    throw notFound('ogc.unknown_item', `Das Gebiet „${areaKey}“ gibt es auf der Ebene „${levelKey}“ nicht.`);
  const collection = `${urls.base}/collections/${encodeURIComponent(levelKey)}`;
  return presentFeature(row, await publicValues(db, levelKey), [
    { href: `${collection}/items/${encodeURIComponent(areaKey)}`, rel: 'self', type: GEOJSON },
    { href: collection, rel: 'collection', type: JSON_TYPE },
  ]);
}
