/**
 * The count series (Variablen) the default indicator catalogue is defined on, with their meaning
 * in German. A city's files rarely carry them under these keys (Köln delivers age bands such as
 * 65–74 and 75–79); the Variablen page and `lagebild variables define` map them as sums of what
 * was imported. Names here are used wherever a variable has no stored name yet.
 */

export interface ExpectedVariable {
  key: string;
  /** German name shown to people, e.g. „Einwohner 65 Jahre und älter“. */
  name: string;
  unit: 'Personen' | 'Haushalte';
  /** What to count, in plain German. */
  description: string;
}

const P = 'Personen';
const H = 'Haushalte';

export const EXPECTED_VARIABLES: readonly ExpectedVariable[] = [
  { key: 'ew', name: 'Einwohner insgesamt', unit: P, description: 'Einwohner mit Hauptwohnsitz.' },
  { key: 'ew_w', name: 'Einwohnerinnen', unit: P, description: 'Weibliche Einwohner.' },
  { key: 'ew_u3', name: 'Kinder unter 3 Jahren', unit: P, description: 'Einwohner von 0 bis 2 Jahren.' },
  { key: 'ew_3_5', name: 'Kinder von 3 bis 5 Jahren', unit: P, description: 'Einwohner von 3 bis 5 Jahren.' },
  { key: 'ew_u6', name: 'Kinder unter 6 Jahren', unit: P, description: 'Einwohner von 0 bis 5 Jahren.' },
  {
    key: 'ew_u15',
    name: 'Einwohner unter 15 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 14 Jahren.',
  },
  {
    key: 'ew_u18',
    name: 'Einwohner unter 18 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 17 Jahren.',
  },
  {
    key: 'ew_15_64',
    name: 'Einwohner von 15 bis 64 Jahren',
    unit: P,
    description: 'Einwohner im erwerbsfähigen Alter (15 bis 64 Jahre).',
  },
  {
    key: 'ew_18_64',
    name: 'Einwohner von 18 bis 64 Jahren',
    unit: P,
    description: 'Erwachsene unter 65 Jahren.',
  },
  {
    key: 'ew_u65',
    name: 'Einwohner unter 65 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 64 Jahren.',
  },
  {
    key: 'ew_65plus',
    name: 'Einwohner 65 Jahre und älter',
    unit: P,
    description: 'Einwohner im Alter von 65 Jahren und mehr.',
  },
  {
    key: 'ew_80plus',
    name: 'Einwohner 80 Jahre und älter',
    unit: P,
    description: 'Hochbetagte: Einwohner im Alter von 80 Jahren und mehr.',
  },
  {
    key: 'ausl',
    name: 'Ausländische Einwohner',
    unit: P,
    description: 'Einwohner ohne deutsche Staatsangehörigkeit.',
  },
  {
    key: 'ausl_u18',
    name: 'Ausländische Einwohner unter 18 Jahren',
    unit: P,
    description: 'Minderjährige ohne deutsche Staatsangehörigkeit.',
  },
  { key: 'hh', name: 'Haushalte', unit: H, description: 'Privathaushalte (Haushaltegenerierung).' },
  { key: 'hh_1p', name: 'Einpersonenhaushalte', unit: H, description: 'Haushalte mit genau einer Person.' },
  {
    key: 'hh_1p_65',
    name: 'Einpersonenhaushalte ab 65 Jahren',
    unit: H,
    description: 'Einpersonenhaushalte einer Person von 65 Jahren und mehr.',
  },
  {
    key: 'hh_kinder',
    name: 'Haushalte mit Kindern',
    unit: H,
    description: 'Haushalte mit mindestens einem Kind unter 18 Jahren.',
  },
  {
    key: 'hh_alleinerz',
    name: 'Alleinerziehendenhaushalte',
    unit: H,
    description: 'Haushalte einer erwachsenen Person mit Kindern unter 18 Jahren.',
  },
  {
    key: 'sgb2',
    name: 'SGB-II-Leistungsberechtigte',
    unit: P,
    description: 'Regelleistungsberechtigte nach SGB II (Bürgergeld) insgesamt.',
  },
  {
    key: 'sgb2_elb',
    name: 'Erwerbsfähige Leistungsberechtigte (SGB II)',
    unit: P,
    description: 'Erwerbsfähige Leistungsberechtigte von 15 Jahren bis zur Altersgrenze.',
  },
  {
    key: 'sgb2_u15',
    name: 'Leistungsberechtigte unter 15 Jahren (SGB II)',
    unit: P,
    description: 'Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren.',
  },
  { key: 'alo', name: 'Arbeitslose', unit: P, description: 'Arbeitslose nach SGB II und SGB III.' },
  {
    key: 'alo_sgb2',
    name: 'Arbeitslose im SGB II',
    unit: P,
    description: 'Arbeitslose im Rechtskreis SGB II.',
  },
  {
    key: 'gsia',
    name: 'Grundsicherung im Alter',
    unit: P,
    description: 'Empfänger von Grundsicherung im Alter (SGB XII, 4. Kapitel) ab der Altersgrenze.',
  },
];

const byKey = new Map(EXPECTED_VARIABLES.map((v) => [v.key, v]));

/** The expected variable of `key`, if the default catalogue knows it. */
export const expectedVariable = (key: string): ExpectedVariable | undefined => byKey.get(key);
