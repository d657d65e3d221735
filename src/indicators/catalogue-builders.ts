/**
 * Short builders for catalogue entries: defaults (unit by formula, decimals, source, update
 * cycle) filled in, so the catalogue itself reads as a list of definitions.
 */
import type { Indicator } from './indicator.schema.ts';
import { DEFAULT_UNITS } from './units.ts';

export const REGISTER = 'Einwohnermelderegister (Demo-Stadt)';
export const BA = 'Statistik der Bundesagentur für Arbeit (Demo-Stadt)';
export const SOZIALAMT = 'Sozialamt, Grundsicherungsstatistik (Demo-Stadt)';

type Def = Pick<
  Indicator,
  'key' | 'name' | 'theme' | 'numerator' | 'denominator' | 'formula' | 'polarity' | 'description'
> &
  Partial<Pick<Indicator, 'periodYears' | 'unit' | 'decimals' | 'source' | 'classification' | 'target'>>;

export const ind = (d: Def): Indicator => ({
  periodYears: null,
  unit: DEFAULT_UNITS[d.formula],
  decimals: d.formula === 'count' ? 0 : d.formula === 'ratio' ? 2 : 1,
  source: REGISTER,
  updateCycle: 'jährlich zum 31.12.',
  published: true,
  classification: null,
  target: null,
  ...d,
});

export const share = (
  key: string,
  name: string,
  theme: string,
  numerator: string,
  denominator: string,
  polarity: Indicator['polarity'],
  description: string,
  source = REGISTER,
) => ind({ key, name, theme, numerator, denominator, formula: 'share', polarity, description, source });

export const change = (
  key: string,
  name: string,
  theme: string,
  numerator: string,
  denominator: string,
  years: number,
  polarity: Indicator['polarity'],
  description: string,
  source = REGISTER,
) =>
  ind({
    key,
    name,
    theme,
    numerator,
    denominator,
    formula: 'change_pp',
    periodYears: years,
    polarity,
    description,
    source,
    decimals: 2,
  });
