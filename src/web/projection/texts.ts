/** German texts of the page „Prognose“ (population projection and care plan, planners only). */
import type { PopulationProjection, StoredProjection } from './projection-api.ts';

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
  variants: {
    main: 'Hauptvariante',
    low: 'untere Variante',
    high: 'obere Variante',
  } satisfies Record<PopulationProjection['variant'], string>,
  assumptions: {
    title: 'Annahmen der Prognose',
    variant: 'Variante',
    variantHint:
      'Die untere und die obere Variante liegen je Jahr 0,5 % unter bzw. über der Hauptvariante (±0,5 % je Jahr um die Hauptvariante).',
    control: 'Eckwerte der Stadt (optional)',
    controlHint:
      'Einwohnerzahlen der ganzen Stadt, etwa aus der Vorausberechnung des Statistischen Landesamts: ein Eckwert je Zeile, ' +
      'Stichtag und Einwohnerzahl, z. B. „31.12.2030: 512.000“. Die Stichtage liegen ganze Jahre nach dem ' +
      'Ausgangsstichtag, der letzte nicht vor dem Prognoseziel; dazwischen wird linear interpoliert und jedes Gebiet ' +
      'anteilig angepasst. Leer: die Summe der Gebietsprognosen.',
    apply: 'Annahmen übernehmen',
    applied: 'Die Annahmen sind übernommen; die Bevölkerungsprognose wird neu berechnet.',
    scope:
      'Die Annahmen gelten für die Bevölkerungsprognose und für „Prognose speichern“; Versorgung und Pflegebedarf ' +
      'rechnen mit der Hauptvariante ohne Eckwerte.',
  },
  population: {
    title: 'Bevölkerungsprognose',
    caption: (ageGroup: string, level: string) =>
      `${ageGroup} je Gebiet (${level}) – Prognose – gerundet, mit Unsicherheit`,
    method: (method: string) => `Methode: ${method}. Werte auf 10 Personen gerundet.`,
    variant: (variant: string) => `Variante: ${variant}.`,
    control: (list: string) => `Eckwerte der Stadt: ${list}.`,
    noControl: 'Eckwerte der Stadt: keine (die Hauptvariante ist die Summe der Gebietsprognosen).',
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
  runs: {
    title: 'Gespeicherte Prognosen',
    intro:
      'Eine gespeicherte Prognose hält Methode, Annahmen und Werte fest. Die neueste veröffentlichte erscheint im Atlas ' +
      'als „Prognose“ – auf 10 Personen gerundet, Gebiete unter der Mindestgröße nur in ihrem übergeordneten Gebiet.',
    formTitle: 'Prognose speichern',
    current: (level: string, base: string, to: string, variant: string, control: string) =>
      `Gespeichert wird die Prognose, wie sie oben eingestellt ist: ${level}, Basis ${base}, bis ${to}, ${variant}, ${control}.`,
    withControl: 'mit Eckwerten',
    withoutControl: 'ohne Eckwerte',
    name: 'Name',
    minPopulation: 'Mindestgröße für die Veröffentlichung (Einwohner)',
    minHint:
      'Gebiete, die in einem Prognosejahr weniger Einwohner haben, zeigt der Atlas nur in ihrem übergeordneten Gebiet.',
    minInvalid: 'Bitte eine ganze Zahl von 0 bis 1.000.000 Einwohnern angeben.',
    nameMissing: 'Bitte einen Namen angeben.',
    nameTooLong: 'Der Name darf höchstens 200 Zeichen lang sein.',
    publishNow: 'gleich veröffentlichen',
    save: 'Prognose speichern',
    saving: 'Die Prognose wird berechnet und gespeichert …',
    saved: (name: string, published: boolean) =>
      published ? `Prognose „${name}“ gespeichert und veröffentlicht.` : `Prognose „${name}“ gespeichert.`,
    empty: 'Es ist noch keine Prognose gespeichert.',
    caption: 'Gespeicherte Prognosen, neueste zuerst',
    columns: {
      name: 'Name',
      level: 'Ebene',
      base: 'Basis',
      to: 'Ziel',
      method: 'Methode',
      variant: 'Variante',
      minPopulation: 'Mindestgröße',
      created: 'erstellt von/am',
      status: 'Status',
      actions: 'Aktionen',
    },
    methods: {
      'hamilton-perry': 'Hamilton-Perry',
      'cohort-component': 'Kohorten-Komponenten',
    } satisfies Record<StoredProjection['method'], string>,
    controlled: (list: string) => `Eckwerte: ${list}`,
    commandLine: 'Kommandozeile',
    published: 'veröffentlicht',
    internal: 'intern',
    inAtlas: 'im Atlas',
    toAtlas: 'Im Atlas ansehen',
    publish: 'Veröffentlichen',
    withdraw: 'Zurückziehen',
    remove: 'Löschen',
    rowLabel: (action: string, name: string) => `${action}: ${name}`,
    publishedNow: (name: string) => `Prognose „${name}“ veröffentlicht.`,
    withdrawn: (name: string) => `Prognose „${name}“ zurückgezogen.`,
    removed: (name: string) => `Prognose „${name}“ gelöscht.`,
    confirmTitle: 'Prognose löschen?',
    confirmText: (name: string) =>
      `„${name}“ wird mit allen Werten gelöscht. War sie veröffentlicht, zeigt der Atlas danach die nächstältere veröffentlichte Prognose oder keine.`,
    confirm: 'Endgültig löschen',
  },
};
