/** Zusammengesetzte Indizes (Sozialmonitoring) — routes (placeholder until built in issue 4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const indexRoutes: FastifyPluginAsyncZod = async () => {};
