/**
 * Statements on land-use plans under `/api/statements` and occupancy profiles under
 * `/api/occupancy-profiles`. Planning work computed from unprotected counts: for planners only
 * (`statements.edit`), reading included.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse } from '../core/file-response.ts';
import { REPORT_MEDIA_TYPES } from '../reports/render.ts';
import {
  OccupancyProfile,
  OccupancyProfileWithHistory,
  ProfileKeyParams,
  PutProfileBody,
} from './occupancy.schema.ts';
import { listProfiles, putProfile, showProfile } from './occupancy.service.ts';
import {
  CreateStatementBody,
  Statement,
  StatementDocumentQuery,
  StatementIdParams,
  StatementResult,
  StatementSummary,
  UpdateStatementBody,
} from './statement.schema.ts';
import {
  computeUnstored,
  createStatement,
  deleteStatement,
  listStatements,
  requireStatement,
  statementResult,
  updateStatement,
} from './statement.service.ts';
import { statementDocument } from './statement.document.ts';

const TAGS = ['Stellungnahmen'];
const ACCESS = 'statements.edit' as const;
const READ_ERRORS = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const ERRORS = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  // every route here is for planners: others are refused before their input is looked at, so an
  // anonymous request is a 401 whatever it sends (each handler still authorizes explicitly)
  app.addHook('onRequest', async (req) => authorize(req.user, ACCESS));

  app.get(
    '/statements',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Stellungnahmen zur Bauleitplanung, zuletzt geänderte zuerst',
        response: { 200: z.array(StatementSummary), 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return listStatements(app.db);
    },
  );

  app.post(
    '/statements',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Stellungnahme anlegen: Plangebiet (GeoJSON, beliebiges Koordinatensystem), Wohneinheiten',
        body: CreateStatementBody,
        response: { 201: Statement, ...ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, ACCESS);
      return reply.status(201).send(await createStatement(app.db, req.body, importerId(req.user)));
    },
  );

  app.post(
    '/statements/compute',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Stellungnahme berechnen, ohne sie zu speichern (Kommandozeile, Vorschau)',
        body: CreateStatementBody,
        response: { 200: StatementResult, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return computeUnstored(app.db, req.user, req.body);
    },
  );

  app.get(
    '/statements/:id',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Eine Stellungnahme mit Plangebiet und Wohneinheiten',
        params: StatementIdParams,
        response: { 200: Statement, ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return requireStatement(app.db, req.params.id);
    },
  );

  app.patch(
    '/statements/:id',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Stellungnahme ändern',
        params: StatementIdParams,
        body: UpdateStatementBody,
        response: { 200: Statement, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return updateStatement(app.db, req.params.id, req.body, importerId(req.user));
    },
  );

  app.delete(
    '/statements/:id',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Stellungnahme löschen',
        params: StatementIdParams,
        response: { 204: z.null(), ...READ_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, ACCESS);
      await deleteStatement(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/statements/:id/result',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary:
          'Berechnung: erwartete Einwohner nach Alter, zusätzlicher Bedarf, Versorgung vorher und nachher',
        params: StatementIdParams,
        response: { 200: StatementResult, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return statementResult(app.db, req.user, req.params.id);
    },
  );

  app.get(
    '/statements/:id/document',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Die Stellungnahme als PDF, Word oder HTML (Vorlage „Stellungnahme zur Bauleitplanung“)',
        params: StatementIdParams,
        querystring: StatementDocumentQuery,
        response: {
          200: fileResponse('Die Stellungnahme als Dokument', Object.values(REPORT_MEDIA_TYPES)),
          ...ERRORS,
        },
      },
    },
    async (req, reply) => {
      authorize(req.user, ACCESS);
      const file = await statementDocument(
        app.db,
        req.user,
        req.params.id,
        req.query.format,
        req.query.template,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', file.disposition)
        .header('x-frame-options', 'SAMEORIGIN')
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/occupancy-profiles',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Belegungsprofile von Neubauquartieren (gültige Fassungen)',
        response: { 200: z.array(OccupancyProfile), 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return listProfiles(app.db);
    },
  );

  app.get(
    '/occupancy-profiles/:key',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary: 'Ein Belegungsprofil mit allen Fassungen',
        params: ProfileKeyParams,
        response: { 200: OccupancyProfileWithHistory, 400: ErrorBody, ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return showProfile(app.db, req.params.key);
    },
  );

  app.put(
    '/occupancy-profiles/:key',
    {
      schema: {
        tags: TAGS,
        access: ACCESS,
        summary:
          'Belegungsprofil anlegen oder ab einem Tag neu fassen (die bisherige Fassung bleibt erhalten)',
        params: ProfileKeyParams,
        body: PutProfileBody,
        response: { 200: OccupancyProfile, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACCESS);
      return putProfile(app.db, req.params.key, req.body, importerId(req.user));
    },
  );
};
