/** German texts of the page „Gebiete importieren“ (area upload, preview, commit, parent level). */

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

export const at = {
  title: 'Gebiete importieren',
  docTitle: 'Gebiete importieren – Lagebild',
  intro:
    'Laden Sie die Geometrien einer Gebietsebene hoch – ein Shapefile (als .zip oder die Dateien .shp, ' +
    '.shx, .dbf, .prj und .cpg zusammen gewählt) oder eine GeoJSON-Datei. Die Vorschau zeigt, was ' +
    'übernommen würde; gespeichert wird erst mit „Übernehmen“. Aus den Schlüsseln einer Ebene lässt ' +
    'sich danach eine übergeordnete Ebene bilden.',
  needsRole: 'Gebiete importieren können Planerinnen, Planer und Administratoren.',
  loginFirst: 'Bitte melden Sie sich an, um Gebiete zu importieren.',
  login: 'Anmelden',
  levelsFailed: 'Die Gebietsebenen konnten nicht geladen werden:',
  errorCode: (message: string, code: string) => `${message} (Fehlercode: ${code})`,

  step1: '1. Dateien und Ebene wählen',
  files: 'Gebietsdateien',
  filesHint:
    'Eine .zip, eine .geojson/.json oder die Dateien eines Shapefiles (.shp, .shx, .dbf, .prj, .cpg) ' +
    'zusammen auswählen – oder hierher ziehen.',
  dropHere: 'Dateien hier ablegen',
  chosen: (n: number) => `Gewählt: ${count(n, 'Datei', 'Dateien')}`,
  noFiles: 'Bitte mindestens eine Datei wählen.',
  level: 'Zielebene',
  newLevel: 'Neue Ebene anlegen …',
  levelOption: (name: string, key: string, areas: number) =>
    areas > 0
      ? `${name} (${key}) – ${count(areas, 'Gebiet', 'Gebiete')}, werden ersetzt`
      : `${name} (${key}) – noch leer`,
  newKey: 'Schlüssel der neuen Ebene',
  newKeyHint: 'Kleinbuchstaben, Ziffern, _ und -, z. B. stadtteil.',
  newKeyTaken: 'Diese Ebene gibt es schon. Bitte wählen Sie sie in der Liste der Zielebenen.',
  newName: 'Name der neuen Ebene',
  newNameHint: 'So erscheint die Ebene im Atlas, z. B. „Stadtteile“.',
  preview: 'Vorschau anzeigen',
  previewing: 'Datei wird gelesen …',
  checkInput: 'Bitte die markierten Angaben prüfen.',
  previewDone: (areas: number, problems: number) =>
    `Vorschau: ${count(areas, 'Gebiet', 'Gebiete')}, ` +
    (problems === 0 ? 'keine Probleme.' : `${count(problems, 'Problem', 'Probleme')}.`),

  step2: '2. Vorschau prüfen',
  step2Empty: 'Noch keine Vorschau. Wählen Sie Dateien und die Zielebene.',
  file: 'Datei',
  crs: 'Koordinatensystem',
  crsUnknown: 'unbekannt',
  features: 'Datensätze',
  drawn: 'Gezeichnete Gebiete',
  totalArea: 'Gesamtfläche',
  km2: (m2: number) =>
    `${(m2 / 1e6).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km²`,
  epsg: 'Koordinatensystem angeben (EPSG-Code oder proj4)',
  epsgHint:
    'Die Datei nennt kein lesbares Koordinatensystem. Zum Beispiel 25832 (ETRS89 / UTM 32) oder 25833; ' +
    'andere Systeme als proj4-Definition (+proj=…).',
  epsgApply: 'Mit diesem Koordinatensystem lesen',
  fieldChoice: 'Felder zuordnen',
  idField: 'Schlüsselfeld',
  nameField: 'Namensfeld',
  parentField: 'Feld des übergeordneten Gebiets',
  parentHint:
    'Nur wenn die übergeordneten Gebiete schon importiert sind; sonst „keins“ wählen und die ' +
    'übergeordnete Ebene unten aus den Schlüsseln bilden.',
  chooseField: 'bitte wählen',
  nameFromKey: 'keins (Schlüssel als Name)',
  noParent: 'keins',
  fieldsTable: 'Felder der Datei',
  fieldName: 'Feld',
  samples: 'Beispielwerte',
  distinct: 'Verschiedene Werte',
  empty: 'Leer',
  usedAs: 'Verwendet als',
  roles: { id: 'Schlüssel', name: 'Name', parent: 'Übergeordnet' },
  mapTitle: 'Karte',
  mapLegend: 'Legende der Karte',
  mapLabel: (n: number, file: string) =>
    `Karte der Vorschau: ${count(n, 'Gebiet', 'Gebiete')} aus ${file}. Die Probleme sind unter der Karte aufgelistet.`,
  legendArea: 'lesbares Gebiet',
  legendProblem: 'Gebiet mit Problem',
  noMap: 'Keine Geometrie lesbar – nichts zu zeigen.',
  mapFailed: 'Die Karte konnte nicht geladen werden.',
  mapLoading: 'Karte wird geladen …',
  selected: (name: string, key: string, record: number) =>
    `Ausgewählt: ${name} (Schlüssel ${key}, Datensatz ${record})`,
  keyOf: (key: string) => `Schlüssel ${key}`,
  problems: (n: number) => (n === 0 ? 'Probleme' : `Probleme (${n.toLocaleString('de-DE')})`),
  noProblems: 'Keine Probleme gefunden.',
  wholeFile: 'Ganze Datei',
  problemWhere: (record: number, key: string | null, name: string | null) =>
    `Datensatz ${record}` + (key ? `, Schlüssel ${key}` : '') + (name && name !== key ? ` (${name})` : ''),
  problemAt: (lon: number, lat: number) =>
    `bei ${lon.toLocaleString('de-DE', { maximumFractionDigits: 5 })}° O, ${lat.toLocaleString('de-DE', { maximumFractionDigits: 5 })}° N`,
  showOnMap: 'Auf der Karte zeigen',
  showOnMapOf: (record: number) => ` (Datensatz ${record})`,
  code: (code: string) => `Code ${code}`,

  step3: '3. Übernehmen',
  commit: 'Übernehmen',
  committing: 'Wird übernommen …',
  commitNeedsPreview: 'Zuerst die Vorschau anzeigen.',
  commitBlocked: 'Solange die Vorschau Probleme meldet, kann nichts übernommen werden.',
  commitEmpty: 'Die Datei enthält keine Gebiete.',
  committed: (n: number, level: string) =>
    `${count(n, 'Gebiet', 'Gebiete')} in die Ebene „${level}“ übernommen.`,
  committedCrs: (crs: string) => `Koordinatensystem: ${crs}`,
  repaired: (n: number) => `${count(n, 'Geometrie wurde', 'Geometrien wurden')} automatisch repariert.`,
  toAtlasLevel: (level: string) => `„${level}“ im Atlas ansehen`,

  derive: 'Übergeordnete Ebene bilden',
  deriveIntro:
    'Bildet die Gebiete einer übergeordneten Ebene (z. B. Stadtbezirke aus Stadtteilen) aus den ' +
    'Schlüsseln der Teilgebiete – über den Anfang des Schlüssels oder eine Schlüsseltabelle. Die ' +
    'Geometrie entsteht aus den vereinigten Teilgebieten.',
  deriveNoLevels: 'Es gibt noch keine Ebene mit Gebieten. Bitte zuerst Gebiete importieren.',
  deriveLevel: 'Schlüssel der übergeordneten Ebene',
  deriveLevelHint: 'Kleinbuchstaben, Ziffern, _ und -, z. B. stadtbezirk. Eine bestehende wird neu gebildet.',
  deriveName: 'Name der übergeordneten Ebene',
  deriveFrom: 'Aus der Ebene',
  fromOption: (name: string, key: string, areas: number) =>
    `${name} (${key}) – ${count(areas, 'Gebiet', 'Gebiete')}`,
  rule: 'Zuordnung zum übergeordneten Gebiet',
  rulePrefix: 'Anfang des Schlüssels',
  ruleTable: 'Schlüsseltabelle (CSV)',
  prefixLength: 'Länge des Schlüsselanfangs (Zeichen)',
  prefixHint: 'Bei 1 gehören die Stadtteile 101 bis 109 zum Stadtbezirk 1.',
  keyTable: 'Schlüsseltabelle (CSV-Datei)',
  keyTableHint: 'UTF-8, Trennzeichen Semikolon, Komma oder Tabulator; die erste Zeile nennt die Spalten.',
  keyTableColumns: (n: number, file: string) => `${count(n, 'Spalte', 'Spalten')} in ${file}`,
  keyTableUnreadable: 'Die Datei konnte nicht gelesen werden.',
  childField: 'Spalte mit dem Schlüssel des Teilgebiets',
  parentKeyField: 'Spalte mit dem Schlüssel des übergeordneten Gebiets',
  parentNameField: 'Spalte mit dem Namen des übergeordneten Gebiets (optional)',
  noColumn: 'keine',
  deriveSubmit: 'Ebene bilden',
  deriving: 'Wird gebildet …',
  derived: (derived: number, children: number, from: string) =>
    `${count(derived, 'übergeordnetes Gebiet', 'übergeordnete Gebiete')} gebildet, ` +
    `${count(children, 'Gebiet', 'Gebiete')} der Ebene „${from}“ zugeordnet.`,
  deriveInvalid: 'Bitte die markierten Angaben prüfen.',

  required: 'Bitte ausfüllen.',
  chooseColumn: 'Bitte eine Spalte wählen.',
  chooseFile: 'Bitte eine CSV-Datei wählen.',
  wholeNumber: 'Bitte eine ganze Zahl ab 1 angeben.',
};

/** Labels of the derive form's fields, for the error summary (paths as in the request body). */
export const deriveFieldLabels: Record<string, string> = {
  level: at.deriveLevel,
  name: at.deriveName,
  from: at.deriveFrom,
  keyPrefix: at.prefixLength,
  keyTable: at.keyTable,
  'keyTable.childField': at.childField,
  'keyTable.parentField': at.parentKeyField,
  'keyTable.parentNameField': at.parentNameField,
};

/** Labels of the upload form's fields, for the error summary. */
export const uploadFieldLabels: Record<string, string> = {
  files: at.files,
  newKey: at.newKey,
  newName: at.newName,
};
