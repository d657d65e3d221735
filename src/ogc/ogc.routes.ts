/**
 * OGC API – Features (Part 1 Core, GeoJSON) under /ogc: public, read-only, for GIS clients (QGIS,
 * GDAL's OAPIF driver, ArcGIS) and open data portals. See ogc.service.ts for what is served.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse } from '../core/file-response.ts';
import {
  CollectionParams,
  ItemParams,
  ItemsQuery,
  OgcCollection,
  OgcCollections,
  OgcConformance,
  OgcFeature,
  OgcFeatureCollection,
  OgcLandingPage,
} from './ogc.schema.ts';
import {
  conformance,
  getCollection,
  getItem,
  landingPage,
  listCollections,
  listItems,
  type OgcUrls,
} from './ogc.service.ts';

const tags = ['OGC API Features'];

/** Absolute URLs as the client reached us (behind a trusted proxy: its host and protocol). */
function urlsOf(req: FastifyRequest): OgcUrls {
  const origin = `${req.protocol}://${req.host}`;
  return { base: `${origin}/ogc`, openapi: `${origin}/api/docs/json`, docs: `${origin}/api/docs` };
}

// RFC 7946 §12: features in GeoJSON's own media type, which GIS clients look for
const geojson = (reply: FastifyReply) => void reply.type('application/geo+json');

export const ogcRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: Landing Page',
        response: { 200: OgcLandingPage },
      },
    },
    (req) => landingPage(urlsOf(req)),
  );

  app.get(
    '/conformance',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: Konformitätsklassen',
        response: { 200: OgcConformance },
      },
    },
    () => conformance(),
  );

  app.get(
    '/collections',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: Gebietsebenen mit Ausdehnung (CRS84)',
        response: { 200: OgcCollections },
      },
    },
    (req) => listCollections(app.db, urlsOf(req)),
  );

  app.get(
    '/collections/:level',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: eine Gebietsebene',
        params: CollectionParams,
        response: { 200: OgcCollection, 404: ErrorBody },
      },
    },
    (req) => getCollection(app.db, urlsOf(req), req.params.level),
  );

  app.get(
    '/collections/:level/items',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: Gebiete mit öffentlichen Indikatorwerten (GeoJSON, seitenweise)',
        params: CollectionParams,
        querystring: ItemsQuery,
        response: {
          200: fileResponse(
            'GeoJSON FeatureCollection (CRS84)',
            ['application/geo+json'],
            OgcFeatureCollection,
          ),
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const page = await listItems(app.db, urlsOf(req), req.params.level, req.query);
      geojson(reply);
      return page;
    },
  );

  app.get(
    '/collections/:level/items/:id',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OGC API – Features: ein Gebiet (GeoJSON)',
        params: ItemParams,
        response: {
          200: fileResponse('GeoJSON Feature (CRS84)', ['application/geo+json'], OgcFeature),
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const feature = await getItem(app.db, urlsOf(req), req.params.level, req.params.id);
      geojson(reply);
      return feature;
    },
  );
};
