/** Auswertungen des Atlas (Statistiktabelle, Kennblatt als PDF) — routes (placeholder until built in issue 4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const analysisRoutes: FastifyPluginAsyncZod = async () => {};
