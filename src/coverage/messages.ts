/** German messages of norms, coverage, scenarios and travel-cost matrices, in one place. */

const list = (names: readonly string[], max = 12): string =>
  names.length === 0
    ? '(keine)'
    : names
        .slice(0, max)
        .map((n) => `„${n}“`)
        .join(', ') + (names.length > max ? ` … (${names.length} insgesamt)` : '');

export const coverageMessages = {
  unknownNorm: (key: string, known: readonly string[]) =>
    `Den Richtwert „${key}“ gibt es nicht. Bekannt sind: ${list(known)}.`,
  normExists: (key: string) =>
    `Einen Richtwert „${key}“ gibt es schon. Bitte ändern (lagebild norms set) statt neu anlegen.`,
  normStartTaken: (key: string, validFrom: string) =>
    `Für den Richtwert „${key}“ ist schon eine Fassung ab dem ${validFrom} oder später gespeichert. ` +
    'Bitte ein späteres Datum wählen.',
  notValidAt: (key: string, date: string) =>
    `Der Richtwert „${key}“ gilt am ${date} nicht (keine Fassung zu diesem Tag).`,
  unknownVariables: (vars: readonly string[]) =>
    `Die Variablen ${list(vars)} gibt es nicht. Der Bedarf eines Richtwerts ist eine Summe vorhandener ` +
    'Variablen (lagebild variables list).',
  weightsLength: (weights: number, variables: number) =>
    `Der Richtwert hat ${variables} Bedarfsvariablen, aber ${weights} Gewichte. Bitte je Variable ein Gewicht ` +
    'angeben (z. B. 0.51*ew_u3+0.97*ew_3_5).',
  missingSupply: (missing: number, total: number, property: string) =>
    missing === total
      ? `Keine der ${total} Einrichtungen hat eine Angabe „${property}“; die Versorgung ist 0. ` +
        'Wo nur Gesamtplätze vorliegen, vergleicht ein Richtwert ohne Versorgungseigenschaft (z. B. kita_gesamt) ' +
        'alle Plätze mit dem gesamten Bedarf.'
      : missing === 1
        ? `1 von ${total} Einrichtungen hat keine Angabe „${property}“ und zählt mit 0.`
        : `${missing} von ${total} Einrichtungen haben keine Angabe „${property}“ und zählen mit 0.`,
  openingWithoutProperty: (name: string, property: string) =>
    `Die geplante Einrichtung „${name}“ hat keine Angabe „${property}“ (properties) und zählt für diesen ` +
    'Richtwert mit 0.',
  unknownLevel: (level: string) => `Die Ebene „${level}“ hat keine Gebiete.`,
  districtLevelNotAbove: (level: string, of: string) =>
    `Die Ebene „${level}“ des Einzugsbereichs liegt nicht über der Ebene „${of}“: nicht jedes Gebiet ` +
    'gehört zu genau einem Gebiet dieser Ebene.',
  noDates: () =>
    'Es gibt noch keine Stichtage mit Daten. Bitte zuerst Bevölkerungszahlen importieren (lagebild import table).',
  dateAndSeries: () =>
    'Bitte entweder einen Stichtag (date) oder die Zeitreihe (series) wählen, nicht beides.',
  scenarioNeedsDate: () => 'Ein Szenario braucht einen Stichtag (date); die Zeitreihe zeigt nur den Bestand.',
  unknownScenario: (name: string, known: readonly string[]) =>
    `Das Szenario „${name}“ gibt es nicht. Vorhanden sind: ${list(known)}.`,
  scenarioExists: (name: string) => `Ein Szenario „${name}“ gibt es schon. Bitte einen anderen Namen wählen.`,
  unknownChange: (name: string, id: number) => `Das Szenario „${name}“ hat keine Änderung Nr. ${id}.`,
  unknownFacility: (type: string, key: string) =>
    `Eine Einrichtung der Art „${type}“ mit der Nummer „${key}“ gibt es nicht.`,
  unknownArea: (level: string, key: string) => `Das Gebiet „${key}“ gibt es auf der Ebene „${level}“ nicht.`,
  quarterAbove: (area: string, level: string, of: string) =>
    `Das Wohnquartier im Gebiet „${area}“ (Ebene „${level}“) liegt über der Ebene „${of}“ und lässt sich ` +
    'keinem ihrer Gebiete zuordnen; es zählt nur für die Gesamtstadt.',
  openingWithoutCosts: (name: string) =>
    `Die geplante Einrichtung „${name}“ steht nicht in der Reisezeitmatrix; sie ist von keinem Gebiet erreichbar.`,
  facilitiesWithoutCosts: (matrix: string, n: number) =>
    `${n} Einrichtungen stehen nicht in der Reisezeitmatrix „${matrix}“; sie sind von keinem Gebiet erreichbar.`,
  unknownMatrix: (id: number | string) => `Die Reisezeitmatrix „${id}“ gibt es nicht.`,
  matrixExists: (name: string) =>
    `Eine Reisezeitmatrix „${name}“ gibt es schon. Bitte einen anderen Namen wählen oder die alte löschen.`,
  matrixLevel: (matrix: string, level: string, asked: string) =>
    `Die Reisezeitmatrix „${matrix}“ beginnt in den Gebieten der Ebene „${level}“; die Versorgung lässt ` +
    `sich mit ihr nur auf dieser Ebene rechnen, nicht auf „${asked}“.`,
  matrixType: (matrix: string, type: string, wanted: string) =>
    `Die Reisezeitmatrix „${matrix}“ führt zu Einrichtungen der Art „${type}“, der Richtwert braucht „${wanted}“.`,
  matrixInUse: (name: string, norms: readonly string[]) =>
    `Die Reisezeitmatrix „${name}“ wird von den Richtwerten ${list(norms)} verwendet und kann nicht gelöscht werden.`,
  csvEmpty: (file: string) => `„${file}“: Die Datei enthält keine Kopfzeile und keine Werte.`,
  columnMissing: (file: string, what: string, option: string, columns: readonly string[]) =>
    `„${file}“: Keine Spalte für ${what} gefunden. Bitte mit ${option} angeben. Vorhandene Spalten: ${list(columns)}.`,
  columnNotFound: (file: string, column: string, columns: readonly string[]) =>
    `„${file}“: Die Spalte „${column}“ gibt es nicht. Vorhandene Spalten: ${list(columns)}.`,
  costText: (file: string, row: number, column: string, text: string) =>
    `„${file}“, Zeile ${row}, Spalte „${column}“: „${text}“ ist keine Zahl (Reisekosten erwartet).`,
  costNegative: (file: string, row: number, value: number) =>
    `„${file}“, Zeile ${row}: Die Reisekosten ${value} sind negativ.`,
  emptyId: (file: string, row: number, column: string) =>
    `„${file}“, Zeile ${row}: Die Spalte „${column}“ ist leer.`,
  duplicatePair: (file: string, row: number, origin: string, destination: string, first: number) =>
    `„${file}“, Zeile ${row}: Das Paar „${origin}“ → „${destination}“ steht schon in Zeile ${first}.`,
  unknownOrigins: (file: string, level: string, keys: readonly string[]) =>
    `„${file}“: Die Startpunkte ${list(keys, 5)} sind keine Gebiete der Ebene „${level}“. Die Startpunkte ` +
    'einer Reisezeitmatrix sind die Gebietsschlüssel.',
  unknownDestinations: (file: string, type: string, keys: readonly string[]) =>
    `„${file}“: Die Ziele ${list(keys, 5)} sind keine Einrichtungen der Art „${type}“; ihre Zeilen werden nicht verwendet.`,
  noKnownDestination: (file: string, type: string) =>
    `„${file}“: Kein Ziel ist eine Einrichtung der Art „${type}“. Die Ziele einer Reisezeitmatrix sind die ` +
    'Nummern der Einrichtungen.',
  matrixRefused: (file: string, errors: readonly string[]) =>
    `„${file}“: Die Matrix wurde nicht importiert, nichts wurde gespeichert (${errors.length} Fehler). ` +
    errors.slice(0, 3).join(' ') +
    (errors.length > 3 ? ` … und ${errors.length - 3} weitere.` : ''),
  unknownFormat: (format: string, known: readonly string[]) =>
    `Unbekanntes Format „${format}“ (möglich: ${known.join(', ')}).`,
} as const;
