import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const Variable = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
});
export type Variable = z.infer<typeof Variable>;

export const variableRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Daten'],
        summary: 'Zählgrößen (Variablen), aus denen Indikatoren berechnet werden',
        response: { 200: z.array(Variable) },
      },
    },
    // Definitions only, no values: public like the indicator catalogue.
    () =>
      app.db.query<Variable & Record<string, unknown>>(
        'SELECT key, name, unit, description FROM variable ORDER BY key',
      ),
  );
};
