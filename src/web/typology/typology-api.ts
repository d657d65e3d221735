/** Typed client of /api/typology (types from the server's zod schemas). */
import type { ClustersResult, CompareResult, SimilarResult } from '../../typology/typology.schema.ts';
import { cachedGet, q } from '../api.ts';

export type { ClustersResult, CompareResult, SimilarResult };
export type AreaTypeResult = ClustersResult['types'][number];
export type TypedArea = ClustersResult['areas'][number];
export type CompareRow = CompareResult['rows'][number];

const query = (params: Record<string, string | null | undefined>) =>
  q(Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1])));

export const typologyApi = {
  clusters: (level: string, date: string, indicators: readonly string[], k: string) =>
    cachedGet<ClustersResult>(
      `/api/typology/clusters?${query({ level, date, indicators: indicators.join(','), k })}`,
    ),
  similar: (
    level: string,
    date: string,
    area: string,
    indicators: readonly string[],
    tolerance: number,
    band: 'sd' | 'percent',
  ) =>
    cachedGet<SimilarResult>(
      `/api/typology/similar?${query({ level, date, area, indicators: indicators.join(','), tolerance: String(tolerance), band })}`,
    ),
  compare: (level: string, date: string, a: string, b: string, indicators: readonly string[]) =>
    cachedGet<CompareResult>(
      `/api/typology/compare?${query({ level, date, a, b, indicators: indicators.join(',') })}`,
    ),
};
