/** German texts of the index engine (reasons why an area is left out), kept in one place. */

const de = new Intl.NumberFormat('de-DE');

export const reasons = {
  excluded: 'Von Hand ausgeschlossen (z. B. Gewerbegebiet oder Ausreißer)',
  populationUnknown: (min: number) => `Einwohnerzahl unbekannt (Mindestgröße ${de.format(min)} Einwohner)`,
  populationSmall: (min: number) => `Weniger als ${de.format(min)} Einwohner`,
  /** `items` like "Kinderarmut (geheim)". */
  missing: (items: string[]) => `Fehlende Werte: ${items.join(', ')}`,
  secretItem: (name: string) => `${name} (geheim)`,
  partEmpty: (partLabel: string) => `Keine Werte für den ${partLabel}`,
  tooFew: 'Zu wenige gültige Gebiete für eine Standardisierung (mindestens 2)',
};
