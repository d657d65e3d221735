/**
 * Organisations under `/api/organisations` (Akteure): planners keep them (`bodies.edit`);
 * administrators link accounts to them (`users.manage`), which lets partners read the bodies the
 * organisation is a member of.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  IdParams,
  NewOrganisation,
  Organisation,
  OrganisationPatch,
  OrganisationUserParams,
} from './body.schema.ts';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  linkUser,
  listOrganisations,
  patchOrganisation,
  unlinkUser,
} from './organisation.service.ts';

const TAGS = ['Steuerung'];
const WRITE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const READ_ERRORS = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary:
          'Organisationen (Träger, Verbände, Jobcenter, Vereine, Ämter) mit Ansprechperson und Gebieten',
        response: { 200: z.array(Organisation), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      return listOrganisations(app.db);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Organisation anlegen',
        body: NewOrganisation,
        response: { 200: Organisation, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      return getOrganisation(app.db, await createOrganisation(app.db, req.body));
    },
  );

  app.get(
    '/:id',
    {
      // before validation: without the role the answer is 401/403 whatever the address
      preValidation: async (req) => authorize(req.user, 'bodies.edit'),
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Eine Organisation',
        params: IdParams,
        response: { 200: Organisation, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      return getOrganisation(app.db, req.params.id);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Organisation ändern (Name, Art, Ansprechperson, Gebiete)',
        params: IdParams,
        body: OrganisationPatch,
        response: { 200: Organisation, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await patchOrganisation(app.db, req.params.id, req.body);
      return getOrganisation(app.db, req.params.id);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary:
          'Organisation löschen (ihre Mitgliedschaften in Gremien enden, Aufgaben bleiben ohne Verantwortliche)',
        params: IdParams,
        response: { 204: z.null(), ...READ_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'bodies.edit');
      await deleteOrganisation(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/users/:username',
    {
      schema: {
        tags: TAGS,
        access: 'users.manage',
        summary:
          'Benutzerkonto der Organisation zuordnen (Partner lesen dann die Gremien, in denen sie Mitglied ist)',
        params: OrganisationUserParams,
        response: { 200: Organisation, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      await linkUser(app.db, req.params.id, req.params.username);
      return getOrganisation(app.db, req.params.id);
    },
  );

  app.delete(
    '/:id/users/:username',
    {
      schema: {
        tags: TAGS,
        access: 'users.manage',
        summary: 'Zuordnung eines Benutzerkontos zur Organisation aufheben',
        params: OrganisationUserParams,
        response: { 200: Organisation, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      await unlinkUser(app.db, req.params.id, req.params.username);
      return getOrganisation(app.db, req.params.id);
    },
  );
};
