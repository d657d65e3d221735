/**
 * The open-data catalogue under /api/opendata: public, read-only, for open data portals
 * (GovData and the Länder portals harvest DCAT-AP.de). See opendata.service.ts for what it lists.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../core/file-response.ts';
import { Catalogue } from './opendata.schema.ts';
import { buildCatalogue, type CatalogueUrls } from './opendata.service.ts';

/** Absolute URLs as the client reached us (behind a trusted proxy: its host and protocol). */
const urlsOf = (req: FastifyRequest): CatalogueUrls => ({ origin: `${req.protocol}://${req.host}` });

export const opendataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['Offene Daten'],
        access: 'public',
        summary:
          'Open-Data-Katalog (DCAT-AP.de, JSON-LD): veröffentlichte Indikatoren, Gebietsgliederungen, OGC API',
        response: {
          200: fileResponse('DCAT-AP.de-Katalog als JSON-LD', ['application/ld+json'], Catalogue),
        },
      },
    },
    async (req, reply) => {
      const catalogue = await buildCatalogue(app.db, urlsOf(req));
      void reply.type('application/ld+json; charset=utf-8');
      return catalogue;
    },
  );
};
