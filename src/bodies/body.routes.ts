/**
 * Bodies (Gremien) under `/api/bodies`: read by planners and by partners who are members
 * (`bodies.read`; any other body is 404 for a partner), kept by planners (`bodies.edit`), with
 * their members and meetings.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  Body,
  BodyPatch,
  IdParams,
  Meeting,
  MeetingSummary,
  MemberParams,
  NewBody,
  NewMeeting,
  NewMember,
} from './body.schema.ts';
import {
  addMember,
  createBody,
  deleteBody,
  getBody,
  listBodies,
  patchBody,
  removeMember,
} from './body.service.ts';
import { createMeeting, getMeeting, listMeetings } from './meeting.service.ts';

const TAGS = ['Steuerung'];
const WRITE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const READ_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const bodyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary: 'Gremien mit Mitgliedern (Partner: nur die, in denen ihre Organisation Mitglied ist)',
        response: { 200: z.array(Body), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.read');
      return listBodies(app.db, req.user);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Gremium anlegen',
        body: NewBody,
        response: { 200: Body, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      return getBody(app.db, req.user, await createBody(app.db, req.body));
    },
  );

  app.get(
    '/:id',
    {
      // before validation: without the role the answer is 401/403 whatever the address
      preValidation: async (req) => authorize(req.user, 'bodies.read'),
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary: 'Ein Gremium mit Mitgliedern',
        params: IdParams,
        response: { 200: Body, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.read');
      return getBody(app.db, req.user, req.params.id);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Gremium ändern (Name, Art, Thema, Gebiet)',
        params: IdParams,
        body: BodyPatch,
        response: { 200: Body, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await patchBody(app.db, req.params.id, req.body);
      return getBody(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Gremium mit Sitzungen, Protokollen und Aufgaben löschen',
        params: IdParams,
        response: { 204: z.null(), ...READ_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'bodies.edit');
      await deleteBody(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/members',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Mitglied aufnehmen: Organisation und/oder Benutzer, mit Funktion (etwa „Vorsitz“)',
        params: IdParams,
        body: NewMember,
        response: { 200: Body, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await addMember(app.db, req.user, req.params.id, req.body);
      return getBody(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/:id/members/:member',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Mitglied entfernen',
        params: MemberParams,
        response: { 200: Body, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await removeMember(app.db, req.user, req.params.id, req.params.member);
      return getBody(app.db, req.user, req.params.id);
    },
  );

  app.get(
    '/:id/meetings',
    {
      preValidation: async (req) => authorize(req.user, 'bodies.read'),
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary: 'Sitzungen eines Gremiums, neueste zuerst',
        params: IdParams,
        response: { 200: z.array(MeetingSummary), ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.read');
      return listMeetings(app.db, req.user, req.params.id);
    },
  );

  app.post(
    '/:id/meetings',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Sitzung anlegen (Datum, Ort, Status)',
        params: IdParams,
        body: NewMeeting,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      return getMeeting(app.db, req.user, await createMeeting(app.db, req.user, req.params.id, req.body));
    },
  );
};
