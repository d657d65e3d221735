/**
 * Typed calls of the planners' projection routes: the population projection of a level
 * (src/projection/projection.routes.ts) and the Pflegebedarfsplan (src/care/care.routes.ts).
 * Types come from the server's zod schemas (type imports only).
 */
import type { CarePlan } from '../../care/care.schema.ts';
import type { PopulationProjection } from '../../projection/projection.schema.ts';
import { q, request } from '../api.ts';

export type { CarePlan, PopulationProjection };
export type CarePlanRow = CarePlan['city'][number];
export type ProjectionRow = PopulationProjection['rows'][number];

export const projectionApi = {
  /** Every age variable the level has at the base (the page picks its age groups from them). */
  population: (level: string, base: string, to: string) =>
    request<PopulationProjection>('GET', `/api/projection/population?${q({ level, base, to })}`),
  /** Care plan; trend in percent a year on the care rates. */
  care: (level: string, base: string, to: string, trend: number) =>
    request<CarePlan>('GET', `/api/care/plan?${q({ level, base, to, trend: String(trend) })}`),
};
