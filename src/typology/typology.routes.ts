/**
 * Sozialraumtypen und Vergleich: read-only routes (validate → service → present). Everyone may
 * read; what a user sees is decided in the level table (protected values for the public).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../core/error.schema.ts';
import {
  ClustersQuery,
  ClustersResult,
  CompareQuery,
  CompareResult,
  SimilarQuery,
  SimilarResult,
} from './typology.schema.ts';
import { clusters, compare, similar } from './typology.service.ts';

const tags = ['Sozialraumtypen'];
const errors = { 400: ErrorBody, 404: ErrorBody, 422: ErrorBody };

export const typologyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clusters',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Sozialraumtypen: k-means auf z-standardisierten Indikatoren, k nach mittlerer Silhouette',
        querystring: ClustersQuery,
        response: { 200: ClustersResult, ...errors },
      },
    },
    (req) => clusters(app.db, req.user, req.query),
  );

  app.get(
    '/similar',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Vergleichbare Gebiete: alle Indikatoren innerhalb eines Toleranzbands, nächste zuerst',
        querystring: SimilarQuery,
        response: { 200: SimilarResult, ...errors },
      },
    },
    (req) => similar(app.db, req.user, req.query),
  );

  app.get(
    '/compare',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Zwei Gebiete oder ein Gebiet mit Stadt bzw. Bezirk vergleichen (Werte, Differenzen, Ränge)',
        querystring: CompareQuery,
        response: { 200: CompareResult, ...errors },
      },
    },
    (req) => compare(app.db, req.user, req.query),
  );
};
