/**
 * Default indicator catalogue (first part; the data issue extends it to the full catalogue).
 * Definitions follow common German Sozialplanung practice; denominators are the usual
 * reference populations.
 */
import type { Indicator } from './indicator.schema.ts';

export interface IndicatorDefinition extends Omit<Indicator, 'published'> {
  numerator: string;
  denominator: string | null;
}

const d = (
  key: string,
  name: string,
  theme: string,
  numerator: string,
  denominator: string | null,
  formula: Indicator['formula'],
  polarity: Indicator['polarity'],
  description: string,
): IndicatorDefinition => ({
  key,
  name,
  theme,
  numerator,
  denominator,
  formula,
  polarity,
  description,
  unit:
    formula === 'share'
      ? '%'
      : formula === 'count'
        ? 'Personen'
        : formula === 'per_mille'
          ? '‰'
          : 'je 1.000 EW',
  decimals: formula === 'count' ? 0 : 1,
});

export const DEFAULT_CATALOGUE: IndicatorDefinition[] = [
  d(
    'einwohner',
    'Einwohnerinnen und Einwohner',
    'Demografie',
    'ew',
    null,
    'count',
    'neutral',
    'Einwohner mit Hauptwohnsitz am Stichtag.',
  ),
  d(
    'anteil_u18',
    'Anteil Minderjährige',
    'Demografie',
    'ew_u18',
    'ew',
    'share',
    'neutral',
    'Einwohner unter 18 Jahren je 100 Einwohner.',
  ),
  d(
    'anteil_65plus',
    'Anteil 65 Jahre und älter',
    'Demografie',
    'ew_65plus',
    'ew',
    'share',
    'neutral',
    'Einwohner ab 65 Jahren je 100 Einwohner.',
  ),
  d(
    'hochaltrige',
    'Hochaltrigenanteil (80+)',
    'Demografie',
    'ew_80plus',
    'ew',
    'share',
    'neutral',
    'Einwohner ab 80 Jahren je 100 Einwohner.',
  ),
  d(
    'jugendquotient',
    'Jugendquotient',
    'Demografie',
    'ew_u18',
    'ew_18_64',
    'share',
    'neutral',
    'Einwohner unter 18 Jahren je 100 Einwohner von 18 bis 64 Jahren.',
  ),
  d(
    'altenquotient',
    'Altenquotient',
    'Demografie',
    'ew_65plus',
    'ew_18_64',
    'share',
    'neutral',
    'Einwohner ab 65 Jahren je 100 Einwohner von 18 bis 64 Jahren.',
  ),
  d(
    'auslaenderanteil',
    'Ausländeranteil',
    'Integration',
    'ausl',
    'ew',
    'share',
    'neutral',
    'Einwohner mit ausschließlich ausländischer Staatsangehörigkeit je 100 Einwohner.',
  ),
  d(
    'sgb2_quote',
    'SGB-II-Quote',
    'Soziale Lage',
    'sgb2',
    'ew_u65',
    'share',
    'high_bad',
    'Leistungsberechtigte nach SGB II je 100 Einwohner unter 65 Jahren.',
  ),
  d(
    'kinderarmut',
    'Kinderarmut (SGB II unter 15)',
    'Soziale Lage',
    'sgb2_u15',
    'ew_u15',
    'share',
    'high_bad',
    'Nicht erwerbsfähige Leistungsberechtigte nach SGB II unter 15 Jahren je 100 Einwohner unter 15 Jahren.',
  ),
  d(
    'arbeitslosenanteil',
    'Arbeitslosenanteil',
    'Arbeit',
    'alo',
    'ew_15_64',
    'share',
    'high_bad',
    'Arbeitslose (SGB II und III) je 100 Einwohner von 15 bis 64 Jahren.',
  ),
  d(
    'grundsicherung_alter',
    'Grundsicherung im Alter',
    'Alter und Pflege',
    'gsia',
    'ew_65plus',
    'share',
    'high_bad',
    'Empfänger von Grundsicherung im Alter je 100 Einwohner ab 65 Jahren.',
  ),
  d(
    'alleinerziehende',
    'Alleinerziehendenanteil',
    'Kinder und Familie',
    'hh_alleinerz',
    'hh_kinder',
    'share',
    'high_bad',
    'Alleinerziehendenhaushalte je 100 Haushalte mit Kindern unter 18 Jahren.',
  ),
  d(
    'einpersonenhaushalte',
    'Einpersonenhaushalte',
    'Wohnen und Haushalte',
    'hh_1p',
    'hh',
    'share',
    'neutral',
    'Einpersonenhaushalte je 100 Haushalte.',
  ),
  d(
    'einpersonenhaushalte_65',
    'Einpersonenhaushalte 65+',
    'Alter und Pflege',
    'hh_1p_65',
    'hh',
    'share',
    'high_bad',
    'Einpersonenhaushalte mit einer Person ab 65 Jahren je 100 Haushalte.',
  ),
];
