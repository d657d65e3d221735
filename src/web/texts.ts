/**
 * German UI texts of the Sozialatlas, kept in one place so a later translation is possible.
 * Functions take the variable parts; everything a person reads comes from here.
 */
import type { Role } from '../auth/auth.schema.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import {
  APP_NAME,
  FORMULA_LABELS,
  formulaWritten,
  POLARITY_LABELS,
  SHEET_LABELS,
} from '../indicators/sheet-labels.ts';
import { DEFAULT_UNITS } from '../indicators/units.ts';

export const t = {
  appName: APP_NAME,
  atlasTitle: (territory: string | null) => (territory ? `Sozialatlas ${territory}` : 'Sozialatlas'),
  documentTitle: (indicator: string, territory: string | null) =>
    `${indicator} · ${territory ? `Sozialatlas ${territory}` : 'Sozialatlas'} – Lagebild`,
  skipLink: 'Zum Inhalt springen',
  loading: 'Wird geladen …',
  mapLoading: 'Karte wird geladen …',
  loadError: 'Die Daten konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  noAreas: 'Es sind noch keine Gebiete importiert. Bitte wenden Sie sich an die Administration.',
  noIndicators: 'Es sind noch keine Indikatoren veröffentlicht.',
  noIndicatorValues:
    'Noch kein Indikator hat Werte: Es fehlen die Variablen, aus denen sie berechnet werden (siehe Indikatorenkatalog und „Variablen“).',
  noDates: 'Für diese Indikatoren liegen noch keine Stichtage vor.',
  notFound: 'Diese Seite gibt es nicht.',
  toAtlas: 'Zum Sozialatlas',

  nav: {
    label: 'Hauptnavigation',
    atlas: 'Atlas',
    catalogue: 'Indikatoren',
    import: 'Import',
    monitoring: 'Monitoring',
    warnings: 'Frühwarnung',
    typology: 'Typen & Vergleich',
    reports: 'Berichte',
    users: 'Benutzer',
    audit: 'Protokoll',
    citySettings: 'Einstellungen',
    variables: 'Variablen',
    areaImport: 'Gebiete',
    facilities: 'Einrichtungen',
    coverage: 'Versorgung',
  },

  /** Calculation rules in words, for the catalogue table (shared with the printed Kennblatt). */
  formula: FORMULA_LABELS,

  /** The calculation written out with the variables, for the Kennblatt. */
  formulaWritten,

  /** Short reading of the polarity, for table cells. */
  polarityShort: {
    high_bad: 'Hoher Wert = Handlungsbedarf',
    high_good: 'Hoher Wert = günstig',
    neutral: 'Ohne Wertung',
  } satisfies Record<Indicator['polarity'], string>,

  catalogue: {
    title: 'Indikatorenkatalog',
    intro:
      'Alle Kennzahlen des Sozialatlas mit ihrer Berechnung. Das Kennblatt eines Indikators beschreibt Definition, Quelle und Aktualisierung.',
    filter: 'Katalog durchsuchen',
    filterHint: 'Name, Thema, Schlüssel oder Zählgröße',
    count: (shown: number, total: number) =>
      shown === total
        ? total === 1
          ? '1 Indikator'
          : `${total} Indikatoren`
        : `${shown} von ${total} Indikatoren`,
    noMatch: (query: string) => `Kein Indikator passt zu „${query}“.`,
    empty: 'Der Katalog ist leer.',
    name: 'Indikator',
    unit: 'Einheit',
    formula: 'Berechnung',
    polarity: 'Wertung',
    published: 'Veröffentlicht',
    links: 'Verweise',
    yes: 'ja',
    no: 'nein',
    showInAtlas: 'Im Atlas zeigen',
    /** Why an indicator has no values: the server's „nicht verfügbar – es fehlt: …“. */
    toVariables: 'Variablen festlegen',
    publishedLabel: (name: string) => `${name} veröffentlicht`,
  },

  admin: {
    tools: 'Katalog bearbeiten',
    create: 'Neuer Indikator',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    export: 'Export (JSON)',
    import: 'Import (JSON)',
    importing: 'Import läuft …',
    importHint:
      'JSON-Datei eines Exports. Es werden alle Definitionen übernommen oder keine; vorhandene Schlüssel werden überschrieben.',
    imported: (n: number) => (n === 1 ? '1 Indikator importiert.' : `${n} Indikatoren importiert.`),
    notJson: (file: string) => `Die Datei „${file}“ enthält kein gültiges JSON.`,
    published: 'Veröffentlicht',
    publishedNow: (name: string) => `„${name}“ ist jetzt veröffentlicht.`,
    unpublishedNow: (name: string) => `„${name}“ ist nicht mehr veröffentlicht.`,
    confirmTitle: 'Indikator löschen?',
    confirmText: (name: string) =>
      `„${name}“ wird aus dem Katalog entfernt. Die Zählgrößen und ihre Daten bleiben erhalten.`,
    confirmDelete: 'Endgültig löschen',
    deleted: (name: string) => `„${name}“ wurde gelöscht.`,
    saved: (name: string) => `„${name}“ wurde gespeichert.`,
    needsRole: 'Indikatoren können nur Angemeldete mit der Rolle Planung oder Administration bearbeiten.',
  },

  sheet: {
    ...SHEET_LABELS,
    unpublished: 'nicht veröffentlicht',
    downloadTitle: 'Werte herunterladen',
    downloadIntro: (date: string) =>
      `Werte aller Gebiete der gewählten Ebene zum Stichtag ${date}, mit Stadtwert und Quelle.`,
    downloadPublic: 'Aus Datenschutzgründen ohne Fallzahlen; geheim gehaltene Werte erscheinen als ·.',
    level: 'Ebene',
    download: (format: string) => `${format} herunterladen`,
    backToCatalogue: 'Zurück zum Katalog',
    notFound: (key: string) => `Den Indikator „${key}“ gibt es nicht oder er ist nicht veröffentlicht.`,
  },

  editor: {
    createTitle: 'Neuer Indikator',
    editTitle: (name: string) => `${name} bearbeiten`,
    key: 'Schlüssel',
    keyHint:
      'Kleinbuchstaben, Ziffern und Unterstrich, mit einem Buchstaben beginnend. Später nicht mehr änderbar.',
    keyFixed: 'Der Schlüssel kann nicht geändert werden.',
    periodHint: 'Abstand der verglichenen Stichtage bzw. Länge des Trendzeitraums (1 bis 30).',
    loginFirst: 'Anmelden',
    name: 'Name',
    theme: 'Thema',
    themeHint: 'Ein vorhandenes Thema wählen oder ein neues eintragen.',
    formula: 'Berechnung',
    periodYears: 'Zeitraum in Jahren',
    numerator: 'Zähler (Zählgröße)',
    denominator: 'Nenner (Zählgröße)',
    denominatorOptional: 'Nenner (Zählgröße, optional)',
    variableHint: 'Schlüssel einer importierten Zählgröße, z. B. ew.',
    unit: 'Einheit',
    polarity: 'Wertung',
    decimals: 'Nachkommastellen',
    target: 'Zielwert (optional)',
    classification: 'Kartenklassen',
    description: 'Definition',
    source: 'Quelle',
    updateCycle: 'Aktualisierung',
    published: 'Veröffentlicht (für alle sichtbar)',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    cancel: 'Abbrechen',
    invalid: 'Der Indikator wurde nicht gespeichert. Bitte die markierten Angaben prüfen.',
    /** Default unit per formula: the same table as the default catalogue. */
    units: DEFAULT_UNITS,
  },

  /** German readings of the schema checks the server reports in English. */
  issues: {
    required: 'Bitte ausfüllen.',
    tooLong: (n: string) => `Höchstens ${n} Zeichen.`,
    tooShort: (n: string) => `Mindestens ${n} Zeichen.`,
    max: (n: string) => `Höchstens ${n}.`,
    min: (n: string) => `Mindestens ${n}.`,
    number: 'Bitte eine ganze Zahl angeben.',
    option: 'Bitte einen der angebotenen Werte wählen.',
    key: 'Nur Kleinbuchstaben, Ziffern und Unterstrich, mit einem Buchstaben beginnend (2 bis 63 Zeichen).',
    pattern: 'Ungültiges Format.',
    unknownVariable: 'Diese Zählgröße gibt es nicht.',
  },

  controls: {
    region: 'Auswahl',
    indicator: 'Indikator',
    date: 'Jahr (Stichtag)',
    level: 'Ebene',
    unpublished: '(nicht veröffentlicht)',
    /** A level that covers only part of the territory (the Sozialräume of one Gemeinde). */
    partialLevel: (name: string) => `${name} (nur teilweise)`,
  },
  atlasPartialLevel: {
    /** @param where names of the areas that have the level (empty: unknown) */
    text: (where: readonly string[]) => {
      const shown = where.slice(0, 3);
      const list =
        shown.length > 1 ? `${shown.slice(0, -1).join(', ')} und ${shown.at(-1)!}` : (shown[0] ?? '');
      const place = !list ? '' : where.length > shown.length ? ` (u. a. in ${list})` : ` (in ${list})`;
      return `Diese Ebene gibt es nur in einem Teil des Gebiets${place}. Übrige Gebiete werden auf ihr nicht gezeigt.`;
    },
  },
  polarity: POLARITY_LABELS,

  atlasProjection: {
    title: 'Prognose',
    text: (name: string, base: string, method: string, variant: string) =>
      `Diese Werte sind vorausberechnet, nicht gezählt: „${name}“, Basis ${base}, ${method}, ${variant}. Sie sind gerundet und unsicher – je weiter in der Zukunft, desto mehr.`,
    small: (min: string) =>
      `Gebiete mit weniger als ${min} Einwohnerinnen und Einwohnern werden nur im übergeordneten Gebiet ausgewiesen (·).`,
    variants: { low: 'untere Variante', main: 'Hauptvariante', high: 'obere Variante' },
  },

  legend: {
    classes: (n: number) => (n === 1 ? '1 Klasse' : `${n} Klassen (Quantile, je etwa gleich viele Gebiete)`),
    secret: 'geheim',
    secretHint: 'aus Datenschutzgründen nicht ausgewiesen',
    missing: 'keine Daten',
    city: 'Stadt gesamt',
    areas: (n: number) => (n === 1 ? '1 Gebiet' : `${n} Gebiete`),
  },

  map: {
    label: (indicator: string, level: string, date: string) =>
      `Karte: ${indicator} nach ${level}, Stichtag ${date}. Gebiete lassen sich auch über die Tabelle unter der Karte auswählen.`,
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    resetBearing: 'Nach Norden ausrichten',
    webglError:
      'Die Karte kann in diesem Browser nicht angezeigt werden (WebGL nicht verfügbar). Die Tabelle zeigt alle Werte.',
    failed: 'Die Karte konnte nicht geladen werden. Die Tabelle zeigt alle Werte.',
  },

  table: {
    caption: (level: string, indicator: string, date: string) => `${level}: ${indicator}, Stichtag ${date}`,
    area: 'Gebiet',
    value: 'Wert',
    cls: 'Klasse',
    clsOf: (i: number, n: number) => `${i} von ${n}`,
    estimated: 'geschätzt',
    sortBy: (column: string) => `Nach ${column} sortieren`,
    openProfile: (name: string) => `Gebietsprofil ${name} öffnen`,
  },

  panel: {
    close: 'Gebietsprofil schließen',
    parent: 'Gehört zu',
    areaSize: 'Fläche',
    series: (indicator: string) => `Zeitreihe: ${indicator}`,
    profile: (date: string) => `Alle Indikatoren am ${date}`,
    indicator: 'Indikator',
    area: 'Gebiet',
    city: 'Stadt',
    announce: (name: string, parent: string | null) =>
      parent ? `Gebietsprofil geöffnet: ${name} (${parent})` : `Gebietsprofil geöffnet: ${name}`,
    announceClosed: 'Gebietsprofil geschlossen',
    chartLabel: (indicator: string, area: string, points: string) =>
      `Liniendiagramm ${indicator}, ${area} im Vergleich zur Stadt. ${points}`,
    noSeries: 'Keine Zeitreihe verfügbar.',
    chartFailed: 'Das Diagramm konnte nicht geladen werden.',
  },

  auth: {
    login: 'Anmelden',
    logout: 'Abmelden',
    dialogTitle: 'Anmeldung',
    username: 'Benutzername',
    password: 'Passwort',
    cancel: 'Abbrechen',
    submitting: 'Anmeldung läuft …',
    signedInAs: 'Angemeldet als',
    changePassword: 'Passwort ändern',
    roles: {
      admin: 'Administration',
      planner: 'Planung',
      viewer: 'Lesezugriff',
      partner: 'Partner (extern)',
    } satisfies Record<Role, string>,
  },
} as const;
