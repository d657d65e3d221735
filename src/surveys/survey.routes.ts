/**
 * Surveys under `/api/surveys`: building, opening and closing, results, moderation of free texts
 * and publishing results as indicators for planners (`participation.edit`); the questionnaire and
 * answering behind the public link for everyone, without a session.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  Moderation,
  NewResponse,
  NewSurvey,
  PublicSurvey,
  PublishRequest,
  PublishResult,
  QuestionList,
  ResponseReceipt,
  StatusChange,
  Survey,
  SurveyParams,
  SurveyPatch,
  SurveyResults,
  SurveyText,
  TextParams,
  TextQuery,
  TokenParams,
} from './survey.schema.ts';
import * as service from './survey.service.ts';
import { surveyResults } from './survey-results.ts';
import { publishIndicators } from './survey-indicators.ts';

const TAGS = ['Beteiligung'];
const ACTION = 'participation.edit';
const WRITE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const READ_ERRORS = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** A questionnaire of 60 answers with free texts fits; anonymous senders get no more. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Alle Befragungen',
        response: { 200: z.array(Survey), ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.listSurveys(app.db);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Befragung anlegen (Entwurf, mit geheimem Link)',
        body: NewSurvey,
        response: { 200: Survey, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.createSurvey(app.db, req.body);
    },
  );

  app.get(
    '/:key',
    {
      // refused before validation: anonymous callers get 401, not a 400 about the input
      preValidation: async (req) => authorize(req.user, ACTION),
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Eine Befragung mit ihren Fragen',
        params: SurveyParams,
        response: { 200: Survey, ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.getSurvey(app.db, req.params.key);
    },
  );

  app.patch(
    '/:key',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Titel, Zeitraum, Mindestfallzahl oder Gebietsebene ändern (nur im Entwurf)',
        params: SurveyParams,
        body: SurveyPatch,
        response: { 200: Survey, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.patchSurvey(app.db, req.params.key, req.body);
    },
  );

  app.delete(
    '/:key',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Entwurf löschen',
        params: SurveyParams,
        response: { 204: z.null(), ...WRITE_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, ACTION);
      await service.deleteSurvey(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:key/questions',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Den Fragebogen ersetzen: Fragen in ihrer Reihenfolge (nur im Entwurf)',
        params: SurveyParams,
        body: QuestionList,
        response: { 200: Survey, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.replaceQuestions(app.db, req.params.key, req.body.questions);
    },
  );

  app.post(
    '/:key/status',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Öffnen (der Link nimmt Antworten an), schließen oder wieder öffnen',
        params: SurveyParams,
        body: StatusChange,
        response: { 200: Survey, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.changeStatus(app.db, req.params.key, req.body.status);
    },
  );

  app.get(
    '/:key/results',
    {
      // refused before validation: anonymous callers get 401, not a 400 about the input
      preValidation: async (req) => authorize(req.user, ACTION),
      schema: {
        tags: TAGS,
        access: ACTION,
        summary:
          'Ergebnisse: Anzahlen je Frage und Antwort, je Gebiet ab der Mindestfallzahl (kleinere zusammengefasst), freigegebene Freitexte',
        params: SurveyParams,
        response: { 200: SurveyResults, ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return surveyResults(app.db, req.params.key);
    },
  );

  app.get(
    '/:key/texts',
    {
      // refused before validation: anonymous callers get 401, not a 400 about the input
      preValidation: async (req) => authorize(req.user, ACTION),
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Freitextantworten zur Moderation (Standard: alle)',
        params: SurveyParams,
        querystring: TextQuery,
        response: { 200: z.array(SurveyText), ...READ_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.listTexts(app.db, req.params.key, req.query.status);
    },
  );

  app.post(
    '/:key/texts/:id',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary: 'Freitext freigeben oder ablehnen',
        params: TextParams,
        body: Moderation,
        response: { 200: SurveyText, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return service.moderateText(app.db, req.params.key, req.params.id, req.body.status);
    },
  );

  app.post(
    '/:key/publish-indicators',
    {
      schema: {
        tags: TAGS,
        access: ACTION,
        summary:
          'Ergebnisse als Indikatoren (Thema „Befragung“): Anteile gewählter Antworten je Gebiet am Ende des Befragungszeitraums, Gebiete unter der Mindestfallzahl nur im übergeordneten Gebiet',
        params: SurveyParams,
        body: PublishRequest,
        response: { 200: PublishResult, ...WRITE_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, ACTION);
      return publishIndicators(app.db, req.params.key, req.body, importerId(req.user));
    },
  );

  app.get(
    '/public/:token',
    {
      schema: {
        tags: TAGS,
        access: 'public',
        summary: 'Der Fragebogen einer offenen Befragung (über den Link, ohne Anmeldung)',
        params: TokenParams,
        response: { 200: PublicSurvey, 404: ErrorBody, 409: ErrorBody },
      },
    },
    (req) => service.publicSurvey(app.db, req.params.token),
  );

  app.post(
    '/public/:token/responses',
    {
      bodyLimit: RESPONSE_BODY_LIMIT,
      schema: {
        tags: TAGS,
        access: 'public',
        summary:
          'Antworten abgeben (ohne Anmeldung; gespeichert werden nur die Antworten und der Tag, keine Adresse, kein Cookie)',
        params: TokenParams,
        body: NewResponse,
        response: { 200: ResponseReceipt, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      await service.submitResponse(app.db, req.params.token, req.body);
      return { ok: true as const, message: 'Vielen Dank! Ihre Antworten sind angekommen.' };
    },
  );
};
