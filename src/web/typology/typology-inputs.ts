import { useMemo } from 'react';
import { defaultDate } from '../ui/dates.ts';
import type { PageProps } from '../page-props.ts';
import { defaultIndicatorKeys } from '../../typology/defaults.ts';

/** The part of the address state that the typology and the comparison share. */
export interface InputState {
  level: string | null;
  date: string | null;
  indicators: string[] | null;
}

/** Level, Stichtag and indicators as the typology and compare pages use them. */
export interface TypologyInputs {
  level: PageProps['levels'][number];
  /** Stichtage with data, ascending. */
  dates: readonly string[];
  date: string;
  defaults: readonly string[];
  selected: readonly string[];
  /** The selected keys joined by commas (stable as a dependency and a cache key). */
  selection: string;
}

/**
 * Level, Stichtag and indicators of the typology and compare pages, read from their address
 * state: unknown or missing values fall back to the finest level, the default Datenstand and
 * the default indicators; indicators the user may not see are dropped.
 */
export function useTypologyInputs(
  { config, levels, indicators }: Pick<PageProps, 'config' | 'levels' | 'indicators'>,
  state: InputState,
): TypologyInputs {
  const level = levels.find((l) => l.key === state.level) ?? levels.at(-1)!;
  const dates = config.dates;
  const date = state.date && dates.includes(state.date) ? state.date : defaultDate(config);
  const defaults = useMemo(() => defaultIndicatorKeys(indicators), [indicators]);
  const visible = useMemo(() => new Set(indicators.map((i) => i.key)), [indicators]);
  const selected = (state.indicators ?? defaults).filter((k) => visible.has(k));
  const selection = selected.join(',');
  return { level, dates, date, defaults, selected, selection };
}
