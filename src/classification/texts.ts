/**
 * German texts of the map classification: method names, class labels and legend entries
 * (one place, so that a later translation is possible).
 */
import type { ClassificationMethod } from './classification.schema.ts';

export const classificationTexts = {
  methods: {
    quantile: 'Quantile',
    equal: 'Gleiche Intervalle',
    natural: 'Natürliche Brüche (Jenks/ckmeans)',
    stddev: 'Standardabweichung',
    fixed: 'Feste Grenzen',
    categorical: 'Kategorien',
  } satisfies Record<ClassificationMethod, string>,
  /** One sentence per method for the legend: how the classes came about. */
  explain: {
    quantile: 'je etwa gleich viele Gebiete',
    equal: 'gleich breite Wertebereiche',
    natural: 'Gruppen möglichst ähnlicher Werte (optimale eindimensionale k-Means)',
    stddev: 'Abstand vom Mittelwert der Gebiete in Standardabweichungen (SD)',
    fixed: 'feste Klassengrenzen',
    categorical: 'eine Klasse je Wert',
  } satisfies Record<ClassificationMethod, string>,
  /** Label of the single class of constant data. */
  allAreas: (value: string) => `alle Gebiete: ${value}`,
  upTo: (value: string) => `bis ${value}`,
  above: (value: string) => `über ${value}`,
  aboveUpTo: (low: string, high: string) => `über ${low} bis ${high}`,
  range: (low: string, high: string) => `${low} – ${high}`,
  sdBelow: (sd: string) => `< ${sd} SD`,
  sdAbove: (sd: string) => `> ${sd} SD`,
  sdRange: (low: string, high: string) => `${low} bis ${high} SD`,
  /** Value range of a standard-deviation class, in brackets after the SD range. */
  sdValues: (range: string) => ` (${range})`,
  secret: 'geheim (·)',
  secretHint: 'aus Datenschutzgründen nicht ausgewiesen',
  missing: 'keine Angabe',
  notes: {
    noValues: 'Keine Werte zum Einteilen vorhanden.',
    constant: 'Alle Gebiete haben denselben Wert.',
    fewer: (got: number, wanted: number) => `${got} statt ${wanted} Klassen: zu wenige verschiedene Werte.`,
    tooManyCategories: (n: number, max: number) =>
      `${n} verschiedene Werte sind zu viele für Kategorien (höchstens ${max}); eingeteilt in Quantile.`,
    noBreaks: 'Keine festen Grenzen angegeben: eine Klasse.',
  },
  /** The classification control of the atlas. */
  control: {
    group: 'Klasseneinteilung der Karte',
    method: 'Klasseneinteilung',
    classes: 'Klassen',
    breaks: 'Klassengrenzen',
    breaksHint: 'Aufsteigend, mit Semikolon getrennt, z. B. −1; 1; 1,5',
    reset: 'Standard wiederherstellen',
    save: 'Als Standard speichern',
    saving: 'Wird gespeichert …',
    isDefault: 'Standard dieses Indikators',
    saved: (indicator: string) => `Klasseneinteilung als Standard für „${indicator}“ gespeichert.`,
    changed: (method: string) => `Klasseneinteilung: ${method}`,
  },
  /** Legend line: how many classes by which method. */
  legendMethod: (n: number, method: string, explain: string) =>
    `${n === 1 ? '1 Klasse' : `${n} Klassen`} · ${method}: ${explain}`,
  stddevSummary: (mean: string, sd: string) => `Mittelwert ${mean}, Standardabweichung ${sd}`,
} as const;
