/**
 * Typed calls of the planners' projection routes: the population projection of a level
 * (src/projection/projection.routes.ts), the Pflegebedarfsplan (src/care/care.routes.ts) and a
 * norm's need in the years ahead (src/coverage/coverage.routes.ts), and the stored projections
 * (`/api/projection/runs`). Types come from the server's zod schemas (type imports only).
 */
import type { CarePlan } from '../../care/care.schema.ts';
import type { CoverageForecast } from '../../coverage/coverage.schema.ts';
import type { PopulationProjection } from '../../projection/projection.schema.ts';
import type { SaveProjectionBody, StoredProjection } from '../../projection/projection-series.schema.ts';
import { q, request } from '../api.ts';

export type { CarePlan, CoverageForecast, PopulationProjection, SaveProjectionBody, StoredProjection };
export type CoverageForecastRow = CoverageForecast['city'][number];
export type CarePlanRow = CarePlan['city'][number];
export type ProjectionRow = PopulationProjection['rows'][number];

/** The assumptions of a projection: its variant and, optionally, the city totals (`date:total,…`). */
export interface ProjectionAssumptions {
  variant: PopulationProjection['variant'];
  control?: string;
}

export const projectionApi = {
  /** Every age variable the level has at the base (the page picks its age groups from them). */
  population: (level: string, base: string, to: string, { variant, control }: ProjectionAssumptions) =>
    request<PopulationProjection>(
      'GET',
      `/api/projection/population?${q({ level, base, to, variant, ...(control ? { control } : {}) })}`,
    ),
  /** The stored projections, newest first. */
  runs: () => request<StoredProjection[]>('GET', '/api/projection/runs'),
  /** Computes a projection on the server and stores it with its method and assumptions. */
  saveRun: (body: SaveProjectionBody) => request<StoredProjection>('POST', '/api/projection/runs', body),
  /** Publishes a stored projection (the atlas shows the newest published one) or withdraws it. */
  publishRun: (id: number, published: boolean) =>
    request<StoredProjection>('PATCH', `/api/projection/runs/${id}`, { published }),
  removeRun: (id: number) => request<void>('DELETE', `/api/projection/runs/${id}`),
  /** Care plan; trend in percent a year on the care rates. */
  care: (level: string, base: string, to: string, trend: number) =>
    request<CarePlan>('GET', `/api/care/plan?${q({ level, base, to, trend: String(trend) })}`),
  /** An age-based norm's need per area and year up to `to`; a scenario beside the Bestand. */
  coverage: (norm: string, level: string, base: string, to: string, scenario: string | null) =>
    request<CoverageForecast>(
      'GET',
      `/api/coverage/forecast?${q({ norm, level, base, to, ...(scenario ? { scenario } : {}) })}`,
    ),
};
