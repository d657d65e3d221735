/**
 * Filters of the Frühwarnung list (theme, parent area, search, severity), the count summary, and
 * the filters in the address (`?ebene=…&stichtag=…&thema=…&bezirk=…&suche=…&dringlichkeit=…`), so a
 * filtered list can be bookmarked and Back from an area profile finds it again. Pure.
 */
import type { Severity, WarningEntry } from '../../warnings/warning.schema.ts';

/** The theme value that selects the entries of composite indices (they have no indicator theme). */
export const INDEX_THEME = 'indizes';

export interface WarningFilters {
  /** Indicator theme, INDEX_THEME, or null for all. */
  theme: string | null;
  /** Key of a parent area (e.g. Stadtbezirk), or null for all. */
  parent: string | null;
  /** Part of an area name or key. */
  search: string;
  severity: Severity | null;
}

export const NO_FILTERS: WarningFilters = { theme: null, parent: null, search: '', severity: null };

/** Lower case without diacritics: „Mühlenbach“ is found by „muhlenbach“ and „Mühlen“. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('de-DE').trim();

/**
 * The entries that pass every filter, in their order.
 * @example filterEntries(entries, { ...NO_FILTERS, theme: 'Arbeit' })
 */
export function filterEntries(entries: readonly WarningEntry[], f: WarningFilters): WarningEntry[] {
  const search = fold(f.search);
  return entries.filter(
    (e) =>
      (f.theme === null || (f.theme === INDEX_THEME ? e.theme === null : e.theme === f.theme)) &&
      (f.parent === null || e.parent === f.parent || e.area === f.parent) &&
      (f.severity === null || e.severity === f.severity) &&
      (search === '' || fold(e.areaName).includes(search) || fold(e.area).includes(search)),
  );
}

/** Counts for the summary line: distinct areas and entries per severity. */
export function summarise(entries: readonly WarningEntry[]): { areas: number; high: number; medium: number } {
  return {
    areas: new Set(entries.map((e) => e.area)).size,
    high: entries.filter((e) => e.severity === 'hoch').length,
    medium: entries.filter((e) => e.severity === 'mittel').length,
  };
}

/** Themes in catalogue order (first appearance), without duplicates. */
export const themesOf = (indicators: readonly { theme: string }[]) => [
  ...new Set(indicators.map((i) => i.theme)),
];

const P = {
  level: 'ebene',
  date: 'stichtag',
  theme: 'thema',
  parent: 'bezirk',
  search: 'suche',
  severity: 'dringlichkeit',
} as const;

export interface WarningsView extends WarningFilters {
  level: string | null;
  date: string | null;
}

/** Reads the view from an address query (`location.search`). */
export function readView(search: string): WarningsView {
  const p = new URLSearchParams(search);
  const severity = p.get(P.severity);
  return {
    level: p.get(P.level) || null,
    date: p.get(P.date) || null,
    theme: p.get(P.theme) || null,
    parent: p.get(P.parent) || null,
    search: p.get(P.search) ?? '',
    severity: severity === 'hoch' || severity === 'mittel' ? severity : null,
  };
}

/**
 * The query of a view ('' when empty); empty filters are left out.
 * @example writeView({ level: 'sozialraum', date: null, theme: 'Arbeit', parent: null, search: '', severity: null }) // '?ebene=sozialraum&thema=Arbeit'
 */
export function writeView(v: WarningsView): string {
  const p = new URLSearchParams();
  for (const [field, name] of Object.entries(P) as [keyof typeof P, string][]) {
    const value = v[field];
    if (value !== null && value.trim() !== '') p.set(name, value);
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}
