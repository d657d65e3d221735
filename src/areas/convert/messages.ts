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
  badDate: (text: string) => `Ungültiges Datum „${text}“ (erwartet: JJJJ-MM-TT).`,
};

/** German names of the methods, for the provenance entry and the output. */
export const methodNames = { area: 'flächengewichtet', population: 'einwohnergewichtet' } as const;
