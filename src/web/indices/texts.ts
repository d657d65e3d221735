/** German texts of the Sozialmonitoring pages (monitoring page and index editor). */
import { formatNumber } from '../../core/format.ts';

/** „im Status-Index“, or „in „Status““ for a label that is not a noun on -index. */
const inPart = (label: string) => (/index$/i.test(label) ? `im ${label}` : `in „${label}“`);

const percent = (share: number) => `${formatNumber(share * 100, 1)}\u00a0%`;

export const mt = {
  title: 'Sozialmonitoring',
  intro:
    'Zusammengesetzte Indizes fassen mehrere Indikatoren je Gebiet zu Klassen zusammen: wo steht ein Gebiet (Status) und wohin entwickelt es sich (Dynamik).',
  controls: {
    region: 'Auswahl des Index',
    index: 'Index',
    level: 'Ebene',
    date: 'Stichtag',
    view: 'Karte färben nach',
    code: 'Gesamtindex (Code)',
  },
  loadingResult: 'Index wird berechnet …',
  notComputable: 'Für diesen Stichtag lässt sich der Index nicht berechnen.',
  missingInputs: (date: string, inputs: string[]) =>
    `Zum Stichtag ${date} fehlen Eingangsgrößen des Index: ${inputs.join('; ')}.`,
  noIndices: 'Es sind noch keine Indizes angelegt.',
  openProfile: 'Gebietsprofil öffnen',
  matrix: {
    title: 'Status-Dynamik-Matrix',
    titleSingle: 'Verteilung auf die Klassen',
    caption: (level: string, date: string, twoParts: boolean) =>
      `Gebiete der Ebene ${level} je Klasse${twoParts ? ' von Status (Zeilen) und Dynamik (Spalten)' : ''}, Stichtag ${date}`,
    captionShare: ' mit Anteil an den Einwohnerinnen und Einwohnern',
    corner: 'Status \\ Dynamik',
    total: 'Summe',
    areasHeader: 'Gebiete',
    areas: (n: number) => (n === 1 ? '1 Gebiet' : `${n} Gebiete`),
    share: (share: number) => `${percent(share)} EW`,
    /** Name of a cell: „Status-Index „hoch“, Dynamik-Index „stabil““ (column part left out for one part). */
    cellName: (rowPart: string, row: string, colPart: string | null, col: string) =>
      colPart ? `${rowPart} „${row}“, ${colPart} „${col}“` : `${rowPart} „${row}“`,
    /**
     * Name of a cell's button: it starts with the cell's visible text (count, share) so that speech
     * input finds it by what is on screen (WCAG 2.5.3 Label in Name).
     * @example mt.matrix.select('Status-Index „hoch“', 12, '3,5 % EW') // '12, 3,5 % EW: Gebiete mit Status-Index „hoch“ auswählen'
     */
    select: (cell: string, n: number, share: string | null) =>
      `${n}${share === null ? '' : `, ${share}`}: Gebiete mit ${cell} auswählen`,
    selected: (cell: string, n: number) => `Ausgewählt: ${cell} – ${n === 1 ? '1 Gebiet' : `${n} Gebiete`}.`,
    clear: 'Auswahl aufheben',
    cleared: 'Auswahl aufgehoben.',
    hint: 'Ein Feld anklicken, um seine Gebiete auf der Karte und in der Tabelle hervorzuheben.',
    protectedHint: 'Einwohneranteile sehen nur angemeldete Planerinnen und Planer.',
  },
  legend: {
    title: 'Legende',
    invalid: 'ungültig',
    invalidHint: 'nicht im Index, z. B. unter der Mindesteinwohnerzahl oder ausgeschlossen',
    none: 'keine Klasse (Wert fehlt)',
    notRobust: 'Klasse nicht robust',
    notRobustHint: 'Klasse bleibt in weniger als 90 % der Monte-Carlo-Läufe gleich',
    robustLoading: 'Robustheit wird berechnet …',
    /** Before the footnotes of the converted input values: how many areas' classes rest on them. */
    converted: (n: number) =>
      `${n === 1 ? '1 Gebiet hat' : `${n} Gebiete haben`} umgerechnete Eingangswerte:`,
    areas: (n: number) => (n === 1 ? '1 Gebiet' : `${n} Gebiete`),
  },
  map: {
    label: (index: string, level: string, date: string) => `Karte: ${index}, ${level}, ${date}`,
    tooltip: (code: string | null, robust: boolean | null) =>
      `${code ? `Code ${code}` : 'ohne Klasse'}${robust === false ? ' · nicht robust' : ''}`,
  },
  table: {
    caption: (level: string, index: string, date: string) => `${level}: ${index}, Stichtag ${date}`,
    filtered: (n: number, of: number) => ` (gefiltert: ${n} von ${of})`,
    name: 'Gebiet',
    parent: 'Bezirk',
    index: (part: string) => `${part}`,
    cls: 'Klasse',
    code: 'Code',
    rank: 'Rang (5–95 %)',
    rankHint: 'Rang 1 = größter Handlungsbedarf; in Klammern das 5–95-%-Intervall der Monte-Carlo-Läufe',
    stability: 'Klassenstabilität',
    stabilityHint: 'Anteil der Monte-Carlo-Läufe, in denen die Klasse gleich bleibt',
    loading: '…',
    invalid: (reason: string | null) => (reason ? `ungültig: ${reason}` : 'ungültig'),
    sortBy: (label: string) => `nach ${label} sortieren`,
    openProfile: (name: string) => `Gebietsprofil ${name} öffnen`,
    notRobust: 'nicht robust',
  },
  robustness: {
    failed: 'Die Robustheit ließ sich nicht berechnen:',
    runs: (runs: number) => `Robustheit aus ${formatNumber(runs, 0)} Monte-Carlo-Läufen.`,
  },
  list: {
    title: 'Gespeicherte Indizes',
    builtin: 'Vorlage',
    edit: 'Definition bearbeiten',
    show: 'Definition ansehen',
    showOnMap: 'Anzeigen',
    create: 'Neuen Index anlegen',
    exportAll: 'Alle exportieren (JSON)',
    importAll: 'Importieren (JSON)',
    importing: 'Import läuft …',
    importHint:
      'JSON-Datei eines Exports (eine Definition oder eine Liste). Es werden alle übernommen oder keine; vorhandene Schlüssel werden überschrieben.',
    imported: (n: number) => (n === 1 ? '1 Index importiert.' : `${n} Indizes importiert.`),
    notJson: (file: string) => `Die Datei „${file}“ enthält kein gültiges JSON.`,
  },
  summary: {
    valid: (valid: number, total: number, level: string) =>
      valid === total
        ? `Von ${total} ${level} gehen alle in den Index ein.`
        : valid === 0
          ? `Von ${total} ${level} geht kein Gebiet in den Index ein.`
          : `Von ${total} ${level} gehen ${valid} in den Index ein; ${total - valid === 1 ? '1 ist' : `${total - valid} sind`} ungültig.`,
    /** „12 von 60 Sozialräumen haben im Status-Index die Klasse „sehr niedrig““ */
    worst: (n: number, valid: number, level: string, part: string, label: string) =>
      `${n} von ${valid} ${level} ${n === 1 ? 'hat' : 'haben'} ${inPart(part)} die Klasse „${label}“`,
    alsoWorst: (n: number, part: string, label: string) => `${n} ${inPart(part)} die Klasse „${label}“`,
    both: (n: number, code: string) =>
      n === 1 ? `1 Gebiet vereint beides (Code ${code})` : `${n} Gebiete vereinen beides (Code ${code})`,
    notRobust: (n: number, valid: number) =>
      n === 0
        ? `Die Klassen aller ${valid} gültigen Gebiete sind robust.`
        : n === 1
          ? 'Bei 1 Gebiet ist die Klasse nicht robust.'
          : `Bei ${n} Gebieten ist die Klasse nicht robust.`,
  },
  percent,
};
