/**
 * Default early-warning rules, installed into a database without rules (like the indicator
 * catalogue): what German social monitoring commonly watches — a rising SGB II rate, child poverty
 * above a critical level, areas far from the city, and a worsened MSS class. After that the rules
 * are data, edited in the web app or exchanged as JSON.
 */
import type { WarningRule } from './warning.schema.ts';

export const DEFAULT_RULES: WarningRule[] = [
  {
    key: 'sgb2_quote_steigend_3j',
    name: 'SGB-II-Quote 3 Jahre in Folge steigend',
    description:
      'Die SGB-II-Quote ist an drei Stichtagen hintereinander gestiegen: eine verfestigte Entwicklung.',
    severity: 'hoch',
    active: true,
    minPopulation: 300,
    kind: 'rising',
    indicator: 'sgb2_quote',
    periods: 3,
  },
  {
    key: 'kinderarmut_ueber_30',
    name: 'Kinderarmut über 30 %',
    description: 'Mehr als drei von zehn Kindern unter 15 Jahren leben in Bedarfsgemeinschaften nach SGB II.',
    severity: 'hoch',
    active: true,
    minPopulation: 300,
    kind: 'threshold',
    indicator: 'kinderarmut',
    direction: 'above',
    value: 30,
    crossing: false,
  },
  {
    key: 'arbeitslosenanteil_ueberschreitet_6',
    name: 'Arbeitslosenanteil überschreitet 6 %',
    description: 'Der Arbeitslosenanteil ist seit dem letzten Stichtag über 6 % gestiegen.',
    severity: 'mittel',
    active: true,
    minPopulation: 300,
    kind: 'threshold',
    indicator: 'arbeitslosenanteil',
    direction: 'above',
    value: 6,
    crossing: true,
  },
  {
    key: 'abweichung_2sd',
    name: 'Abweichung vom Stadtwert > 2 SD',
    description:
      'Der Wert eines Gebiets liegt in der ungünstigen Richtung mehr als zwei Standardabweichungen ' +
      '(über alle Gebiete der Ebene) vom Stadtwert entfernt; für alle Indikatoren mit Bewertungsrichtung.',
    severity: 'mittel',
    active: true,
    minPopulation: 300,
    kind: 'deviation',
    indicator: null,
    k: 2,
  },
  {
    key: 'unguenstig_4j',
    name: 'Vier Jahre in Folge ungünstige Entwicklung',
    description:
      'Ein Indikator mit Bewertungsrichtung hat sich an vier Stichtagen hintereinander in die ungünstige Richtung bewegt.',
    severity: 'mittel',
    active: false,
    minPopulation: 300,
    kind: 'rising',
    indicator: null,
    periods: 4,
  },
  {
    key: 'mss_status_verschlechtert',
    name: 'MSS-Statusklasse verschlechtert',
    description:
      'Die Statusklasse im Monitoring Soziale Stadtentwicklung ist gegenüber dem letzten Stichtag schlechter geworden.',
    severity: 'hoch',
    active: true,
    minPopulation: null,
    kind: 'index_class',
    index: 'berlin_mss',
    part: 'status',
  },
  {
    key: 'mss_dynamik_verschlechtert',
    name: 'MSS-Dynamikklasse verschlechtert',
    description:
      'Die Dynamikklasse im Monitoring Soziale Stadtentwicklung ist gegenüber dem letzten Stichtag schlechter geworden.',
    severity: 'mittel',
    active: true,
    minPopulation: null,
    kind: 'index_class',
    index: 'berlin_mss',
    part: 'dynamics',
  },
];
