/**
 * The facilities view lives in the address (`/einrichtungen?art=kita&stichtag=2025-01-01&
 * ebene=sozialraum&einrichtung=kita-001`), so a link shows the same facility on the same day.
 */

export interface FacilityViewState {
  type: string | null;
  date: string | null;
  level: string | null;
  /** Number (key) of the facility shown in the side panel. */
  facility: string | null;
}

const PARAMS: Record<keyof FacilityViewState, string> = {
  type: 'art',
  date: 'stichtag',
  level: 'ebene',
  facility: 'einrichtung',
};
const FIELDS = Object.keys(PARAMS) as (keyof FacilityViewState)[];

/**
 * Reads the state from a query string; missing or malformed parameters are null.
 * @example readFacilityState('?art=kita&stichtag=2025-01-01').type // 'kita'
 */
export function readFacilityState(search: string): FacilityViewState {
  const params = new URLSearchParams(search);
  const state = {} as FacilityViewState;
  for (const field of FIELDS) state[field] = params.get(PARAMS[field]) || null;
  if (state.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(state.date)) state.date = null;
  return state;
}

/**
 * The query string of a state (without `?`; empty fields left out).
 * @example facilityQuery({ type: 'kita', date: null, level: null, facility: 'N1' }) // 'art=kita&einrichtung=N1'
 */
export function facilityQuery(state: FacilityViewState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = state[field];
    if (value) params.set(PARAMS[field], value);
  }
  return params.toString();
}

/** Writes the state into the address without a new history entry. */
export function writeFacilityState(state: FacilityViewState): void {
  const query = facilityQuery(state);
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, '', next);
}

/** Today in the browser's calendar as `YYYY-MM-DD` (the default Stichtag of facilities). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
