/**
 * The monitoring view lives in the address (`/monitoring?index=berlin_mss&ebene=sozialraum&
 * stichtag=2024-12-31&ansicht=code&feld=4|-`), so a link reproduces it.
 */

export interface MonitoringState {
  index: string | null;
  level: string | null;
  date: string | null;
  /** A part key (colour by its classes) or 'code' (matrix colours). */
  view: string | null;
  /** The selected matrix cell `rowCode|colCode`, or null. */
  cell: string | null;
}

const PARAMS: Record<keyof MonitoringState, string> = {
  index: 'index',
  level: 'ebene',
  date: 'stichtag',
  view: 'ansicht',
  cell: 'feld',
};
const FIELDS = Object.keys(PARAMS) as (keyof MonitoringState)[];

/**
 * Reads the monitoring state from a query string; missing parameters are null.
 * @example readMonitoringState('?index=berlin_mss&feld=4%7C-').cell // '4|-'
 */
export function readMonitoringState(search: string): MonitoringState {
  const params = new URLSearchParams(search);
  const state = {} as MonitoringState;
  for (const field of FIELDS) state[field] = params.get(PARAMS[field]) || null;
  return state;
}

/**
 * The query string of a state (without `?`; empty fields left out).
 * @example monitoringQuery({ index: 'berlin_mss', level: null, date: null, view: 'code', cell: null })
 * // 'index=berlin_mss&ansicht=code'
 */
export function monitoringQuery(state: MonitoringState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = state[field];
    if (value) params.set(PARAMS[field], value);
  }
  return params.toString();
}

/** Writes the state into the address without a new history entry (the page stays the same). */
export function writeMonitoringState(state: MonitoringState): void {
  const query = monitoringQuery(state);
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, '', next);
}
