/**
 * Scenarios under `/api/scenarios`: planned openings, closures, capacity changes and residential
 * quarters. Planning work in progress, so for planners only (`coverage.edit`), reading included.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  CreateScenarioBody,
  Scenario,
  ScenarioChangeInput,
  ScenarioChangeParams,
  ScenarioNameParams,
} from './scenario.schema.ts';
import {
  addChanges,
  createScenario,
  deleteScenario,
  listScenarios,
  removeChange,
  requireScenario,
} from './scenario.service.ts';

const TAGS = ['Versorgung'];
const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/scenarios',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Szenarien mit ihren geplanten Änderungen',
        response: { 200: z.array(Scenario), 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return listScenarios(app.db);
    },
  );

  app.get(
    '/scenarios/:name',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Ein Szenario mit seinen geplanten Änderungen',
        params: ScenarioNameParams,
        response: { 200: Scenario, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return requireScenario(app.db, req.params.name);
    },
  );

  app.post(
    '/scenarios',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Szenario anlegen, auf Wunsch gleich mit Änderungen',
        body: CreateScenarioBody,
        response: { 201: Scenario, ...ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'coverage.edit');
      return reply.status(201).send(await createScenario(app.db, req.body, importerId(req.user)));
    },
  );

  app.post(
    '/scenarios/:name/changes',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Geplante Änderungen hinzufügen (Eröffnung, Schließung, Kapazität, Wohnquartier)',
        params: ScenarioNameParams,
        body: z.array(ScenarioChangeInput).min(1).max(1000),
        response: { 200: Scenario, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return addChanges(app.db, req.params.name, req.body);
    },
  );

  app.delete(
    '/scenarios/:name/changes/:id',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Eine geplante Änderung entfernen',
        params: ScenarioChangeParams,
        response: { 200: Scenario, ...ERRORS },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return removeChange(app.db, req.params.name, req.params.id);
    },
  );

  app.delete(
    '/scenarios/:name',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Szenario löschen',
        params: ScenarioNameParams,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'coverage.edit');
      await deleteScenario(app.db, req.params.name);
      return reply.status(204).send(null);
    },
  );
};
