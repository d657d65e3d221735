/** Zeitvergleich und Frühwarnung — routes (placeholder until built in issue 4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const monitoringRoutes: FastifyPluginAsyncZod = async () => {};
