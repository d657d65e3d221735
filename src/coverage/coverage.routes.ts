/**
 * Coverage under `/api`: `/coverage` and its export for everyone (the public protected, see
 * coverage.service.ts); the need in the years ahead (from the population projection), an ad hoc
 * floating catchment and travel-cost matrices for planners.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { badRequest } from '../core/errors.ts';
import { fileResponse, sendFile } from '../core/file-response.ts';
import { accessibility } from './accessibility.service.ts';
import { exportCoverage } from './coverage-export.ts';
import {
  AccessibilityBody,
  AccessibilityResult,
  Coverage,
  CoverageExportQuery,
  CoverageForecast,
  CoverageForecastQuery,
  CoverageQuery,
  ImportMatrixFields,
  ImportMatrixResult,
  MatrixIdParams,
  TravelMatrix,
} from './coverage.schema.ts';
import { computeCoverage } from './coverage.service.ts';
import { projectedNeed } from './projected-need.ts';
import { deleteMatrix, importMatrix, listMatrices } from './matrix.service.ts';

const TAGS = ['Versorgung'];
const READ_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coverage',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Versorgung je Gebiet nach einem Richtwert: Versorgung, Bedarf, Versorgungsquote, Saldo (öffentlich: geheimhaltungsgeprüft); Szenarien für Planende',
        querystring: CoverageQuery,
        response: { 200: Coverage, ...READ_ERRORS },
      },
    },
    (req) => computeCoverage(app.db, req.user, req.query),
  );

  app.get(
    '/coverage/export',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary: 'Versorgung je Gebiet als CSV oder XLSX (öffentlich: geheimhaltungsgeprüft)',
        querystring: CoverageExportQuery,
        response: {
          200: fileResponse('Die Tabelle im gewählten Format', [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ]),
          ...READ_ERRORS,
        },
      },
    },
    async (req, reply) => sendFile(reply, await exportCoverage(app.db, req.user, req.query)),
  );

  app.get(
    '/coverage/forecast',
    {
      // before validation: a visitor without the role learns nothing, not even which query is valid
      preValidation: async (req) => authorize(req.user, 'data.readUnpublished'),
      schema: {
        tags: TAGS,
        access: 'data.readUnpublished',
        summary:
          'Versorgung in den kommenden Jahren: Bedarf eines altersbezogenen Richtwerts aus der Bevölkerungsprognose neben den Plätzen in Betrieb, je Gebiet und Jahr bis zum Zielstichtag und für die Stadt, mit einem Szenario neben dem Bestand (intern, gerundet)',
        querystring: CoverageForecastQuery,
        response: { 200: CoverageForecast, ...READ_ERRORS, 422: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'data.readUnpublished');
      return projectedNeed(app.db, req.user, req.query);
    },
  );

  app.post(
    '/coverage/accessibility',
    {
      // a travel-cost table of a city (542 areas × 2,880 Kitas) is tens of megabytes of JSON
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        tags: TAGS,
        access: 'data.readUnpublished',
        summary:
          'Erreichbarkeit (2SFCA/3SFCA) einer Einrichtungsart für frei gewählte Bedarfsvariablen, mit Luftlinien oder Reisekosten',
        body: AccessibilityBody,
        response: { 200: AccessibilityResult, ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, 'data.readUnpublished');
      return accessibility(app.db, req.body);
    },
  );

  app.get(
    '/travel-matrices',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Gespeicherte Reisezeitmatrizen (aus QGIS, OpenRouteService, OSRM)',
        response: { 200: z.array(TravelMatrix), 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return listMatrices(app.db);
    },
  );

  app.post(
    '/travel-matrices/import',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary:
          'Reisezeitmatrix importieren (CSV in Langform: Start = Gebietsschlüssel, Ziel = Nummer der Einrichtung, Kosten; multipart/form-data)',
        consumes: ['multipart/form-data'],
        upload: {
          fields: ImportMatrixFields,
          file: { description: 'CSV mit einer Zeile je Paar, z. B. InputID,TargetID,Distance (QGIS)' },
        },
        response: {
          200: ImportMatrixResult,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'coverage.edit');
      if (!req.isMultipart())
        throw badRequest('request.not_multipart', 'Bitte die Datei als multipart/form-data senden.');
      let file: { name: string; data: Uint8Array } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { name: part.filename, data: await part.toBuffer() };
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      const parsed = ImportMatrixFields.safeParse(fields);
      if (!parsed.success)
        throw badRequest(
          'request.invalid',
          'Bitte Name (name), Ebene (level) und Einrichtungsart (type) angeben.',
          {
            issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          },
        );
      if (!file) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
      const f = parsed.data;
      return importMatrix(app.db, {
        name: f.name,
        level: f.level,
        type: f.type,
        unit: f.unit,
        columns: { origin: f.originField, destination: f.destinationField, cost: f.costField },
        file,
        userId: importerId(req.user),
      });
    },
  );

  app.delete(
    '/travel-matrices/:id',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Reisezeitmatrix löschen (nur, wenn kein Richtwert sie verwendet)',
        params: MatrixIdParams,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'coverage.edit');
      await deleteMatrix(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
