import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { notFound } from '../core/errors.ts';
import { ErrorBody } from '../server/error.schema.ts';
import { setPublished } from './indicator.repository.ts';
import {
  Indicator,
  IndicatorPatch,
  IndicatorValues,
  IndicatorValuesQuery,
  Series,
  SeriesQuery,
} from './indicator.schema.ts';
import { indicatorSeries, indicatorValues, listIndicators } from './indicator.service.ts';

const KeyParams = z.object({ key: z.string().min(1) });

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Indikatoren'],
        summary: 'Indikatorenkatalog (öffentlich: nur veröffentlichte)',
        response: { 200: z.array(Indicator) },
      },
    },
    (req) => listIndicators(app.db, req.user),
  );

  app.get(
    '/:key/values',
    {
      schema: {
        tags: ['Indikatoren'],
        summary: 'Werte je Gebiet zu einem Stichtag (öffentlich: geheimhaltungsgeprüft)',
        params: KeyParams,
        querystring: IndicatorValuesQuery,
        response: { 200: IndicatorValues, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => indicatorValues(app.db, req.user, req.params.key, req.query.level, req.query.date),
  );

  app.get(
    '/:key/series',
    {
      schema: {
        tags: ['Indikatoren'],
        summary: 'Zeitreihe eines Gebiets mit Stadtwert',
        params: KeyParams,
        querystring: SeriesQuery,
        response: { 200: Series, 404: ErrorBody },
      },
    },
    (req) => indicatorSeries(app.db, req.user, req.params.key, req.query.level, req.query.id),
  );

  app.patch(
    '/:key',
    {
      schema: {
        tags: ['Indikatoren'],
        summary: 'Indikator veröffentlichen oder zurückziehen',
        params: KeyParams,
        body: IndicatorPatch,
        response: {
          200: z.object({ key: z.string(), published: z.boolean() }),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'indicators.edit');
      if (!(await setPublished(app.db, req.params.key, req.body.published)))
        throw notFound('indicators.not_found', `Den Indikator „${req.params.key}“ gibt es nicht.`);
      return { key: req.params.key, published: req.body.published };
    },
  );
};
