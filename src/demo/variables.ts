import type { DemoVariable } from './types.ts';

const P = 'Personen';
const H = 'Haushalte';

/**
 * Variable catalogue of the demo city (German names and descriptions for people). Counts only:
 * rates such as the SGB-II-Quote are derived by the app from numerator and denominator.
 */
export const DEMO_VARIABLES: readonly DemoVariable[] = [
  {
    key: 'bev',
    name: 'Bevölkerung nach Alter und Geschlecht',
    unit: P,
    description:
      'Einwohnerinnen und Einwohner mit Hauptwohnsitz nach Einzelaltersjahren (0 bis 100 und älter) und Geschlecht; Aufgliederung "age=<Alter>;sex=<m|w>".',
  },
  {
    key: 'ew',
    name: 'Einwohner insgesamt',
    unit: P,
    description: 'Einwohnerinnen und Einwohner mit Hauptwohnsitz.',
  },
  { key: 'ew_m', name: 'Einwohner männlich', unit: P, description: 'Männliche Einwohner.' },
  { key: 'ew_w', name: 'Einwohner weiblich', unit: P, description: 'Weibliche Einwohnerinnen.' },
  {
    key: 'ew_u3',
    name: 'Kinder unter 3 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 0 bis 2 Jahren.',
  },
  {
    key: 'ew_3_5',
    name: 'Kinder von 3 bis 5 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 3 bis 5 Jahren.',
  },
  {
    key: 'ew_u6',
    name: 'Kinder unter 6 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 0 bis 5 Jahren.',
  },
  {
    key: 'ew_6_9',
    name: 'Kinder von 6 bis 9 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 6 bis 9 Jahren.',
  },
  {
    key: 'ew_u15',
    name: 'Einwohner unter 15 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 0 bis 14 Jahren.',
  },
  {
    key: 'ew_u18',
    name: 'Minderjährige unter 18 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 0 bis 17 Jahren.',
  },
  {
    key: 'ew_15_64',
    name: 'Einwohner im erwerbsfähigen Alter (15 bis 64 Jahre)',
    unit: P,
    description:
      'Einwohner im Alter von 15 bis 64 Jahren; Bezugsgröße für SGB-II-Quote der Erwerbsfähigen und Arbeitslosenanteil.',
  },
  {
    key: 'ew_18_64',
    name: 'Einwohner von 18 bis 64 Jahren',
    unit: P,
    description: 'Erwachsene unter 65 Jahren.',
  },
  {
    key: 'ew_65plus',
    name: 'Einwohner ab 65 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 65 Jahren und älter.',
  },
  {
    key: 'ew_80plus',
    name: 'Hochbetagte ab 80 Jahren',
    unit: P,
    description: 'Einwohner im Alter von 80 Jahren und älter.',
  },
  {
    key: 'hh',
    name: 'Haushalte',
    unit: H,
    description: 'Privathaushalte (Haushaltegenerierung aus dem Melderegister).',
  },
  { key: 'hh_1p', name: 'Einpersonenhaushalte', unit: H, description: 'Haushalte mit genau einer Person.' },
  {
    key: 'hh_1p_65',
    name: 'Einpersonenhaushalte mit Person ab 65 Jahren',
    unit: H,
    description: 'Alleinlebende im Alter von 65 Jahren und älter.',
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
    description: 'Haushalte mit Kindern unter 18 Jahren und genau einer erwachsenen Person.',
  },
  {
    key: 'ausl',
    name: 'Ausländische Staatsangehörige',
    unit: P,
    description: 'Einwohner ohne deutsche Staatsangehörigkeit.',
  },
  {
    key: 'ausl_u18',
    name: 'Ausländische Minderjährige',
    unit: P,
    description: 'Einwohner unter 18 Jahren ohne deutsche Staatsangehörigkeit.',
  },
  {
    key: 'sgb2',
    name: 'SGB-II-Leistungsberechtigte insgesamt',
    unit: P,
    description:
      'Regelleistungsberechtigte nach dem SGB II (Bürgergeld, bis 2022 Arbeitslosengeld II/Sozialgeld), unter 65 Jahren.',
  },
  {
    key: 'sgb2_elb',
    name: 'Erwerbsfähige Leistungsberechtigte (SGB II)',
    unit: P,
    description: 'Erwerbsfähige Leistungsberechtigte im Alter von 15 bis 64 Jahren.',
  },
  {
    key: 'sgb2_u15',
    name: 'Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren',
    unit: P,
    description: 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften; Zähler der Kinderarmutsquote.',
  },
  {
    key: 'alo',
    name: 'Arbeitslose (SGB II und SGB III)',
    unit: P,
    description: 'Registrierte Arbeitslose beider Rechtskreise im Alter von 15 bis 64 Jahren.',
  },
  {
    key: 'alo_sgb2',
    name: 'Arbeitslose im Rechtskreis SGB II',
    unit: P,
    description: 'Registrierte Arbeitslose, die vom Jobcenter betreut werden.',
  },
  {
    key: 'gsia',
    name: 'Empfänger von Grundsicherung im Alter',
    unit: P,
    description:
      'Empfängerinnen und Empfänger von Grundsicherung im Alter (SGB XII, 4. Kapitel) ab 65 Jahren.',
  },
];
