/**
 * Facilities under `/api` (`/facility-types`, `/facilities…`). Names, Träger, address, capacity
 * and position of facilities are public information: reading is open to everyone; imports and
 * edits need `facilities.edit`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { authorizeFacility } from './facility-scope.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { badRequest } from '../core/errors.ts';
import { fileResponse, sendFile } from '../core/file-response.ts';
import { countFacilities } from './facility-count.service.ts';
import { exportFacilities } from './facility-export.ts';
import { importFacilities } from './facility-import.service.ts';
import {
  CloseFacilityBody,
  CreateFacilityBody,
  Facility,
  FACILITY_FILES,
  FacilityCount,
  FacilityCountQuery,
  FacilityExportQuery,
  FacilityIdParams,
  FacilityListQuery,
  FacilityType,
  ImportFacilitiesFields,
  ImportFacilitiesResult,
  UpdateFacilityBody,
} from './facility.schema.ts';
import {
  changeFacility,
  closeFacility,
  createFacility,
  facilityVersions,
  listFacilities,
  listFacilityTypes,
} from './facility.service.ts';

const TAGS = ['Einrichtungen'];
const EDIT_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const facilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/facility-types',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Einrichtungsarten mit der Einheit ihrer Kapazität',
        response: { 200: z.array(FacilityType) },
      },
    },
    () => listFacilityTypes(app.db),
  );

  app.get(
    '/facilities',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Einrichtungen zu einem Stichtag mit Status (in Betrieb, geplant, geschlossen)',
        querystring: FacilityListQuery,
        response: { 200: z.array(Facility), 404: ErrorBody },
      },
    },
    (req) => listFacilities(app.db, req.query),
  );

  app.get(
    '/facilities/export',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Einrichtungen einer Art zu einem Stichtag als GeoJSON oder CSV',
        querystring: FacilityExportQuery,
        response: {
          200: fileResponse('Die Einrichtungen im gewählten Format', ['application/geo+json', 'text/csv']),
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => sendFile(reply, await exportFacilities(app.db, req.query)),
  );

  app.get(
    '/facilities/count',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Einrichtungen in Betrieb je Gebiet einer Ebene: Anzahl und Kapazität',
        querystring: FacilityCountQuery,
        response: { 200: FacilityCount, 404: ErrorBody },
      },
    },
    (req) => countFacilities(app.db, req.query),
  );

  app.get(
    '/facilities/:id/versions',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Alle Fassungen einer Einrichtung (ihre Geschichte), die älteste zuerst',
        params: FacilityIdParams,
        response: { 200: z.array(Facility), 400: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => facilityVersions(app.db, req.params.id),
  );

  app.post(
    '/facilities/import',
    {
      schema: {
        tags: TAGS,
        access: 'facilities.import',
        summary:
          'Einrichtungen importieren (GeoJSON, Shapefile, ZIP oder CSV; multipart/form-data): erst prüfen, dann alles oder nichts',
        consumes: ['multipart/form-data'],
        upload: { fields: ImportFacilitiesFields, file: { description: FACILITY_FILES, multiple: true } },
        response: {
          200: ImportFacilitiesResult,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'facilities.import');
      if (!req.isMultipart())
        throw badRequest('request.not_multipart', 'Bitte die Dateien als multipart/form-data senden.');
      const files: { name: string; data: Uint8Array }[] = [];
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') files.push({ name: part.filename, data: await part.toBuffer() });
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      const parsed = ImportFacilitiesFields.safeParse(fields);
      if (!parsed.success)
        throw badRequest('request.invalid', 'Bitte die Einrichtungsart (type) und gültige Felder angeben.', {
          issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        });
      if (!files.length) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
      const { type, validFrom, closeMissing, ...options } = parsed.data;
      return importFacilities(app.db, {
        type,
        files,
        options,
        ...(validFrom ? { validFrom } : {}),
        closeMissing: closeMissing === '1' || closeMissing === 'true',
        userId: importerId(req.user),
      });
    },
  );

  app.post(
    '/facilities',
    {
      schema: {
        tags: TAGS,
        access: 'facilities.edit',
        summary: 'Einrichtung anlegen (ab einem späteren Tag: geplant)',
        body: CreateFacilityBody,
        response: { 201: Facility, ...EDIT_ERRORS },
      },
    },
    async (req, reply) => {
      await authorizeFacility(app.db, req.user, null, req.body);
      authorize(req.user, 'facilities.edit');
      return reply.status(201).send(await createFacility(app.db, req.body, importerId(req.user)));
    },
  );

  app.patch(
    '/facilities/:id',
    {
      schema: {
        tags: TAGS,
        access: 'facilities.edit',
        summary: 'Einrichtung ändern: neue Fassung ab einem Tag, die bisherige bleibt als Geschichte',
        params: FacilityIdParams,
        body: UpdateFacilityBody,
        response: { 200: Facility, ...EDIT_ERRORS },
      },
    },
    async (req) => {
      await authorizeFacility(app.db, req.user, req.params.id, req.body);
      authorize(req.user, 'facilities.edit');
      return changeFacility(app.db, req.params.id, req.body, importerId(req.user));
    },
  );

  app.post(
    '/facilities/:id/close',
    {
      schema: {
        tags: TAGS,
        access: 'facilities.edit',
        summary: 'Einrichtung schließen (ab einem Tag nicht mehr in Betrieb)',
        params: FacilityIdParams,
        body: CloseFacilityBody.optional(),
        response: { 200: Facility, ...EDIT_ERRORS },
      },
    },
    async (req) => {
      await authorizeFacility(app.db, req.user, req.params.id);
      authorize(req.user, 'facilities.edit');
      return closeFacility(app.db, req.params.id, req.body?.validTo);
    },
  );
};
