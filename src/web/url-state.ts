/**
 * The selection lives in the address (`?indikator=…&stichtag=…&ebene=…&gebiet=…`), so a view can be
 * bookmarked or sent to a colleague.
 */

export interface Selection {
  indicator: string;
  date: string;
  level: string;
  area: string | null;
}

const PARAMS = { indicator: 'indikator', date: 'stichtag', level: 'ebene', area: 'gebiet' } as const;

/** Reads whatever part of a selection the current address holds. */
export function readSelection(search: string = window.location.search): Partial<Selection> {
  const params = new URLSearchParams(search);
  const out: Partial<Selection> = {};
  for (const [field, name] of Object.entries(PARAMS) as [keyof Selection, string][]) {
    const value = params.get(name);
    if (value) out[field] = value;
  }
  return out;
}

/** Writes the selection into the address without adding a history entry. */
export function writeSelection(selection: Selection): void {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof Selection, string][]) {
    const value = selection[field];
    if (value) params.set(name, value);
  }
  const next = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}
