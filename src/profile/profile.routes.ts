/** Gebietsprofile (Steckbriefe) — routes (placeholder until built in issue 4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const profileRoutes: FastifyPluginAsyncZod = async () => {};
