/**
 * Measures under `/api/measures`: the tree with goals and progress for everyone (the public sees
 * decided measures with protected values only), changes for planners (`measures.edit`), the
 * history of a measure for planners.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { authorizeMeasure } from './measure-scope.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  GoalParams,
  HistoryEntry,
  Measure,
  MeasureListQuery,
  MeasureParams,
  MeasurePatch,
  NewGoal,
  NewMeasure,
  StatusChange,
} from './measure.schema.ts';
import {
  addGoal,
  changeStatus,
  createMeasure,
  deleteMeasure,
  getMeasure,
  inArea,
  listMeasures,
  measureHistory,
  patchMeasure,
  removeGoal,
} from './measure.service.ts';
import { MeasureEffect } from './effect.schema.ts';
import { measureEffect } from './measure-effect.ts';

const TAGS = ['Steuerung'];
const WRITE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Maßnahmen, Handlungsfelder und Programme mit Zielen und Fortschritt (öffentlich: beschlossene, geheimhaltungsgeprüft); mit level und area nur die Maßnahmen in diesem Gebiet',
        querystring: MeasureListQuery,
        response: { 200: z.array(Measure), 400: ErrorBody },
      },
    },
    async (req) => {
      const all = await listMeasures(app.db, req.user);
      const { level, area } = req.query;
      return level && area ? inArea(all, level, area) : all;
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary: 'Maßnahme, Handlungsfeld oder Programm anlegen (Status „idee“)',
        body: NewMeasure,
        response: { 200: Measure, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, null, { refs: req.body.areas });
      authorize(req.user, 'measures.edit');
      const id = await createMeasure(app.db, req.body, importerId(req.user));
      return getMeasure(app.db, req.user, id);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary: 'Eine Maßnahme mit Zielen und Fortschritt (öffentlich: nur beschlossene)',
        params: MeasureParams,
        response: { 200: Measure, 404: ErrorBody },
      },
    },
    (req) => getMeasure(app.db, req.user, req.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary: 'Felder einer Maßnahme ändern (jede Änderung bleibt in der Historie)',
        params: MeasureParams,
        body: MeasurePatch,
        response: { 200: Measure, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, req.params.id, { refs: req.body.areas });
      authorize(req.user, 'measures.edit');
      await patchMeasure(app.db, req.params.id, req.body, importerId(req.user));
      return getMeasure(app.db, req.user, req.params.id);
    },
  );

  app.post(
    '/:id/status',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary:
          'Nächster Schritt im Ablauf (für „beschlossen“ mit dem Beschluss: Gremium, Sitzung, Datum, Text)',
        params: MeasureParams,
        body: StatusChange,
        response: { 200: Measure, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, req.params.id);
      authorize(req.user, 'measures.edit');
      await changeStatus(app.db, req.params.id, req.body, importerId(req.user));
      return getMeasure(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary: 'Nicht beschlossene Maßnahme ohne Untereinträge löschen',
        params: MeasureParams,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      await authorizeMeasure(app.db, req.user, req.params.id);
      authorize(req.user, 'measures.edit');
      await deleteMeasure(app.db, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/goals',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary:
          'Ziel auf einen Indikator für ein Gebiet oder die Stadt: Ausgangswert (Standard: der Wert am Stichtag), Zielwert und -datum',
        params: MeasureParams,
        body: NewGoal,
        response: { 200: Measure, ...WRITE_ERRORS },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, req.params.id, { goal: req.body });
      authorize(req.user, 'measures.edit');
      await addGoal(app.db, req.user, req.params.id, req.body);
      return getMeasure(app.db, req.user, req.params.id);
    },
  );

  app.delete(
    '/:id/goals/:goal',
    {
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary: 'Ziel entfernen (bleibt in der Historie)',
        params: GoalParams,
        response: { 200: Measure, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, req.params.id);
      authorize(req.user, 'measures.edit');
      await removeGoal(app.db, req.params.id, req.params.goal, importerId(req.user));
      return getMeasure(app.db, req.user, req.params.id);
    },
  );

  app.get(
    '/:id/goals/:goal/effect',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary:
          'Wirkung auf ein Ziel: Differenz-von-Differenzen der Maßnahmegebiete gegenüber ähnlichen Gebieten, mit Placebo-Unsicherheitsbereich und Worten, die nicht mehr behaupten als die Daten tragen (öffentlich: geheimhaltungsgeprüfte Werte)',
        params: GoalParams,
        response: { 200: MeasureEffect, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => measureEffect(app.db, req.user, req.params.id, req.params.goal),
  );

  app.get(
    '/:id/history',
    {
      preValidation: async (req) => authorize(req.user, 'measures.edit'),
      schema: {
        tags: TAGS,
        access: 'measures.edit',
        summary: 'Historie einer Maßnahme: wer wann was geändert hat, vorher und nachher',
        params: MeasureParams,
        response: { 200: z.array(HistoryEntry), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      await authorizeMeasure(app.db, req.user, req.params.id);
      authorize(req.user, 'measures.edit');
      return measureHistory(app.db, req.params.id);
    },
  );
};
