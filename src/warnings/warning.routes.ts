/**
 * Zeitvergleich und Frühwarnung over HTTP: warnings of a level at a Stichtag, the time comparison
 * of one area, and the warning rules (readable by everyone, edited with monitoring.edit).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { areaChanges } from './changes.service.ts';
import { createRule, importRules, removeRule, replaceRule, requireRule } from './rule.admin.ts';
import { listRules } from './warning.repository.ts';
import {
  Changes,
  ChangesQuery,
  RuleList,
  WarningList,
  WarningRule,
  WarningsQuery,
} from './warning.schema.ts';
import { evaluateWarnings } from './warning.service.ts';

const KeyParams = z.object({ key: z.string().min(1) });
const tags = ['Frühwarnung'];
const readErrors = { 400: ErrorBody, 404: ErrorBody };
const writeErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const warningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/warnings',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Frühwarnliste einer Ebene zu einem Stichtag (öffentlich: geheimhaltungsgeprüfte Werte)',
        querystring: WarningsQuery,
        response: { 200: WarningList, ...readErrors },
      },
    },
    (req) => evaluateWarnings(app.db, req.user, req.query, { own: true }),
  );

  app.get(
    '/changes',
    {
      schema: {
        tags,
        access: 'optional',
        summary: 'Zeitvergleich eines Gebiets: Veränderung zum Vorjahr, gegenüber der Stadt und Trend',
        querystring: ChangesQuery,
        response: { 200: Changes, ...readErrors },
      },
    },
    (req) => areaChanges(app.db, req.user, req.query, { own: true }),
  );

  app.get(
    '/rules',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'Alle Warnregeln (auch als JSON-Export)',
        response: { 200: RuleList },
      },
    },
    () => listRules(app.db),
  );

  app.post(
    '/rules/import',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Warnregeln aus JSON importieren (alle oder keine; vorhandene Schlüssel werden ersetzt)',
        body: RuleList,
        response: { 200: z.object({ imported: z.number().int() }), ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'monitoring.edit');
      return importRules(app.db, req.user, req.body);
    },
  );

  app.get(
    '/rules/:key',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'Eine Warnregel',
        params: KeyParams,
        response: { 200: WarningRule, 404: ErrorBody },
      },
    },
    (req) => requireRule(app.db, req.params.key),
  );

  app.post(
    '/rules',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Warnregel anlegen',
        body: WarningRule,
        response: { 201: WarningRule, ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'monitoring.edit');
      return reply.status(201).send(await createRule(app.db, req.user, req.body));
    },
  );

  app.put(
    '/rules/:key',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Warnregel ändern (auch aktivieren oder deaktivieren)',
        params: KeyParams,
        body: WarningRule,
        response: { 200: WarningRule, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'monitoring.edit');
      return replaceRule(app.db, req.user, req.params.key, req.body);
    },
  );

  app.delete(
    '/rules/:key',
    {
      schema: {
        tags,
        access: 'monitoring.edit',
        summary: 'Warnregel löschen',
        params: KeyParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'monitoring.edit');
      await removeRule(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );
};
