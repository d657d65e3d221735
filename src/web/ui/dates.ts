import type { AppConfig } from '../api.ts';

/**
 * The Stichtag a page opens with: the Datenstand (latest Stichtag with population counts), else
 * the latest Stichtag of any data — so that one table delivered for a later year does not open
 * every page on a date where most indicators are empty.
 * @example defaultDate({ dates: ['2024-12-31', '2030-12-31'], currentDate: '2024-12-31' }) // '2024-12-31'
 */
export function defaultDate(config: Pick<AppConfig, 'dates' | 'currentDate'>): string {
  const { dates, currentDate } = config;
  return currentDate !== null && dates.includes(currentDate) ? currentDate : (dates.at(-1) ?? '');
}
