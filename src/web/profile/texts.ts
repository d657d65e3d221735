/** German texts of the area profile page (Gebietsprofil / Steckbrief). */
import { levelDative } from '../../core/level-names.ts';
import { projectionTexts } from '../../profile/projection-text.ts';

/**
 * The whole territory in a phrase: its level name (rank 0) is „Stadt“ or „Kreis“ (areas/city-level.ts),
 * and the profile of a Gemeinde compares with „dem Kreis“, never with „der Stadt“.
 */
export function wholeWords(name: string) {
  const kreis = name === 'Kreis';
  return {
    name,
    /** „mit der Stadt“, „mit dem Kreis“ */
    dative: kreis ? 'dem Kreis' : `der ${name}`,
    /** „in der Stadt“, „im Kreis“ */
    in: kreis ? 'im Kreis' : `in der ${name}`,
    /** „zur Stadt“, „zum Kreis“ */
    to: kreis ? 'zum Kreis' : `zur ${name}`,
  };
}
export type WholeWords = ReturnType<typeof wholeWords>;

export const pt = {
  /** The link from the atlas side panel to the profile page. */
  sideLink: 'Gebietsprofil',
  title: (name: string) => `Gebietsprofil ${name}`,
  docTitle: (name: string) => `Gebietsprofil ${name} – Lagebild`,
  loadingTitle: 'Gebietsprofil',
  atlas: 'Sozialatlas',
  loading: 'Gebietsprofil wird geladen …',
  notFound: 'Dieses Gebiet gibt es nicht.',
  meta: {
    parent: (levelName: string | null, name: string) => `${levelName ?? 'Gehört zu'} ${name}`,
    area: (km2: string) => `Fläche ${km2}`,
    date: 'Stichtag',
  },
  protectedNote:
    'Öffentliche Ansicht: Werte mit zu kleinen Fallzahlen sind zum Schutz von Einzelangaben geheim gehalten (·).',
  ownNote:
    'Ihr Zuständigkeitsgebiet: Die Werte dieses Gebiets sind ungeschützt (intern). Vergleichswerte außerhalb Ihrer Zuständigkeit sind geheimhaltungsgeprüft (·); das Dokument zum Herunterladen zeigt die Werte ebenso und ist als intern gekennzeichnet – nicht zur Veröffentlichung.',
  actions: {
    print: 'Drucken',
    compare: (whole: WholeWords) => `Mit ${whole.dative} vergleichen`,
    atlas: 'Im Sozialatlas zeigen',
    steckbriefPdf: 'Steckbrief als PDF',
    steckbriefDocx: 'Steckbrief als Word',
  },
  summary: 'Auf einen Blick',
  locator: (whole: WholeWords) => `Lage ${whole.in}`,
  locatorLabel: (name: string, level: string) => `Lagekarte: ${name} unter allen Gebieten der Ebene ${level}`,
  index: {
    heading: 'Sozialmonitoring',
    none: 'Für diese Ebene ist kein Index berechnet.',
    notRated: 'Das Gebiet ist zu diesem Stichtag nicht eingestuft.',
    invalid: (reason: string | null) => `Nicht eingestuft${reason ? `: ${reason}` : '.'}`,
    history: 'Einstufung im Zeitverlauf',
    noHistory: 'Keine früheren Einstufungen.',
    code: 'Gesamt',
    rank: 'Rang im Index',
    rankValue: (rank: number, of: number) => `${rank} von ${of}`,
    rankNote: '1 = ungünstigste Lage',
    interval: 'Robustheit (5–95 %)',
    intervalValue: (low: number, high: number) => (low === high ? `Rang ${low}` : `Rang ${low}–${high}`),
    runs: (runs: number) =>
      `${runs.toLocaleString('de-DE')} Monte-Carlo-Läufe (Gewichte ±25 %, Standardisierung, Aggregation)`,
    stability: 'Klasse unverändert in',
    robust: 'robust',
    unsure: 'unsicher',
  },
  warnings: {
    heading: 'Frühwarnung',
    none: 'Keine Hinweise zu diesem Stichtag.',
    severity: { hoch: 'hoch', mittel: 'mittel' } as Record<string, string>,
    severityLabel: 'Dringlichkeit',
    all: 'Alle Hinweise der Frühwarnung',
  },
  table: {
    heading: 'Indikatoren',
    caption: (date: string, whole: WholeWords) => `Indikatoren am ${date}: Gebiet, Bezirk und ${whole.name}`,
    withoutValues: (names: string[]) => `Zu diesem Stichtag ohne Werte: ${names.join(', ')}.`,
    /** Names the footnotes of the values converted from an earlier Gebietsstand. */
    convertedNotes: 'Umgerechnete Werte',
    indicator: 'Indikator',
    area: 'Gebiet',
    district: 'Bezirk',
    difference: (whole: WholeWords) => `Differenz ${whole.to}`,
    change: 'Veränderung zum Vorjahr',
    changeSince: (date: string) => `Veränderung seit ${date}`,
    trend: (years: number) => `Trend (${years} Jahre, je Jahr)`,
    rank: 'Rang',
    rankTitle: (levelName: string) => `1 = höchster Wert unter den ${levelDative(levelName)}`,
    rankValue: (rank: string, of: number) => `${rank} von ${of}`,
    up: 'steigend',
    down: 'fallend',
    flat: 'gleichbleibend',
    unfavourable: 'ungünstig',
    favourable: 'günstig',
  },
  bodies: {
    heading: 'Gremien im Gebiet',
    loading: 'Gremien werden geladen …',
    none: 'Für dieses Gebiet ist kein Gremium erfasst.',
    next: (date: string) => `nächste Sitzung am ${date}`,
  },
  measures: {
    heading: 'Maßnahmen im Gebiet',
    caption: 'Maßnahmen, die in diesem Gebiet wirken oder hier ein Ziel haben',
    loading: 'Maßnahmen werden geladen …',
    none: 'In diesem Gebiet sind keine Maßnahmen erfasst.',
    title: 'Maßnahme',
    status: 'Status',
    progress: 'Fortschritt',
    budget: 'Mittel',
  },
  projection: {
    heading: projectionTexts.title,
    caption: (name: string, rounded: boolean) =>
      `${name}: Bestand und Prognose – ${rounded ? 'gerundet, unsicher' : 'ungerundet (intern), unsicher'}`,
    area: 'Gebiet',
    observed: projectionTexts.observed,
    projected: projectionTexts.projected,
  },
  series: {
    heading: 'Zeitreihen',
    /** Marks the projected part of a chart and its projected points (tooltip, text alternative). */
    projected: 'Prognose',
    /** Marks a point whose counts were converted from an earlier Gebietsstand. */
    converted: (from: string) => `umgerechnet vom Gebietsstand ${from}`,
    intro: 'Die im Text genannten Indikatoren; weitere über die Auswahl.',
    choose: 'Weitere Zeitreihe',
    none: 'Keine',
    district: (name: string) => name,
  },
};
