/** German texts of the page „Prognose“ (population projection and care plan, planners only). */
import type { PopulationProjection } from './projection-api.ts';

export const pt = {
  nav: 'Prognose',
  title: 'Prognose',
  docTitle: 'Prognose – Lagebild',
  intro:
    'Kleinräumige Bevölkerungsprognose, Versorgung und Pflegebedarf der kommenden Jahre je Gebiet, ausgehend vom ' +
    'letzten Datenstand. Prognosen sind unsicher: Die Zahlen sind gerundet und beschreiben eine ' +
    'Entwicklung unter Annahmen, keine Zählung.',
  internal:
    'Prognosen sind interne Planungsgrundlagen und nur für angemeldete Planerinnen und Planer sichtbar.',
  login: 'Anmelden',
  controls: 'Auswahl',
  level: 'Ebene',
  base: 'Ausgangsstichtag',
  horizon: 'Prognose bis',
  ageGroup: 'Altersgruppe',
  noHorizon: 'Für Stichtage nach 2039 bietet die Seite keinen Prognosehorizont an.',
  noBase: 'Es gibt noch keinen Stichtag mit Einwohnerzahlen.',
  ageGroups: {
    ew: 'Einwohner insgesamt',
    ew_u6: 'unter 6 Jahren',
    ew_65plus: '65 Jahre und älter',
    ew_80plus: '80 Jahre und älter',
  } as Record<string, string>,
  noAgeGroup: 'Die Prognose dieser Ebene enthält keine der Altersgruppen.',
  methods: {
    'hamilton-perry': 'Hamilton-Perry-Verfahren (Fortschreibung der Kohortenverhältnisse)',
    'cohort-component': 'Kohorten-Komponenten-Methode (Geburten, Sterbefälle, Wanderungen)',
  } satisfies Record<PopulationProjection['method'], string>,
  population: {
    title: 'Bevölkerungsprognose',
    caption: (ageGroup: string, level: string) =>
      `${ageGroup} je Gebiet (${level}) – Prognose – gerundet, mit Unsicherheit`,
    method: (method: string) => `Methode: ${method}. Werte auf 10 Personen gerundet.`,
    area: 'Gebiet',
    city: 'Stadt (Summe der Gebiete)',
    chartTitle: (ageGroup: string) => `${ageGroup}, Stadt insgesamt`,
    chartLabel: (ageGroup: string, list: string) =>
      `Liniendiagramm: ${ageGroup} in der Stadt je Jahr, Prognose – ${list}`,
    legend: 'Prognose',
  },
  care: {
    title: 'Pflegebedarf',
    trend: 'Pflegequoten',
    trends: [
      { value: 0, label: 'Pflegequoten konstant' },
      { value: 1, label: 'steigen 1 % je Jahr' },
      { value: -1, label: 'sinken 1 % je Jahr' },
    ],
    caption: (date: string) => `Pflegebedarf am ${date} – Prognose – gerundet, mit Unsicherheit`,
    area: 'Gebiet',
    need: 'Pflegebedürftige',
    home: 'Pflegeheim',
    day: 'Tagespflege',
    required: 'Plätze benötigt',
    capacity: 'in Betrieb',
    balance: 'Saldo',
    balanceHint: 'Saldo: Plätze in Betrieb minus benötigte Plätze; negativ = es fehlen Plätze.',
    source: (name: string, source: string) => `Annahmen: ${name}. Quelle: ${source}`,
  },
  forecast: {
    title: (year: string) => `Versorgung bis ${year}`,
    intro:
      'Bedarf eines Richtwerts aus der Bevölkerungsprognose neben den Plätzen der Einrichtungen, die im ' +
      'jeweiligen Jahr in Betrieb sind (geplante Eröffnungen und Schließungen eingeschlossen), gezählt im ' +
      'eigenen Gebiet. Ein Szenario fügt seine Wohnquartiere und Einrichtungsänderungen ab ihrem Datum hinzu.',
    norm: 'Richtwert',
    scenario: 'Szenario',
    noScenario: 'nur Bestand',
    noNorms:
      'Es gibt keinen Richtwert, dessen Bedarf sich nach Altersgruppen bemisst; nur solche lassen sich mit der Bevölkerungsprognose fortschreiben.',
    areaCaption: (norm: string, level: string, date: string) =>
      `${norm} je Gebiet (${level}) am ${date} – Prognose, gerundet`,
    cityCaption: (norm: string) => `${norm}, Stadt (Summe der Gebiete) je Jahr – Prognose, gerundet`,
    area: 'Gebiet',
    year: 'Jahr',
    bestand: 'Bestand',
    scenarioGroup: (name: string) => `Szenario „${name}“`,
    demand: (unit: string) => `Bedarf (${unit})`,
    supply: (unit: string) => `Versorgung (${unit})`,
    balance: 'Saldo',
    rate: 'Versorgungsquote (%)',
    balanceHint:
      'Saldo: Versorgung minus Bedarf; negativ = es fehlen Plätze. Prognose, gerundet: Die Stadt ist aus ' +
      'den ungerundeten Werten summiert und kann um eins von der Summe der Zeilen abweichen.',
    source: (name: string, source: string) => `Richtwert: ${name}. Quelle: ${source}`,
  },
};
