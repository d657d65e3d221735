import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { listVariableDefinitions } from './observation.repository.ts';
import { defineSum, defineSums, listVariables, removeSum } from './variable.service.ts';

export const Variable = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
});
export type Variable = z.infer<typeof Variable>;

export const VariableInfo = Variable.extend({
  sum: z.array(z.string()).nullable().describe('Keys of the terms when the variable is a sum, else null'),
  values: z
    .number()
    .int()
    .describe('Stored values (totals of all areas and Stichtage, without missing cells)'),
  indicators: z.array(z.string()).describe('Keys of the indicators using it as numerator or denominator'),
  expected: z.boolean().describe('The indicator catalogue needs it'),
  stored: z.boolean().describe('It exists in the database'),
});
export type VariableInfo = z.infer<typeof VariableInfo>;

export const SumBody = z.object({
  terms: z
    .union([z.string().min(1).max(2000), z.array(z.string().min(1).max(200)).min(1).max(100)])
    .describe('Terms as `a + b` or a list of variable keys (or column names); one term is an alias'),
  name: z.string().max(200).optional().describe('Name of the variable; default its catalogue meaning'),
});
export type SumBody = z.infer<typeof SumBody>;

export const SumResult = z.object({
  key: z.string(),
  name: z.string(),
  sum: z.array(z.string()),
  definition: z.string().describe('e.g. `ew_65plus = m_65_74 + m_75_79 + m_80plus`'),
  values: z.number().int().describe('Cells computed'),
});

export const SumsBody = z.object({
  sums: z
    .array(SumBody.extend({ key: z.string().min(1).max(200) }))
    .min(1)
    .max(200)
    .describe('Definitions in order; all are stored, or none when one is refused'),
});
export type SumsBody = z.infer<typeof SumsBody>;

const KeyParams = z.object({ key: z.string().min(1).max(200) });
const tags = ['Daten'];
const writeErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const variableRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'Zählgrößen (Variablen), aus denen Indikatoren berechnet werden',
        response: { 200: z.array(Variable) },
      },
    },
    // Definitions only, no values: public like the indicator catalogue.
    () => listVariableDefinitions(app.db),
  );

  app.get(
    '/overview',
    {
      schema: {
        tags,
        access: 'data.readUnpublished',
        summary:
          'Variablen mit Definition (Summe), Zahl der Werte und den Indikatoren, die sie brauchen; auch die erwarteten, noch fehlenden',
        response: { 200: z.array(VariableInfo), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'data.readUnpublished');
      return listVariables(app.db);
    },
  );

  app.put(
    '/:key/sum',
    {
      schema: {
        tags,
        access: 'data.import',
        summary: 'Variable als Summe vorhandener Variablen festlegen und ihre Werte berechnen',
        params: KeyParams,
        body: SumBody,
        response: { 200: SumResult, ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'data.import');
      return defineSum(app.db, { key: req.params.key, terms: req.body.terms, name: req.body.name });
    },
  );

  app.put(
    '/sums',
    {
      schema: {
        tags,
        access: 'data.import',
        summary: 'Mehrere Variablen als Summen festlegen (alle oder keine) und ihre Werte berechnen',
        body: SumsBody,
        response: { 200: z.array(SumResult), ...writeErrors },
      },
    },
    async (req) => {
      authorize(req.user, 'data.import');
      return defineSums(app.db, req.body.sums);
    },
  );

  app.delete(
    '/:key/sum',
    {
      schema: {
        tags,
        access: 'data.import',
        summary: 'Summendefinition einer Variable und ihre berechneten Werte entfernen',
        params: KeyParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'data.import');
      await removeSum(app.db, req.params.key);
      return reply.status(204).send(null);
    },
  );
};
