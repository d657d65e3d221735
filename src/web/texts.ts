/**
 * German UI texts of the Sozialatlas, kept in one place so a later translation is possible.
 * Functions take the variable parts; everything a person reads comes from here.
 */
import type { Role } from '../auth/auth.schema.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';

export const t = {
  appName: 'Lagebild',
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
  noDates: 'Für diese Indikatoren liegen noch keine Stichtage vor.',

  controls: {
    region: 'Auswahl',
    indicator: 'Indikator',
    date: 'Jahr (Stichtag)',
    level: 'Ebene',
    unpublished: '(nicht veröffentlicht)',
  },
  polarity: {
    high_bad: 'Hohe Werte zeigen einen höheren Handlungsbedarf.',
    high_good: 'Hohe Werte sind günstig; niedrige Werte zeigen Handlungsbedarf.',
    neutral: 'Beschreibender Indikator ohne Wertung.',
  } satisfies Record<Indicator['polarity'], string>,

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
    roles: { admin: 'Administration', planner: 'Planung', viewer: 'Lesezugriff' } satisfies Record<
      Role,
      string
    >,
  },
} as const;
