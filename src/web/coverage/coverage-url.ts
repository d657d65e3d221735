/**
 * The coverage view lives in the address (`/versorgung?richtwert=kita_u3&ebene=sozialraum&
 * stichtag=2024-12-31&szenario=Ausbau&gebiet=101`), so a link reproduces it.
 */

export interface CoverageViewState {
  norm: string | null;
  level: string | null;
  date: string | null;
  scenario: string | null;
  /** Key of the area shown in the side panel. */
  area: string | null;
  /** `szenario`: the map shows the scenario's rates instead of the Bestand's. */
  mapSide: string | null;
}

const PARAMS: Record<keyof CoverageViewState, string> = {
  norm: 'richtwert',
  level: 'ebene',
  date: 'stichtag',
  scenario: 'szenario',
  area: 'gebiet',
  mapSide: 'karte',
};
const FIELDS = Object.keys(PARAMS) as (keyof CoverageViewState)[];

/**
 * Reads the state from a query string; missing or malformed parameters are null.
 * @example readCoverageState('?richtwert=kita_u3&stichtag=2024-12-31').norm // 'kita_u3'
 */
export function readCoverageState(search: string): CoverageViewState {
  const params = new URLSearchParams(search);
  const state = {} as CoverageViewState;
  for (const field of FIELDS) state[field] = params.get(PARAMS[field]) || null;
  if (state.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(state.date)) state.date = null;
  return state;
}

/**
 * The query string of a state (without `?`; empty fields left out).
 * @example coverageQuery({ norm: 'kita_u3', level: null, date: null, scenario: null, area: '101', mapSide: null })
 * // 'richtwert=kita_u3&gebiet=101'
 */
export function coverageQuery(state: CoverageViewState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = state[field];
    if (value) params.set(PARAMS[field], value);
  }
  return params.toString();
}

/** Writes the state into the address without a new history entry. */
export function writeCoverageState(state: CoverageViewState): void {
  const query = coverageQuery(state);
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, '', next);
}

/**
 * The Stichtage offered: every date with data, then the end of each year from the year after the
 * last one up to `yearsAhead` years after `today` (planning dates: openings and scenarios ahead,
 * with the population of the latest Stichtag).
 * @example stichtagOptions(['2023-12-31', '2024-12-31'], '2025-06-01', 2)
 * // [{ date: '2023-12-31', future: false }, { date: '2024-12-31', future: false },
 * //  { date: '2025-12-31', future: true }, { date: '2026-12-31', future: true }, { date: '2027-12-31', future: true }]
 */
export function stichtagOptions(
  dataDates: readonly string[],
  today: string,
  yearsAhead = 5,
): { date: string; future: boolean }[] {
  const options = [...dataDates].sort().map((date) => ({ date, future: false }));
  const last = options.at(-1)?.date ?? today;
  const firstYear = Number(last.slice(0, 4)) + (last.slice(5) === '12-31' ? 1 : 0);
  const lastYear = Number(today.slice(0, 4)) + yearsAhead;
  for (let year = firstYear; year <= lastYear; year++) {
    const date = `${year}-12-31`;
    if (date > last) options.push({ date, future: true });
  }
  return options;
}
