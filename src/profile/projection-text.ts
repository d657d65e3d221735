/**
 * German texts of the Prognose in the Steckbrief, shared by the profile page and the reports: the
 * names of methods and variants, the note under the table (what it is, how it was computed, that
 * it is rounded and uncertain, which areas are shown only within their district) and its cells.
 */
import { formatDate, formatNumber, formatValue, MISSING_SYMBOL } from '../core/format.ts';
import type { ProfileCell, ProfileProjection } from './profile.schema.ts';

export const projectionTexts = {
  title: 'Prognose (Bevölkerungsvorausberechnung)',
  methods: {
    'hamilton-perry': 'Hamilton-Perry-Verfahren',
    'cohort-component': 'Kohorten-Komponenten-Methode',
  } satisfies Record<ProfileProjection['method'], string>,
  variants: {
    low: 'untere Variante',
    main: 'Hauptvariante',
    high: 'obere Variante',
  } satisfies Record<ProfileProjection['variant'], string>,
  /** An area the public sees only summed into its district. */
  hidden: 'nur im Bezirk ausgewiesen',
  /** Column head of a Stichtag: the last observed one, or a projected year. */
  observed: (date: string) => `${formatDate(date)} (Bestand)`,
  projected: (date: string) => `${date.slice(0, 4)} (Prognose)`,
};

type Note = Pick<ProfileProjection, 'name' | 'method' | 'variant' | 'base' | 'minPopulation' | 'rounded'>;

/**
 * How the Prognose was made, in one line: method, variant, base, rounded and uncertain.
 * @example projectionMethodText({ method: 'hamilton-perry', variant: 'main', base: '2024-12-31', rounded: true, … })
 * // 'Hamilton-Perry-Verfahren, Hauptvariante, Basis 31.12.2024 – gerundet, unsicher'
 */
export function projectionMethodText(p: Note): string {
  return (
    `${projectionTexts.methods[p.method]}, ${projectionTexts.variants[p.variant]}, ` +
    `Basis ${formatDate(p.base)} – ${p.rounded ? 'gerundet, unsicher' : 'ungerundet (intern), unsicher'}`
  );
}

/**
 * Which areas the public sees only within their district; empty for the unrounded planner view.
 * @param parentLevelName the level of the district column („Stadtbezirk“); null on the top levels
 */
export function smallAreasText(p: Note, parentLevelName: string | null): string {
  return p.rounded && p.minPopulation > 0
    ? `Gebiete unter ${formatNumber(p.minPopulation, 0)} Einwohnern sind nur im ${parentLevelName ?? 'übergeordneten Gebiet'} ausgewiesen.`
    : '';
}

/**
 * The note under a Prognose table: what was projected how, that the values are uncertain (and,
 * for the public, rounded), and which areas are shown only within their district.
 * @example projectionNote({ name: 'Prognose 2024–2032', method: 'hamilton-perry', variant: 'main',
 *   base: '2024-12-31', minPopulation: 1000, rounded: true }, 'Stadtbezirk')
 * // 'Prognose „Prognose 2024–2032“: Hamilton-Perry-Verfahren, Hauptvariante, Basis 31.12.2024 –
 * //  gerundet, unsicher. Eine Entwicklung unter Annahmen, keine Zählung; Zahlen auf 10 Personen
 * //  gerundet. Gebiete unter 1.000 Einwohnern sind nur im Stadtbezirk ausgewiesen.'
 */
export function projectionNote(p: Note, parentLevelName: string | null): string {
  const how = p.rounded
    ? 'Eine Entwicklung unter Annahmen, keine Zählung; Zahlen auf 10 Personen gerundet.'
    : 'Eine Entwicklung unter Annahmen, keine Zählung.';
  const small = smallAreasText(p, parentLevelName);
  return `Prognose „${p.name}“: ${projectionMethodText(p)}. ${how}${small ? ` ${small}` : ''}`;
}

/**
 * A cell of the Prognose table without unit: the area's own projected cell, when the public sees
 * it only within its district, says so instead of `·`; other secret cells (an observed value below
 * the disclosure threshold, a district summing a single hidden area) stay `·`.
 * @param ownProjected whether the cell is the area's own value at a projected Stichtag
 * @example projectionCellText({ value: null, status: 'secret' }, 0, true) // 'nur im Bezirk ausgewiesen'
 */
export function projectionCellText(c: ProfileCell | null, decimals: number, ownProjected: boolean): string {
  if (!c) return MISSING_SYMBOL;
  if (ownProjected && c.status === 'secret') return projectionTexts.hidden;
  return formatValue(c.value, c.status, decimals, '', { unit: false });
}
