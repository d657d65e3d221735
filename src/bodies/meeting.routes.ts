/**
 * Meetings under `/api/meetings/:id` (agenda, minutes, decisions, action items; read with
 * `bodies.read`, changed with `bodies.edit`), their minutes as Word, and the due list of open
 * action items under `/api/action-items/due`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { fileResponse, sendFile } from '../core/file-response.ts';
import {
  ActionItemPatch,
  ActionParams,
  AgendaItemPatch,
  AgendaParams,
  DueItem,
  DueQuery,
  IdParams,
  Meeting,
  MeetingPatch,
  NewActionItem,
  NewAgendaItem,
} from './body.schema.ts';
import { getBody } from './body.service.ts';
import {
  addActionItem,
  addAgendaItem,
  deleteActionItem,
  deleteAgendaItem,
  deleteMeeting,
  dueActions,
  getMeeting,
  patchActionItem,
  patchAgendaItem,
  patchMeeting,
} from './meeting.service.ts';
import { minutesDocx, minutesFileName } from './minutes-docx.ts';

const TAGS = ['Steuerung'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WRITE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const READ_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings/:id',
    {
      // before validation: without the role the answer is 401/403 whatever the address
      preValidation: async (req) => authorize(req.user, 'bodies.read'),
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary: 'Eine Sitzung mit Tagesordnung, Anlagen, Protokoll, Beschlüssen und Aufgaben',
        params: IdParams,
        response: { 200: Meeting, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.read');
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Sitzung ändern (Datum, Ort, Status)',
        params: IdParams,
        body: MeetingPatch,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await patchMeeting(app.db, req.params.id, req.body);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/meetings/:id',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Sitzung mit Tagesordnung und Aufgaben löschen',
        params: IdParams,
        response: { 204: z.null(), ...READ_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'bodies.edit');
      await deleteMeeting(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/meetings/:id/agenda',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary:
          'Tagesordnungspunkt anlegen (mit Anlage: Steckbrief oder gespeicherter Bericht; Maßnahme; Protokoll und Beschluss)',
        params: IdParams,
        body: NewAgendaItem,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await addAgendaItem(app.db, req.params.id, req.body);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.patch(
    '/meetings/:id/agenda/:item',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Tagesordnungspunkt ändern: Text, Anlage, Maßnahme, Protokoll, Beschluss',
        params: AgendaParams,
        body: AgendaItemPatch,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await patchAgendaItem(app.db, req.params.id, req.params.item, req.body);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/meetings/:id/agenda/:item',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Tagesordnungspunkt mit seinen Aufgaben löschen',
        params: AgendaParams,
        response: { 200: Meeting, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await deleteAgendaItem(app.db, req.params.id, req.params.item);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.post(
    '/meetings/:id/agenda/:item/actions',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Aufgabe zu einem Tagesordnungspunkt: was, wer (Benutzer, Organisation oder Name), bis wann',
        params: AgendaParams,
        body: NewActionItem,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await addActionItem(app.db, req.params.id, req.params.item, req.body);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.patch(
    '/meetings/:id/actions/:action',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Aufgabe ändern (erledigt, Verantwortliche, Frist)',
        params: ActionParams,
        body: ActionItemPatch,
        response: { 200: Meeting, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await patchActionItem(app.db, req.params.id, req.params.action, req.body);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/meetings/:id/actions/:action',
    {
      schema: {
        tags: TAGS,
        access: 'bodies.edit',
        summary: 'Aufgabe löschen',
        params: ActionParams,
        response: { 200: Meeting, ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.edit');
      await deleteActionItem(app.db, req.params.id, req.params.action);
      return getMeeting(app.db, req.user, req.params.id);
    },
  );

  app.get(
    '/meetings/:id/minutes.docx',
    {
      preValidation: async (req) => authorize(req.user, 'bodies.read'),
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary:
          'Protokoll als Word: Gremium, Datum, Ort, Mitglieder, jeder Tagesordnungspunkt mit Anlage, Protokoll, Beschluss und Aufgaben',
        params: IdParams,
        response: { 200: fileResponse('Das Protokoll als Word-Dokument', [DOCX]), ...READ_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'bodies.read');
      const meeting = await getMeeting(app.db, req.user, req.params.id);
      const body = await getBody(app.db, req.user, meeting.bodyId);
      const bytes = await minutesDocx(body, meeting, `${req.protocol}://${req.host}`);
      return sendFile(reply, {
        body: bytes,
        contentType: DOCX,
        fileName: minutesFileName(body.name, meeting.date),
      });
    },
  );

  app.get(
    '/action-items/due',
    {
      preValidation: async (req) => authorize(req.user, 'bodies.read'),
      schema: {
        tags: TAGS,
        access: 'bodies.read',
        summary:
          'Was ist fällig: offene Aufgaben nach Frist (überfällige markiert), je Verantwortlichem und Gremium filterbar',
        querystring: DueQuery,
        response: { 200: z.array(DueItem), ...READ_ERRORS },
      },
    },
    async (req) => {
      authorize(req.user, 'bodies.read');
      return dueActions(app.db, req.user, req.query);
    },
  );
};
