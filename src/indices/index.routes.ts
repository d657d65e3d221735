/** Zusammengesetzte Indizes (Sozialmonitoring): definitions, results, robustness and history. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { createIndex, importIndices, removeIndex, replaceIndex } from './index.admin.ts';
import {
  HistoryQuery,
  IndexDefinition,
  IndexHistory,
  IndexList,
  IndexResult,
  ResultQuery,
  RobustnessQuery,
  RobustnessResult,
} from './index.schema.ts';
import { indexHistory, indexResult, indexRobustness, listIndices, requireIndex } from './index.service.ts';

const KeyParams = z.object({ key: z.string().min(1) });
const tags = ['Indizes'];
const readErrors = { 400: ErrorBody, 404: ErrorBody };
const writeErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const indexRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, access: 'public', summary: 'Alle Indexdefinitionen', response: { 200: IndexList } } },
    () => listIndices(app.db),
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Alle Indexdefinitionen als JSON (zum Import in eine andere Installation)',
        response: { 200: IndexList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'monitoring.edit');
      void reply.header('content-disposition', 'attachment; filename="indizes.json"');
      return listIndices(app.db);
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Indexdefinitionen aus JSON importieren (alle oder keine)',
        body: IndexList,
        response: { 200: z.object({ imported: z.number().int() }), ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'monitoring.edit');
      return importIndices(app.db, req.body, req.user);
    },
  );

  app.get(
    '/:key',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'Eine Indexdefinition',
        params: KeyParams,
        response: { 200: IndexDefinition, 404: ErrorBody },
      },
    },
    (req) => requireIndex(app.db, req.params.key),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Index anlegen',
        body: IndexDefinition,
        response: { 201: IndexDefinition, ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'monitoring.edit');
      return reply.status(201).send(await createIndex(app.db, req.body, req.user));
    },
  );

  app.put(
    '/:key',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Index ändern',
        params: KeyParams,
        body: IndexDefinition,
        response: { 200: IndexDefinition, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'monitoring.edit');
      return replaceIndex(app.db, req.params.key, req.body, req.user);
    },
  );

  app.delete(
    '/:key',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Index löschen (eingebaute nicht)',
        params: KeyParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'monitoring.edit');
      await removeIndex(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:key/result',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Index je Gebiet zu einem Stichtag (öffentlich: aus geheimhaltungsgeprüften Werten)',
        params: KeyParams,
        querystring: ResultQuery,
        response: { 200: IndexResult, ...readErrors },
      },
    },
    (req) => indexResult(app.db, req.user, req.params.key, req.query.level, req.query.date),
  );

  app.get(
    '/:key/robustness',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Robustheit (Monte Carlo über Gewichte, Standardisierung und Aggregation)',
        params: KeyParams,
        querystring: RobustnessQuery,
        response: { 200: RobustnessResult, ...readErrors },
      },
    },
    (req) =>
      indexRobustness(app.db, req.user, req.params.key, req.query.level, req.query.date, {
        runs: req.query.runs,
        seed: req.query.seed,
      }),
  );

  app.get(
    '/:key/history',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Indexklassen eines Gebiets über alle Stichtage',
        params: KeyParams,
        querystring: HistoryQuery,
        response: { 200: IndexHistory, ...readErrors },
      },
    },
    (req) => indexHistory(app.db, req.user, req.params.key, req.query.level, req.query.area),
  );
};
