/** German texts of the conversion between Gebietsstände, in one place. */
const list = (keys: readonly string[], max = 10) =>
  keys.length <= max ? keys.join(', ') : `${keys.slice(0, max).join(', ')} und ${keys.length - max} weitere`;

export const convertMessages = {
  noPopulation: (variable: string) =>
    `Für die neuen Gebiete gibt es keine Einwohnerzahlen („${variable}“), nach denen gewichtet werden könnte: flächengewichtet umgerechnet.`,
  populationFallback: (keys: readonly string[]) =>
    `${keys.length} alte Gebiete liegen nur in neuen Gebieten ohne Einwohner und wurden nach Fläche aufgeteilt: ${list(keys)}.`,
  unmatched: (keys: readonly string[]) =>
    `${keys.length} alte Gebiete überschneiden kein neues Gebiet; ihre Werte wurden nicht umgerechnet: ${list(keys)}.`,
  unconstrained: (keys: readonly string[]) =>
    `${keys.length} alte Gebiete liegen nicht in ihrem bisherigen übergeordneten Gebiet und wurden ohne diese Bindung aufgeteilt: ${list(keys)}.`,
  slivers: (count: number, tolerance: number) =>
    `${count} Splitterflächen unter ${(tolerance * 100).toLocaleString('de-DE')} % (Digitalisierungsunterschiede) nicht berücksichtigt.`,
  observedKept: (count: number) =>
    `${count} Werte liegen für die neuen Gebiete bereits als Erhebung vor und wurden nicht überschrieben.`,
  noGebietsstand: (level: string, date: string) => `Die Ebene „${level}“ hat am ${date} keinen Gebietsstand.`,
  sameGebietsstand: (level: string, from: string, to: string) =>
    `${from} und ${to} liegen im selben Gebietsstand der Ebene „${level}“; es gibt nichts umzurechnen.`,
  backwards: (from: string, to: string) =>
    `Umgerechnet wird vom älteren auf den neueren Gebietsstand: ${from} liegt nicht vor ${to}.`,
  unknownMethod: (method: string) => `Unbekanntes Verfahren „${method}“ (möglich: area, population).`,
  finerFallback: (keys: readonly string[], source: string) =>
    `${keys.length} alte Gebiete enthalten keine Einwohner ${source} und wurden nach den Einwohnern der neuen Gebiete aufgeteilt: ${list(keys)}.`,
  noFinerPopulation: (source: string) =>
    `In den umzurechnenden Gebieten liegen keine Einwohner ${source}: nach den Einwohnern der neuen Gebiete gewichtet.`,
  finerOutside: (units: number, population: number, source: string) =>
    `${units.toLocaleString('de-DE')} Einheiten ${source} mit ${population.toLocaleString('de-DE')} Einwohnern liegen außerhalb der alten oder neuen Gebiete und zählen nicht.`,
  gridSecret: (count: number, file: string) =>
    `${count.toLocaleString('de-DE')} Gitterzellen in „${file}“ ohne Einwohnerzahl (Geheimhaltung) wurden ausgelassen.`,
  weightsNeedPopulation: () =>
    'Eine feinere Ebene oder ein Bevölkerungsgitter gewichtet nach Einwohnern; mit dem Verfahren „area“ (flächengewichtet) passt das nicht zusammen.',
  weightsBoth: () =>
    'Entweder eine feinere Ebene (--weights-level) oder ein Bevölkerungsgitter (--grid) angeben, nicht beides.',
  weightsLevelNotFiner: (level: string, weightsLevel: string) =>
    `Die Ebene „${weightsLevel}“ ist nicht feiner als „${level}“ und kann die Einwohner nicht verteilen.`,
  gridEmpty: (file: string) => `Die Datei „${file}“ enthält keine Gitterzellen mit Einwohnerzahl.`,
  gridColumns: (file: string, fields: readonly string[]) =>
    `Die Datei „${file}“ hat keine Spalten für Lage und Einwohner (erwartet z. B. GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner in EPSG:3035; vorhanden: ${fields.join(', ') || 'keine'}).`,
  gridValue: (file: string, line: number, column: string, text: string) =>
    `„${file}“, Zeile ${line}, Spalte „${column}“: „${text}“ ist keine gültige Angabe (erwartet eine Zahl${column.toLowerCase().startsWith('gitter_id') ? ' bzw. eine Zellkennung wie CRS3035RES100mN2689100E4337000' : ''}).`,
  badDate: (text: string) => `Ungültiges Datum „${text}“ (erwartet: JJJJ-MM-TT).`,
};

/**
 * German names of the methods applied, for the provenance entry, the output and the „umgerechnet“
 * mark. `population` is target density; the finer variants were added later. The applied key is
 * stored in the conversion's `data_source.details.variant` and read as the mark's `method`
 * (`details.method` stays area|population), so keys are only ever added, never renamed.
 */
export const methodNames = {
  area: 'flächengewichtet',
  population: 'einwohnergewichtet',
  population_finer: 'einwohnergewichtet (feinere Ebene)',
  population_grid: 'einwohnergewichtet (Bevölkerungsgitter)',
} as const;

/** A method key as stored. */
export type AppliedMethod = keyof typeof methodNames;

/** What the finer weights came from, for the full method name. */
export interface WeightsLabel {
  /** Name of the finer level (e.g. „Blöcke“). */
  levelName?: string;
  /** Grid: cell size in metres, if known, and whether it is a Zensus grid. */
  cellSize?: number | null;
  zensus?: boolean;
}

/**
 * The method's full name, naming the finer level or grid:
 * „einwohnergewichtet (feinere Ebene: Blöcke)“, „einwohnergewichtet (Zensus-Gitter 100 m)“.
 * @example methodLabel('population_grid', { cellSize: 1000, zensus: true }) // 'einwohnergewichtet (Zensus-Gitter 1 km)'
 */
export function methodLabel(method: AppliedMethod, weights: WeightsLabel = {}): string {
  if (method === 'population_finer' && weights.levelName)
    return `${methodNames.population} (feinere Ebene: ${weights.levelName})`;
  if (method === 'population_grid') {
    const size = weights.cellSize
      ? ` ${weights.cellSize >= 1000 ? `${(weights.cellSize / 1000).toLocaleString('de-DE')} km` : `${weights.cellSize} m`}`
      : '';
    return `${methodNames.population} (${weights.zensus ? 'Zensus-Gitter' : 'Bevölkerungsgitter'}${size})`;
  }
  return methodNames[method];
}

/** How the finer source is named inside a sentence („… keine Einwohner der Ebene „Blöcke““). */
export const finerSourceText = (w: WeightsLabel) =>
  w.levelName ? `der Ebene „${w.levelName}“` : 'des Bevölkerungsgitters';
