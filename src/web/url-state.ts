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

function toParams(selection: Partial<Selection>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof Selection, string][]) {
    const value = selection[field];
    if (value) params.set(name, value);
  }
  return params;
}

/** The atlas selection last written, so that a return from another page finds it again. */
let lastSelection: Partial<Selection> = {};

/** The selection the atlas showed last (empty before the atlas was opened). */
export function lastAtlasSelection(): Partial<Selection> {
  return lastSelection;
}

/**
 * Address of the atlas: with the selection last shown there, or with another indicator (keeping
 * level and year; an open area profile is closed, as it belongs to the previous indicator).
 * @example atlasHref('sgb2_quote') // '/?indikator=sgb2_quote&stichtag=2024-12-31&ebene=sozialraum'
 */
export function atlasHref(indicator?: string): string {
  const selection = indicator ? { ...lastSelection, indicator, area: null } : lastSelection;
  const search = toParams(selection).toString();
  return search ? `/?${search}` : '/';
}

/** Writes the selection into the address without adding a history entry. */
export function writeSelection(selection: Selection): void {
  lastSelection = selection;
  const params = toParams(selection);
  const next = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}
