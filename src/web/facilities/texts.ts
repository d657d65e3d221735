/** German texts of the page „Einrichtungen“ (map, table, editing, history, import, export). */
import { formatDate, formatNumber } from '../../core/format.ts';
import type { FacilityStatus } from './facility-api.ts';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

export const ft = {
  title: 'Einrichtungen',
  docTitle: (type: string) => `${type} – Einrichtungen – Lagebild`,
  intro:
    'Die soziale Infrastruktur auf der Karte und als Tabelle: Kitas, Schulen, Spielplätze, Pflege und ' +
    'Begegnung, jeweils so, wie sie am gewählten Tag bestehen. Jede Änderung ist eine neue Fassung; ' +
    'die bisherigen bleiben als Geschichte erhalten.',
  loginHint: 'Zum Anlegen, Ändern und Importieren bitte als Planung anmelden.',

  controls: 'Auswahl',
  type: 'Einrichtungsart',
  date: 'Stichtag',
  dateHint: 'Status und Kapazität gelten an diesem Tag.',
  level: 'Gebietsgrenzen',

  status: {
    'in Betrieb': 'in Betrieb',
    geplant: 'geplant',
    geschlossen: 'geschlossen',
  } satisfies Record<FacilityStatus, string>,
  statusFilter: 'Status',
  allStatus: 'alle',
  search: 'Suche',
  searchHint: 'Name, Träger, Adresse oder Nummer',

  map: {
    label: (type: string, date: string, n: number) =>
      `Karte: ${count(n, 'Einrichtung', 'Einrichtungen')} der Art ${type} am ${date}. ` +
      'Einrichtungen lassen sich auch über die Tabelle unter der Karte auswählen.',
    pickHint:
      'Klicken Sie in die Karte, um den Standort zu setzen – oder geben Sie die Koordinaten unten ein.',
    moveHint:
      'Klicken Sie in die Karte oder ziehen Sie den roten Punkt, um den neuen Standort zu setzen – oder ändern Sie die Koordinaten.',
    legend: 'Legende der Karte',
    draft: 'neuer Standort',
    capacity: (capacity: number | null, unit: string) =>
      capacity === null ? 'Kapazität unbekannt' : `${formatNumber(capacity, 0)} ${unit}`,
  },

  summary: (shown: number, total: number, capacity: number, unit: string) =>
    `${shown === total ? count(total, 'Einrichtung', 'Einrichtungen') : `${shown.toLocaleString('de-DE')} von ${count(total, 'Einrichtung', 'Einrichtungen')}`}` +
    ` · in Betrieb zusammen ${formatNumber(capacity, 0)} ${unit}`,

  table: {
    caption: (type: string, date: string) => `${type} am ${date}`,
    captionHint: '„Gültig bis“ ist der erste Tag, an dem die Fassung nicht mehr gilt.',
    name: 'Name',
    carrier: 'Träger',
    capacity: (unit: string) => `Kapazität (${unit})`,
    status: 'Status',
    validFrom: 'Gültig ab',
    validTo: 'Gültig bis',
    area: 'Gebiet',
    outside: 'außerhalb',
    unknownStart: 'unbekannt',
    open: 'offen',
    sortBy: (column: string) => `Nach ${column} sortieren`,
    show: (name: string) => `Einrichtung ${name} anzeigen`,
    showAll: (n: number) => `Alle ${n.toLocaleString('de-DE')} anzeigen`,
    none: 'Keine Einrichtung passt zur Auswahl.',
  },

  panel: {
    close: 'Angaben zur Einrichtung ausblenden',
    number: 'Nummer',
    address: 'Adresse',
    position: 'Standort',
    history: 'Geschichte',
    historyIntro: 'Jede Zeile ist eine Fassung; die jüngste steht unten.',
    historyChange: 'Änderung',
    first: 'erste Fassung',
    loadingHistory: 'Geschichte wird geladen …',
    edit: 'Bearbeiten',
    closeFacility: 'Einrichtung schließen',
    closeDate: 'Geschlossen ab',
    closeHint: 'Ab diesem Tag ist die Einrichtung nicht mehr in Betrieb.',
    confirmTitle: 'Einrichtung schließen?',
    confirmText: (name: string, date: string) =>
      `„${name}“ ist ab dem ${date} geschlossen. Die bisherigen Fassungen bleiben erhalten.`,
    confirm: 'Schließen',
    closed: (name: string, date: string) => `„${name}“ ist ab dem ${date} geschlossen.`,
    notOpen: 'Diese Einrichtung hat keine offene Fassung mehr und kann nicht mehr geändert werden.',
  },

  form: {
    createTitle: 'Neue Einrichtung',
    editTitle: (name: string) => `${name} bearbeiten`,
    create: 'Neue Einrichtung',
    name: 'Name',
    carrier: 'Träger',
    capacity: (unit: string) => `Kapazität (${unit})`,
    capacityHint: 'Leer lassen, wenn nicht bekannt.',
    part: (name: string, unit: string) => `${name} (${unit})`,
    partHint: (key: string) =>
      `Teil der Kapazität, den Richtwerte gesondert zählen (Feld „${key}“ der Lieferung). Leer lassen, wenn nicht bekannt.`,
    address: 'Adresse',
    validFrom: 'Gültig ab',
    validFromCreate: 'Eröffnet am (ein späterer Tag: geplant)',
    validFromEdit: 'Die Änderung gilt ab diesem Tag; die bisherige Fassung endet dort.',
    lon: 'Längengrad (WGS 84)',
    lat: 'Breitengrad (WGS 84)',
    pick: 'Standort in der Karte setzen',
    move: 'In der Karte verschieben',
    picking: 'Standort wird gesetzt …',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    cancel: 'Abbrechen',
    invalid: 'Die Einrichtung wurde nicht gespeichert. Bitte die markierten Angaben prüfen.',
    required: 'Bitte ausfüllen.',
    number: 'Bitte eine Zahl angeben.',
    negative: 'Die Kapazität darf nicht negativ sein.',
    lonRange: 'Ein Längengrad liegt zwischen −180 und 180.',
    latRange: 'Ein Breitengrad liegt zwischen −90 und 90.',
    noPosition: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
    date: 'Bitte ein Datum angeben.',
    created: (name: string) => `„${name}“ wurde angelegt.`,
    changed: (name: string, date: string) => `„${name}“ wurde geändert; die neue Fassung gilt ab ${date}.`,
    unchanged: 'Es wurde nichts geändert.',
  },

  history: {
    name: 'Name',
    capacity: 'Kapazität',
    parts: 'Teilkapazitäten',
    carrier: 'Träger',
    address: 'Adresse',
    position: 'Standort',
    changed: (fields: string[]) => fields.join(', '),
    none: 'keine Änderung der Angaben',
  },

  exports: {
    title: 'Herunterladen',
    intro: (type: string, date: string) => `Alle Einrichtungen der Art ${type}, wie sie am ${date} bestehen.`,
    geojson: 'GeoJSON herunterladen',
    csv: 'CSV herunterladen',
  },

  importing: {
    title: 'Einrichtungen importieren',
    intro:
      'Eine Lieferung der gewählten Einrichtungsart: GeoJSON mit Punkten, ein Shapefile (als .zip oder die ' +
      'Dateien .shp, .shx, .dbf, .prj, .cpg zusammen) oder eine CSV-Liste mit Koordinatenspalten. Die ' +
      'Datei wird ganz gelesen und geprüft; bei einem Fehler wird nichts gespeichert.',
    files: 'Dateien',
    type: 'Einrichtungsart der Lieferung',
    validFrom: 'Stand der Lieferung',
    validFromHint: 'Änderungen und Schließungen gelten ab diesem Tag.',
    closeMissing: 'Einrichtungen, die in der Lieferung fehlen, schließen',
    fields: 'Felder und Koordinatensystem (optional, sonst erkannt)',
    idField: 'Feld der Nummer',
    nameField: 'Feld des Namens',
    capacityField: 'Feld der Kapazität',
    carrierField: 'Feld des Trägers',
    xField: 'CSV: Spalte der x-Koordinate',
    yField: 'CSV: Spalte der y-Koordinate',
    crs: 'Koordinatensystem (EPSG-Code oder proj4)',
    submit: 'Importieren',
    running: 'Import läuft …',
    noFile: 'Bitte mindestens eine Datei wählen.',
    done: (r: {
      read: number;
      new: number;
      changed: number;
      unchanged: number;
      closed: number;
      outside: number;
    }) =>
      `${count(r.read, 'Einrichtung', 'Einrichtungen')} gelesen: ${r.new} neu, ${r.changed} geändert, ` +
      `${r.unchanged} unverändert, ${r.closed} geschlossen, ${r.outside} außerhalb aller Gebiete.`,
    refused: 'Die Datei wurde nicht importiert. Es wurde nichts gespeichert.',
    problems: 'Gefundene Probleme',
    file: 'Datei',
    row: 'Zeile',
    field: 'Feld',
    message: 'Meldung',
    severity: 'Art',
    error: 'Fehler',
    warning: 'Hinweis',
    whole: 'ganze Datei',
  },

  /** „31.12.2024“, or the fallback for a missing date. */
  day: (iso: string | null, fallback: string) => (iso ? formatDate(iso) : fallback),
};
