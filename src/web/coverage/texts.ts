/** German texts of the pages „Versorgung“ and „Szenarien“ (coverage by norm, scenarios). */

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

export const ct = {
  title: 'Versorgung',
  docTitle: (norm: string) => `${norm} – Versorgung – Lagebild`,
  intro:
    'Versorgung und Bedarf je Gebiet nach einem Richtwert: Plätze (oder Fläche) der Einrichtungen im ' +
    'Einzugsbereich gegen den Bedarf aus der Bevölkerung. Die Versorgungsquote ist Versorgung ÷ Bedarf · 100; ' +
    'der Saldo zeigt fehlende (negativ) oder überzählige Plätze.',
  publicHint:
    'Öffentlich gezeigt werden nur veröffentlichte Richtwerte; geheim gehaltene Werte erscheinen als ·.',
  noNorms: 'Es gibt noch keinen Richtwert, dessen Versorgung gezeigt werden kann.',

  controls: 'Auswahl',
  norm: 'Richtwert',
  unpublished: '(nicht veröffentlicht)',
  level: 'Ebene',
  date: 'Stichtag',
  dateHint: 'Für Tage nach dem letzten Datenstand gilt die Bevölkerung des letzten Stichtags.',
  futureDate: (date: string) => `${date} (Planung)`,
  scenario: 'Szenario',
  noScenario: 'nur Bestand',
  scenariosLink: 'Szenarien verwalten',
  statementsLink: 'Stellungnahmen zur Bauleitplanung',
  mapShows: 'Karte zeigt',
  bestand: 'Bestand',

  normFacts: {
    title: 'Richtwert',
    source: 'Quelle',
    factor: 'Bedarf',
    catchment: 'Einzugsbereich',
    facilityType: 'Einrichtungsart',
    populationDate: 'Bevölkerung vom',
    supply: 'Versorgung',
    supplyCapacity: (unit: string) => `Kapazität der Einrichtungen (${unit})`,
    supplyProperty: (property: string) =>
      `Eigenschaft „${property}“ der Einrichtungen (eine Einrichtung ohne diese Angabe zählt 0)`,
    none: 'keine Angabe',
    factorText: (factor: string, unit: string, group: string) =>
      `${factor} ${unit} je Person der Bedarfsgruppe (${group})`,
    weightedText: (unit: string, group: string) => `${unit} = ${group}`,
    walkingFactor: (group: string) =>
      `Anteil der Bedarfsgruppe (${group}) mit einer Einrichtung in Reichweite`,
    versionNone: 'Für diesen Stichtag gilt keine Fassung des Richtwerts.',
  },

  catchment: {
    area: 'im eigenen Gebiet: alle Einrichtungen im Gebiet zählen für seine Bevölkerung',
    district: (level: string) =>
      `im übergeordneten Gebiet (${level}): alle Gebiete darin teilen sich dessen Einrichtungen`,
    distance: (metres: string, detour: string) =>
      `im Umkreis von ${metres} m Weg (Luftlinie × ${detour}); Plätze werden unter allen geteilt, die sie erreichen (2SFCA)`,
    fca: (method: string, cost: string, decay: string, costs: string) =>
      `${method} bis ${cost} ${costs}, ${decay}`,
    fcaStraight: (detour: string) => `m Weg (Luftlinie × ${detour})`,
    fcaMatrix: (id: number) => `laut Reisezeitmatrix ${id}`,
    walking: (metres: string, detour: string) =>
      `Fußweg bis ${metres} m (Luftlinie × ${detour}): Anteil der Bedarfsgruppe, die eine Einrichtung erreicht`,
    decay: {
      step: 'ohne Abnahme mit der Entfernung',
      stepZones: 'stufenweise Gewichte nach Entfernung',
      gravity: (beta: string) => `Gewicht nimmt mit der Entfernung ab (Gravitation, β = ${beta})`,
      gaussian: 'Gewicht nimmt mit der Entfernung ab (Gauß)',
    },
  },

  legend: {
    title: (norm: string) => `Versorgungsquote: ${norm}`,
    city: 'Stadt gesamt',
    sideScenario: (name: string) => `Szenario „${name}“`,
  },

  map: {
    label: (norm: string, level: string, date: string) =>
      `Karte: Versorgungsquote ${norm} nach ${level}, Stichtag ${date}. Gebiete lassen sich auch über die Tabelle unter der Karte auswählen.`,
  },

  table: {
    caption: (level: string, norm: string, date: string) => `${level}: ${norm}, Stichtag ${date}`,
    area: 'Gebiet',
    supply: (unit: string) => `Versorgung (${unit})`,
    demand: (unit: string) => `Bedarf (${unit})`,
    rate: 'Versorgungsquote (%)',
    balance: 'Fehlend (−) / Überschuss (+)',
    scenarioRate: (name: string) => `Quote „${name}“ (%)`,
    scenarioBalance: (name: string) => `Saldo „${name}“`,
    parents: (level: string) => `${level} und Stadt`,
    city: 'Stadt gesamt',
    sortBy: (column: string) => `Nach ${column} sortieren`,
    open: (name: string) => `Versorgung in ${name} anzeigen`,
    outside: (n: number, capacity: string, unit: string) =>
      `${count(n, 'Einrichtung liegt', 'Einrichtungen liegen')} außerhalb aller Gebiete (${capacity} ${unit}).`,
  },

  panel: {
    close: 'Gebiet schließen',
    parent: 'Gehört zu',
    values: 'Werte am Stichtag',
    series: 'Zeitreihe der Versorgungsquote',
    seriesLoading: 'Zeitreihe wird geladen …',
    noSeries: 'Keine Zeitreihe verfügbar.',
    announce: (name: string) => `Versorgung geöffnet: ${name}`,
    closed: 'Gebiet geschlossen',
    profile: 'Gebietsprofil öffnen',
  },

  downloads: {
    title: 'Herunterladen',
    intro:
      'Die Tabelle aller Gebiete mit Stadtbezirken und Stadt, zum gewählten Stichtag oder als Zeitreihe.',
    csv: 'CSV (Stichtag)',
    xlsx: 'Excel (Stichtag)',
    seriesCsv: 'CSV (alle Stichtage)',
  },

  bedarfsplan: {
    link: 'Bedarfsplan',
  },
};

/** German texts of the scenarios page. */
export const st = {
  title: 'Szenarien',
  docTitle: 'Szenarien – Versorgung – Lagebild',
  intro:
    'Ein Szenario bündelt geplante Änderungen: Eröffnungen, Schließungen, Kapazitätsänderungen und neue ' +
    'Wohnquartiere. Auf der Seite „Versorgung“ erscheint es neben dem Bestand.',
  back: 'Zur Versorgung',
  needsRole:
    'Szenarien sind Planungsarbeit und nur für Angemeldete mit der Rolle Planung oder Administration sichtbar.',
  loginFirst: 'Bitte melden Sie sich an, um Szenarien zu sehen und zu bearbeiten.',
  login: 'Anmelden',
  list: 'Vorhandene Szenarien',
  none: 'Noch kein Szenario angelegt.',
  changes: (n: number) => count(n, 'Änderung', 'Änderungen'),
  noChanges: 'Noch keine Änderung.',
  show: 'In der Versorgung zeigen',

  create: {
    title: 'Neues Szenario',
    name: 'Name',
    nameHint: 'Unter diesem Namen erscheint es in der Auswahl der Versorgung.',
    description: 'Beschreibung',
    submit: 'Szenario anlegen',
    created: (name: string) => `Szenario „${name}“ angelegt.`,
  },

  remove: 'Szenario löschen',
  removeTitle: 'Szenario löschen?',
  removeText: (name: string) => `„${name}“ wird mit allen geplanten Änderungen gelöscht.`,
  removed: (name: string) => `Szenario „${name}“ gelöscht.`,
  removeChange: (what: string) => `Änderung entfernen: ${what}`,
  changeRemoved: 'Änderung entfernt.',

  kinds: {
    opening: 'Eröffnung',
    closure: 'Schließung',
    capacity: 'Kapazitätsänderung',
    quarter: 'Neues Wohnquartier',
  },
  describe: {
    opening: (type: string, name: string, capacity: string, unit: string) =>
      `${type} „${name}“ mit ${capacity} ${unit}`,
    closure: (type: string, facility: string) => `${type} ${facility} schließt`,
    capacity: (type: string, facility: string, capacity: string, unit: string) =>
      `${type} ${facility}: neue Kapazität ${capacity} ${unit}`,
    quarter: (name: string, area: string, people: string) => `${name} in ${area}: ${people}`,
    from: (date: string | null) => (date ? `ab ${date}` : 'von Beginn an'),
    quarterName: 'Wohnquartier',
  },

  change: {
    title: 'Änderung hinzufügen',
    scenario: 'Szenario',
    kind: 'Art der Änderung',
    type: 'Einrichtungsart',
    name: 'Name der Einrichtung',
    capacity: (unit: string) => `Kapazität (${unit})`,
    facility: 'Einrichtung',
    facilityHint: 'Die Einrichtungen dieser Art, die heute bestehen oder geplant sind.',
    lon: 'Längengrad (WGS 84)',
    lat: 'Breitengrad (WGS 84)',
    pick: 'Standort in der Karte setzen',
    picking: 'Standort wird gesetzt …',
    pickHint: 'Klicken Sie in die Karte, um den Standort zu setzen – oder geben Sie die Koordinaten ein.',
    quarterName: 'Name des Quartiers (optional)',
    level: 'Ebene',
    area: 'Gebiet',
    population: 'Zusätzliche Bevölkerung je Variable',
    populationHint: 'Eine Angabe je Zeile: Variable = Anzahl, z. B. ew = 1200 und ew_u3 = 60.',
    properties: 'Plätze nach Eigenschaft (optional)',
    propertiesHint:
      'Für Richtwerte, die eine Eigenschaft zählen: eine Angabe je Zeile, z. B. plaetze_u3 = 20 und plaetze_ue3 = 40.',
    validFrom: 'Gilt ab (optional)',
    validFromHint: 'Leer: vom Beginn des Szenarios an.',
    submit: 'Änderung hinzufügen',
    added: (what: string) => `Hinzugefügt: ${what}`,
    invalid: 'Die Änderung wurde nicht hinzugefügt. Bitte die markierten Angaben prüfen.',
    required: 'Bitte ausfüllen.',
    number: 'Bitte eine Zahl ab 0 angeben.',
    position: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
    populationLine: (line: number) => `Zeile ${line}: bitte „Variable = Anzahl“ angeben.`,
    populationEmpty: 'Bitte mindestens eine Variable mit ihrer Anzahl angeben.',
    date: 'Bitte ein gültiges Datum angeben.',
  },
};

/** German texts of the Bedarfsplan page. */
export const bt = {
  title: 'Bedarfsplan',
  docTitle: (norm: string) => `${norm} – Bedarfsplan – Lagebild`,
  intro:
    'Die Gebiete einer Ebene nach ihrem Bedarf gereiht: fehlende Plätze nach dem Richtwert, die Klasse eines ' +
    'Sozialindex und die Entfernung zur nächsten Einrichtung – mit der Begründung in Worten.',
  back: 'Zur Versorgung',
  publicHint: 'Öffentlich gereiht werden nur veröffentlichte Richtwerte mit geheimhaltungsgeprüften Werten.',
  controls: 'Auswahl',
  index: 'Sozialindex',
  noIndex: 'ohne Sozialindex',
  radius: 'Entfernung ohne Einrichtung (m)',
  radiusHint: 'Keine Einrichtung in dieser Luftlinie ist ein Bedarfsmerkmal.',
  top: 'Hervorgehobene Gebiete',
  topHint: 'So viele Gebiete von oben werden auf der Karte gestrichelt umrandet.',
  weights: 'Gewichtung der Merkmale',
  weightGap: 'Versorgungslücke',
  weightClass: 'Sozialindex',
  weightDistance: 'Entfernung',
  apply: 'Anwenden',
  rule: 'Regel',
  downloads: {
    title: 'Herunterladen',
    intro: 'Die Tabelle aller Gebiete in der Reihenfolge des Bedarfs, mit Begründung, Richtwert und Quelle.',
    csv: 'CSV',
    xlsx: 'Excel',
  },
  map: {
    label: (norm: string, level: string, n: number) =>
      `Karte: Bedarfsplan ${norm} nach ${level}; die ersten ${n} Gebiete sind gestrichelt umrandet. Die Tabelle unter der Karte nennt alle Gebiete mit Begründung.`,
    tooltip: (rank: number | null, score: string) =>
      rank === null ? 'nicht gereiht' : `Rang ${rank} · ${score} Punkte`,
  },
  legend: {
    title: (norm: string) => `Bedarfspunkte: ${norm}`,
    top: (n: number) => `gestrichelt umrandet: die ersten ${n} Gebiete`,
    unranked: 'nicht gereiht (kein Bedarf)',
  },
  table: {
    caption: (level: string, norm: string, date: string) => `${level} nach Bedarf: ${norm}, Stichtag ${date}`,
    rank: 'Rang',
    area: 'Gebiet',
    score: 'Punkte',
    needs: 'Merkmale',
    rate: 'Versorgungsquote (%)',
    missing: (unit: string) => `Fehlend (${unit})`,
    socialClass: 'Sozialklasse',
    distance: 'Nächste Einrichtung',
    reason: 'Begründung',
    unranked: '–',
    top: 'oben',
  },
};
