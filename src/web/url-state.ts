/**
 * The selection lives in the address, so a view can be bookmarked or sent to a colleague:
 *
 * | parameter   | meaning                                                        | example              |
 * |-------------|----------------------------------------------------------------|----------------------|
 * | `indikator` | indicator key                                                   | `sgb2_quote`         |
 * | `stichtag`  | Stichtag (YYYY-MM-DD)                                           | `2024-12-31`         |
 * | `ebene`     | level key                                                       | `sozialraum`         |
 * | `gebiet`    | area whose profile is open                                      | `202`                |
 * | `auswahl`   | areas selected for the statistics table, comma-separated        | `202,101`            |
 * | `von`/`bis` | value filter of the current indicator, inclusive (`.` or `,`)   | `von=12.5&bis=30`    |
 * | `bezirke`   | parent areas (districts) whose areas are shown, comma-separated | `1,4`                |
 * | `vergleich` | second indicator of the scatter plot                            | `kinderarmut`        |
 * | `klassen`   | map classification chosen on this indicator (default if absent) | `natural-5`          |
 *
 * `klassen` is `<method>-<classes>` (`quantile`, `equal`, `natural`, `stddev`; 2–10 classes),
 * `fixed:<break>;<break>;…` (decimal point, ascending, e.g. `fixed:-1;1;1.5`) or `categorical`;
 * see classification/spec-text.ts.
 *
 * The analysis parameters are read and written by analysis/view-params.ts.
 */
import {
  EMPTY_VIEW,
  readAnalysisView,
  writeAnalysisView,
  type AnalysisView,
} from './analysis/view-params.ts';

export interface Selection {
  indicator: string;
  date: string;
  level: string;
  area: string | null;
  /** Selection, filters and scatter indicator of the analysis tools. */
  analysis?: AnalysisView;
  /** Map classification in its address form (classification/spec-text.ts); absent = the indicator's default. */
  classification?: string | null;
}

const PARAMS = {
  indicator: 'indikator',
  date: 'stichtag',
  level: 'ebene',
  area: 'gebiet',
  classification: 'klassen',
} as const;

/**
 * The query string, with `:` and `;` (fixed class breaks) and `,` (lists of areas) left readable;
 * all three are allowed in a query.
 */
const readable = (params: URLSearchParams) =>
  params.toString().replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ',');

/** Reads whatever part of a selection the current address holds. */
export function readSelection(search: string = window.location.search): Partial<Selection> {
  const params = new URLSearchParams(search);
  const out: Partial<Selection> = {};
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = params.get(name);
    if (value) out[field] = value;
  }
  const analysis = readAnalysisView(params);
  if (JSON.stringify(analysis) !== JSON.stringify(EMPTY_VIEW)) out.analysis = analysis;
  return out;
}

function toParams(selection: Partial<Selection>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = selection[field];
    if (value) params.set(name, value);
  }
  if (selection.analysis) writeAnalysisView(params, selection.analysis);
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
  // a value filter belongs to the indicator it was set on
  const analysis = lastSelection.analysis && { ...lastSelection.analysis, min: null, max: null };
  // so does a classification
  const selection = indicator
    ? { ...lastSelection, indicator, area: null, analysis, classification: null }
    : lastSelection;
  const search = readable(toParams(selection));
  return search ? `/?${search}` : '/';
}

/** Writes the selection into the address without adding a history entry. */
export function writeSelection(selection: Selection): void {
  lastSelection = selection;
  const params = toParams(selection);
  const next = `${window.location.pathname}?${readable(params)}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}
