/**
 * Typed calls of the coverage routes (src/coverage/*.routes.ts): norms, coverage per area at a
 * Stichtag or over every Stichtag, its export, and scenarios. Types come from the server's zod
 * schemas (type imports only). Nothing is cached: facilities and scenarios change what coverage
 * returns.
 */
import type { Coverage, CoverageRow } from '../../coverage/coverage.schema.ts';
import type { Ranking, RankingRow } from '../../planning/ranking.schema.ts';
import type { Catchment, Norm } from '../../coverage/norm.schema.ts';
import type {
  CreateScenarioBody,
  Scenario,
  ScenarioChange,
  ScenarioChangeInput,
} from '../../coverage/scenario.schema.ts';
import { enc, q, request } from '../api.ts';

export type {
  Catchment,
  Coverage,
  CoverageRow,
  CreateScenarioBody,
  Norm,
  Ranking,
  RankingRow,
  Scenario,
  ScenarioChange,
  ScenarioChangeInput,
};

export interface CoverageRequest {
  norm: string;
  level: string;
  date: string;
  /** A scenario shown beside the Bestand (planners only). */
  scenario?: string | null;
}

/** The Bedarfsplan asked for; weights and radius default on the server. */
export interface RankingRequest {
  norm: string;
  level: string;
  date: string;
  /** A composite index whose class counts; null: none. */
  index: string | null;
  radius?: number;
  weightGap?: number;
  weightClass?: number;
  weightDistance?: number;
}

/** The query string of a ranking (the route's and its export's). */
function rankingQuery({ index, ...rest }: RankingRequest): string {
  return q({
    ...Object.fromEntries(
      Object.entries(rest)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
    ...(index ? { index } : {}),
  });
}

export const coverageApi = {
  norms: () => request<Norm[]>('GET', '/api/norms'),
  coverage: ({ norm, level, date, scenario }: CoverageRequest) =>
    request<Coverage>('GET', `/api/coverage?${q({ norm, level, date, ...(scenario ? { scenario } : {}) })}`),
  /** Every Stichtag with data (the Bestand only). */
  series: (norm: string, level: string) =>
    request<Coverage>('GET', `/api/coverage?${q({ norm, level, series: '1' })}`),
  /** Bedarfsplan: the areas of a level ranked by need, with their reasons. */
  ranking: (req: RankingRequest) => request<Ranking>('GET', `/api/planning/ranking?${rankingQuery(req)}`),
  scenarios: () => request<Scenario[]>('GET', '/api/scenarios'),
  createScenario: (body: CreateScenarioBody) => request<Scenario>('POST', '/api/scenarios', body),
  addChanges: (name: string, changes: ScenarioChangeInput[]) =>
    request<Scenario>('POST', `/api/scenarios/${enc(name)}/changes`, changes),
  removeChange: (name: string, id: number) =>
    request<Scenario>('DELETE', `/api/scenarios/${enc(name)}/changes/${id}`),
  deleteScenario: (name: string) => request<undefined>('DELETE', `/api/scenarios/${enc(name)}`),
};

/** Addresses of the exports the browser downloads itself. */
export const coverageDownloads = {
  table: (norm: string, level: string, date: string, format: 'csv' | 'xlsx') =>
    `/api/coverage/export?${q({ norm, level, date, format })}`,
  series: (norm: string, level: string) =>
    `/api/coverage/export?${q({ norm, level, series: '1', format: 'csv' })}`,
  /** The Bedarfsplan's table in rank order, with the parameters it was ranked with. */
  ranking: (req: RankingRequest, format: 'csv' | 'xlsx') =>
    `/api/planning/ranking/export?${rankingQuery(req)}&format=${format}`,
};
