import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { notFound } from '../core/errors.ts';
import { createIndicator, importIndicators, removeIndicator, replaceIndicator } from './indicator.admin.ts';
import { listIndicators as listAll, patchIndicator } from './indicator.repository.ts';
import {
  Indicator,
  IndicatorCatalogue,
  IndicatorList,
  IndicatorPatch,
  IndicatorPatchResult,
  IndicatorValues,
  IndicatorValuesQuery,
  Series,
  SeriesQuery,
} from './indicator.schema.ts';
import { indicatorSeries, indicatorValues, listCatalogue, requireIndicator } from './indicator.service.ts';

const KeyParams = z.object({ key: z.string().min(1) });
const tags = ['Indikatoren'];
const writeErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'optional',
        summary:
          'Indikatorenkatalog (öffentlich: nur veröffentlichte), je Indikator ob seine Zähl- und Nennergrößen Werte haben',
        response: { 200: IndicatorCatalogue },
      },
    },
    (req) => listCatalogue(app.db, req.user),
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        access: 'indicators.edit',
        summary: 'Alle Indikatordefinitionen als JSON (zum Import in eine andere Installation)',
        response: { 200: IndicatorList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'indicators.edit');
      void reply.header('content-disposition', 'attachment; filename="indikatoren.json"');
      return listAll(app.db, false);
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        access: 'indicators.edit',
        summary: 'Indikatordefinitionen aus JSON importieren (alle oder keine)',
        body: IndicatorList,
        response: { 200: z.object({ imported: z.number().int() }), ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'indicators.edit');
      return importIndicators(app.db, req.body);
    },
  );

  app.get(
    '/:key',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Kennblatt eines Indikators',
        params: KeyParams,
        response: { 200: Indicator, 404: ErrorBody },
      },
    },
    (req) => requireIndicator(app.db, req.params.key, req.user),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        access: 'indicators.edit',
        summary: 'Indikator anlegen',
        body: Indicator,
        response: { 201: Indicator, ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'indicators.edit');
      return reply.status(201).send(await createIndicator(app.db, req.body));
    },
  );

  app.put(
    '/:key',
    {
      schema: {
        tags,
        access: 'indicators.edit',
        summary: 'Indikator ändern',
        params: KeyParams,
        body: Indicator,
        response: { 200: Indicator, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'indicators.edit');
      return replaceIndicator(app.db, req.params.key, req.body);
    },
  );

  app.delete(
    '/:key',
    {
      schema: {
        tags,
        access: 'indicators.edit',
        summary: 'Indikator löschen',
        params: KeyParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'indicators.edit');
      await removeIndicator(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:key/values',
    {
      schema: {
        tags,
        access: 'optional',
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
        tags,
        access: 'optional',
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
        tags,
        access: 'indicators.edit',
        summary:
          'Indikator veröffentlichen oder zurückziehen; Standard-Klasseneinteilung der Karte speichern',
        params: KeyParams,
        body: IndicatorPatch,
        response: { 200: IndicatorPatchResult, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'indicators.edit');
      const stored = await patchIndicator(app.db, req.params.key, req.body);
      if (!stored) throw notFound('indicators.not_found', `Den Indikator „${req.params.key}“ gibt es nicht.`);
      return stored;
    },
  );
};
