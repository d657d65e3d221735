/**
 * Norms under `/api/norms`: the public reads published norms, planners all of them and change
 * them (`coverage.edit`) — each change a new version from a day, the previous one kept.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import {
  CreateNormBody,
  Norm,
  NormKeyParams,
  NormListQuery,
  NormWithHistory,
  UpdateNormBody,
} from './norm.schema.ts';
import { changeNorm, createNorm, listNorms, showNorm } from './norm.service.ts';

const TAGS = ['Versorgung'];
const EDIT_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const normRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/norms',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary: 'Richtwerte, die an einem Tag gelten (öffentlich: die veröffentlichten)',
        querystring: NormListQuery,
        response: { 200: z.array(Norm), 400: ErrorBody },
      },
    },
    (req) => listNorms(app.db, req.user, req.query.date),
  );

  app.get(
    '/norms/:key',
    {
      schema: {
        tags: TAGS,
        access: 'optional',
        summary: 'Ein Richtwert mit allen Fassungen (Geschichte der Änderungen)',
        params: NormKeyParams,
        response: { 200: NormWithHistory, 404: ErrorBody },
      },
    },
    (req) => showNorm(app.db, req.params.key, req.user),
  );

  app.post(
    '/norms',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Richtwert anlegen',
        body: CreateNormBody,
        response: { 201: Norm, ...EDIT_ERRORS },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'coverage.edit');
      return reply.status(201).send(await createNorm(app.db, req.body, importerId(req.user)));
    },
  );

  app.patch(
    '/norms/:key',
    {
      schema: {
        tags: TAGS,
        access: 'coverage.edit',
        summary: 'Richtwert ändern: neue Fassung ab einem Tag, die bisherige bleibt als Geschichte',
        params: NormKeyParams,
        body: UpdateNormBody,
        response: { 200: Norm, ...EDIT_ERRORS },
      },
    },
    (req) => {
      authorize(req.user, 'coverage.edit');
      return changeNorm(app.db, req.params.key, req.body, importerId(req.user));
    },
  );
};
