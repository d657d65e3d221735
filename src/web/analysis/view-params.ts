/**
 * The analysis part of the atlas view in the address: selected areas, filters and the scatter
 * plot's second indicator (documented with the other parameters in ../url-state.ts).
 */

export interface AnalysisView {
  /** Areas chosen for the statistics table and highlighted everywhere (Auswahl), in order. */
  areas: string[];
  /** Value filter of the current indicator: lower and upper bound (inclusive), null = open. */
  min: number | null;
  max: number | null;
  /** Parent areas (e.g. Stadtbezirke) whose areas are shown; empty = all. */
  parents: string[];
  /** Second indicator of the scatter plot (y axis); null = the app's choice. */
  indicator2: string | null;
}

export const EMPTY_VIEW: AnalysisView = { areas: [], min: null, max: null, parents: [], indicator2: null };

/** Parameter names in the address (German, like the others). */
export const ANALYSIS_PARAMS = {
  areas: 'auswahl',
  min: 'von',
  max: 'bis',
  parents: 'bezirke',
  indicator2: 'vergleich',
} as const;

const list = (text: string | null) => [
  ...new Set(
    (text ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A number written with a decimal point or a decimal comma; null when absent or not a number. */
const number = (text: string | null): number | null => {
  if (text === null || text.trim() === '') return null;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/**
 * Reads the analysis view from the address's parameters; anything missing or unreadable is empty.
 * @example readAnalysisView(new URLSearchParams('auswahl=101,202&von=12,5')) // { areas: ['101','202'], min: 12.5, max: null, parents: [], indicator2: null }
 */
export function readAnalysisView(params: URLSearchParams): AnalysisView {
  return {
    areas: list(params.get(ANALYSIS_PARAMS.areas)),
    min: number(params.get(ANALYSIS_PARAMS.min)),
    max: number(params.get(ANALYSIS_PARAMS.max)),
    parents: list(params.get(ANALYSIS_PARAMS.parents)),
    indicator2: params.get(ANALYSIS_PARAMS.indicator2)?.trim() || null,
  };
}

/** Writes the analysis view into `params` (empty parts leave no parameter). */
export function writeAnalysisView(params: URLSearchParams, view: AnalysisView): void {
  const set = (name: string, value: string) => (value ? params.set(name, value) : params.delete(name));
  set(ANALYSIS_PARAMS.areas, view.areas.join(','));
  set(ANALYSIS_PARAMS.min, view.min === null ? '' : String(view.min));
  set(ANALYSIS_PARAMS.max, view.max === null ? '' : String(view.max));
  set(ANALYSIS_PARAMS.parents, view.parents.join(','));
  set(ANALYSIS_PARAMS.indicator2, view.indicator2 ?? '');
}

/** Whether the view filters any area out. */
export const isFiltered = (view: AnalysisView) =>
  view.min !== null || view.max !== null || view.parents.length > 0;

/**
 * The view with an area added to the selection, or removed when it is in it already.
 * @example toggleArea({ ...EMPTY_VIEW, areas: ['1'] }, '2').areas // ['1', '2']
 */
export function toggleArea(view: AnalysisView, id: string): AnalysisView {
  const areas = view.areas.includes(id) ? view.areas.filter((a) => a !== id) : [...view.areas, id];
  return { ...view, areas };
}
