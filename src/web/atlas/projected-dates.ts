/**
 * The Stichtage the atlas offers: the observed ones, and after them those of the published
 * projection („Prognose“) — only for an indicator the projection can give (projectable.ts) on a
 * level no finer than the projected one.
 */
import { projectable } from '../../projection/projectable.ts';
import type { AppConfig, Indicator } from '../api.ts';

type Level = AppConfig['levels'][number];

export interface AtlasDates {
  /** Observed, then projected; ascending. */
  dates: string[];
  /** The projected ones among them. */
  projected: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * @example atlasDates(['2024-12-31'], null, ind, 'sozialraum', levels) // { dates: ['2024-12-31'], projected: Set {} }
 */
export function atlasDates(
  observed: readonly string[],
  projection: AppConfig['projection'],
  indicator: Pick<Indicator, 'formula' | 'numerator' | 'denominator'>,
  level: string,
  levels: readonly Level[],
): AtlasDates {
  const last = observed.at(-1) ?? '';
  const rank = (key: string) => levels.find((l) => l.key === key)?.rank ?? Infinity;
  if (!projection || !projectable(indicator, projection) || rank(level) > rank(projection.level))
    return { dates: [...observed], projected: NONE };
  const ahead = projection.dates.filter((d) => d > last);
  return { dates: [...observed, ...ahead], projected: new Set(ahead) };
}
