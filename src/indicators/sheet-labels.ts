/**
 * German labels of the Kennblatt (indicator sheet), shared by its two renderers: the printed sheet
 * (analysis/sheet-html.ts) and the page of the web app, which imports them from here. Types only
 * from the schema, so the browser bundle stays free of zod.
 */
import type { Formula, Indicator } from './indicator.schema.ts';

const years = (n: number | null) => (n === 1 ? '1 Jahr' : `${n ?? 'n'} Jahre`);
const thousand = '1.000';

/** The product's name, in the sheet's header and note. */
export const APP_NAME = 'Lagebild';

/** Calculation rules in words, for the catalogue table and the sheet. */
export const FORMULA_LABELS = {
  count: () => 'Anzahl (Zähler)',
  share: () => 'Anteil (Zähler/Nenner·100)',
  per_mille: () => `Promille (Zähler/Nenner·${thousand})`,
  per_1000: () => `Je ${thousand} (Zähler/Nenner·${thousand})`,
  ratio: () => 'Verhältnis (Zähler/Nenner)',
  change_pp: (n: number | null) => `Veränderung in Prozentpunkten über ${years(n)}`,
  relative_change: (n: number | null) => `Veränderung in % über ${years(n)}`,
  trend_slope: (n: number | null) => `Trend (Steigung je Jahr) über ${years(n)}`,
} satisfies Record<Formula, (periodYears: number | null) => string>;

/**
 * The calculation written out with the variables, for the Kennblatt.
 * @example formulaWritten({ formula: 'share', numerator: 'sgb2', denominator: 'ew_u65', periodYears: null }) // 'sgb2 / ew_u65 · 100'
 */
export function formulaWritten({
  formula,
  numerator: z,
  denominator: n,
  periodYears,
}: Pick<Indicator, 'formula' | 'numerator' | 'denominator' | 'periodYears'>): string {
  const share = n ? `(${z} / ${n} · 100)` : z;
  const before = `${years(periodYears)} zuvor`;
  switch (formula) {
    case 'count':
      return z;
    case 'share':
      return `${z} / ${n ?? '?'} · 100`;
    case 'per_mille':
    case 'per_1000':
      return `${z} / ${n ?? '?'} · ${thousand}`;
    case 'ratio':
      return `${z} / ${n ?? '?'}`;
    case 'change_pp':
      return `${share} am Stichtag − ${share} ${before}`;
    case 'relative_change': {
      const base = n ? `(${z} / ${n})` : z;
      return `(${base} am Stichtag ÷ ${base} ${before} − 1) · 100`;
    }
    case 'trend_slope':
      return `Steigung der Ausgleichsgeraden (kleinste Quadrate) von ${share} je Jahr über die letzten ${years(periodYears)}`;
  }
}

/** The polarity in a sentence. */
export const POLARITY_LABELS = {
  high_bad: 'Hohe Werte zeigen einen höheren Handlungsbedarf.',
  high_good: 'Hohe Werte sind günstig; niedrige Werte zeigen Handlungsbedarf.',
  neutral: 'Beschreibender Indikator ohne Wertung.',
} satisfies Record<Indicator['polarity'], string>;

/** The sheet's field labels. */
export const SHEET_LABELS = {
  eyebrow: 'Kennblatt',
  definition: 'Definition',
  noDefinition: 'Keine Beschreibung hinterlegt.',
  formula: 'Berechnung',
  numerator: 'Zähler',
  denominator: 'Nenner',
  noDenominator: 'keiner',
  unit: 'Einheit',
  decimals: (n: number) => (n === 1 ? '1 Nachkommastelle' : `${n} Nachkommastellen`),
  polarity: 'Wertung',
  source: 'Quelle',
  date: 'Stichtag',
  noDate: 'noch keine Daten',
  updateCycle: 'Aktualisierung',
  key: 'Schlüssel',
  notStated: 'nicht angegeben',
};
