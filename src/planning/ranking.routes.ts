/**
 * The Bedarfsplan's ranking under `/api/planning`, as JSON and as a file: for everyone, planners
 * from unprotected values, the public from published norms and disclosure-protected values only
 * (ranking.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse, sendFile } from '../core/file-response.ts';
import { exportRanking } from './ranking-export.ts';
import { Ranking, RankingExportQuery, RankingQuery } from './ranking.schema.ts';
import { computeRanking } from './ranking.service.ts';

const TAGS = ['Planung'];

export const rankingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ranking',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Bedarfsplan: Gebiete einer Ebene nach Bedarf gereiht – Versorgungslücke eines Richtwerts, Klasse eines Sozialindex, Entfernung zur nächsten Einrichtung – mit Begründung (öffentlich: veröffentlichte Richtwerte, geheimhaltungsgeprüft)',
        querystring: RankingQuery,
        response: { 200: Ranking, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => computeRanking(app.db, req.user, req.query),
  );

  app.get(
    '/ranking/export',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Bedarfsplan als CSV oder XLSX: die Gebiete in der Reihenfolge des Bedarfs mit Begründung, Richtwert und Quelle (öffentlich: geheimhaltungsgeprüft)',
        querystring: RankingExportQuery,
        response: {
          200: fileResponse('Die Tabelle im gewählten Format', [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ]),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => sendFile(reply, await exportRanking(app.db, req.user, req.query)),
  );
};
