/** German texts of the atlas analysis tools (charts, filters, statistics table). */

const de = (n: number) => n.toLocaleString('de-DE');

export const at = {
  /** Link on the Kennblatt page. */
  sheetPdf: 'Kennblatt als PDF',
  filters: {
    region: 'Filter',
    title: 'Gebiete filtern',
    min: 'Wert von',
    max: 'Wert bis',
    rangeHint: (lo: string, hi: string) => `Werte von ${lo} bis ${hi}`,
    parents: (parentLevel: string) => `${parentLevel}`,
    allParents: 'alle',
    reset: 'Filter zurücksetzen',
    shown: (n: number, total: number) =>
      n === total ? `Alle ${de(total)} Gebiete angezeigt` : `${de(n)} von ${de(total)} Gebieten angezeigt`,
    invalidNumber: 'Bitte eine Zahl eingeben, z. B. 12,5.',
    apply: 'Anwenden',
  },
  /** The whole analysis part under the map. */
  section: 'Auswertung',
  charts: {
    region: 'Diagramme',
    loading: 'Diagramme werden geladen …',
    failed: 'Die Diagramme konnten nicht geladen werden.',
    histogram: 'Verteilung',
    ranking: 'Rangfolge',
    scatter: 'Zusammenhang',
    boxplot: (parentLevel: string | null) => (parentLevel ? `Streuung je ${parentLevel}` : 'Streuung'),
    radar: 'Profil des Gebiets',
    areas: 'Gebiete',
    count: 'Anzahl Gebiete',
    city: 'Stadt',
    target: 'Zielwert',
    allAreas: 'Alle Gebiete',
    yIndicator: 'Vergleichsmerkmal (y-Achse)',
    theme: 'Themenfeld',
    noData: 'Keine Werte zum Darstellen.',
    noRegression: 'Zu wenige oder gleiche Werte für eine Ausgleichsgerade.',
    radarHint:
      'Ein Gebiet auf der Karte, in einem Diagramm oder in einer Tabelle wählen, um sein Profil zu sehen.',
    radarTooFew: 'In diesem Themenfeld gibt es zu wenige vergleichbare Indikatoren (mindestens 3).',
    radarAxis:
      'Abweichung vom Stadtwert in Standardabweichungen der Gebiete (Stadt = 0; außen = höherer Wert)',
    pearson: (r: string, n: number) => `r = ${r} (Pearson, n = ${de(n)})`,
    line: (slope: string, intercept: string) => `y = ${slope} · x ${intercept}`,
    hint: 'Zeigen hebt ein Gebiet überall hervor; Klicken öffnet es; Strg-/Umschalt-Klick nimmt es in die Auswahl auf.',
    bin: (from: string, to: string, n: number) =>
      `${from} bis unter ${to}: ${n === 1 ? '1 Gebiet' : `${de(n)} Gebiete`}`,
    lastBin: (from: string, to: string, n: number) =>
      `${from} bis ${to}: ${n === 1 ? '1 Gebiet' : `${de(n)} Gebiete`}`,
    describeHistogram: (indicator: string, bins: string) => `Histogramm ${indicator}. ${bins}`,
    describeRanking: (indicator: string, n: number, top: string, city: string) =>
      `Rangfolge ${indicator}, ${de(n)} Gebiete, höchster Wert zuerst: ${top}. Stadtwert ${city}.`,
    describeScatter: (x: string, y: string, n: number, fit: string) =>
      `Streudiagramm ${x} (x) gegen ${y} (y), ${de(n)} Gebiete. ${fit}`,
    describeBoxplot: (indicator: string, groups: string) => `Boxplots ${indicator}: ${groups}`,
    describeRadar: (area: string, items: string) => `Profil ${area} im Vergleich zur Stadt: ${items}`,
    box: (name: string, n: number, median: string, q1: string, q3: string) =>
      `${name} (${n === 1 ? '1 Gebiet' : `${de(n)} Gebiete`}): Median ${median}, mittlere Hälfte ${q1} bis ${q3}`,
    boxTooltip: {
      max: 'oberer Whisker',
      q3: '3. Quartil',
      median: 'Median',
      q1: '1. Quartil',
      min: 'unterer Whisker',
    },
  },
  table: {
    title: 'Statistiktabelle',
    intro: (date: string) =>
      `Werte zum Stichtag ${date}; übergeordnete Gebiete und Stadt aus den summierten Fallzahlen berechnet.`,
    selection: (n: number) => (n === 1 ? 'Auswahl: 1 Gebiet' : `Auswahl: ${de(n)} Gebiete`),
    all: (n: number) => (n === 1 ? '1 angezeigtes Gebiet' : `Alle ${de(n)} angezeigten Gebiete`),
    add: 'Gebiet zur Auswahl hinzufügen',
    addPlaceholder: 'Gebiet wählen …',
    remove: (name: string) => `${name} aus der Auswahl entfernen`,
    clear: 'Auswahl aufheben',
    area: 'Gebiet',
    kinds: { parent: (level: string | null) => level ?? 'Übergeordnet', city: 'Gesamtstadt' },
    target: 'Zielwert',
    noTarget: '–',
    download: (format: string) => `${format} herunterladen`,
    public: 'Ohne Fallzahlen; geheim gehaltene Werte erscheinen als ·.',
    /** Names the footnotes of the values converted from an earlier Gebietsstand. */
    convertedNotes: 'Umgerechnete Werte',
    loading: 'Tabelle wird geladen …',
    empty: 'Kein Gebiet entspricht den Filtern.',
    caption: (level: string, date: string) => `Statistiktabelle ${level}, Stichtag ${date}`,
  },
  selectionAnnounce: {
    added: (name: string) => `${name} zur Auswahl hinzugefügt`,
    removed: (name: string) => `${name} aus der Auswahl entfernt`,
    cleared: 'Auswahl aufgehoben',
  },
} as const;
