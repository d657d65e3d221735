/**
 * German messages of the facility import, in one place for a later translation. Each message
 * names the file and the record (GeoJSON, Shapefile: „Datensatz“; CSV: „Zeile“) and the field.
 */
import { quoteFile } from '../geo/messages.ts';

const list = (names: readonly string[]): string =>
  names.length === 0 ? '(keine)' : names.map((n) => `„${n}“`).join(', ');

/** „kitas.csv“, Zeile 7 / „kitas.geojson“, Datensatz 7 (Nr. „0101“) */
export function rowRef(fileName: string, row: number, csv: boolean, key?: string | null): string {
  return `${quoteFile(fileName)}, ${csv ? 'Zeile' : 'Datensatz'} ${row}${key ? ` (Nr. „${key}“)` : ''}`;
}

export const facilityMessages = {
  fieldNotFound: (file: string, option: string, field: string, fields: readonly string[]) =>
    `${quoteFile(file)}: Das Feld „${field}“ (${option}) gibt es nicht. Vorhandene Felder: ${list(fields)}.`,
  idFieldMissing: (file: string, fields: readonly string[]) =>
    `${quoteFile(file)}: Kein Feld eignet sich als Nummer der Einrichtung (jeder Wert vorhanden und nur ` +
    'einmal). Über die Nummer erkennt Lagebild eine Einrichtung bei der nächsten Lieferung wieder; bitte ' +
    `das Feld angeben (--id-field bzw. „idField“). Vorhandene Felder: ${list(fields)}.`,
  coordinateFieldsMissing: (file: string, fields: readonly string[]) =>
    `${quoteFile(file)}: Keine Spalten mit Koordinaten gefunden. Erwartet werden z. B. „lon“ und „lat“, ` +
    '„x“ und „y“ oder „Rechtswert“ und „Hochwert“; sonst bitte --x-field und --y-field angeben. ' +
    `Vorhandene Spalten: ${list(fields)}.`,
  csvEmpty: (file: string) =>
    `${quoteFile(file)}: Die Datei enthält keine Kopfzeile und keine Einrichtungen.`,
  columnCount: (where: string, found: number, expected: number) =>
    `${where}: Die Zeile hat ${found} Spalten, die Kopfzeile ${expected}. Vermutlich fehlt ein ` +
    'Anführungszeichen oder ein Trennzeichen ist zu viel.',
  emptyKey: (where: string, field: string) =>
    `${where}: Das Feld „${field}“ (Nummer der Einrichtung) ist leer. Jede Einrichtung braucht eine Nummer.`,
  duplicateKey: (where: string, field: string, key: string, first: number, csv: boolean) =>
    `${where}: Die Nummer „${key}“ (Feld „${field}“) steht schon in ${csv ? 'Zeile' : 'Datensatz'} ${first}. ` +
    'Jede Einrichtung darf nur einmal vorkommen.',
  noGeometry: (where: string) =>
    `${where}: Die Einrichtung hat keine Lage (keine Punktgeometrie). Bitte Koordinaten ergänzen.`,
  coordinateText: (where: string, field: string, text: string) =>
    `${where}, Feld „${field}“: „${text}“ ist keine Koordinate (Zahl erwartet).`,
  outOfRange: (where: string, crs: string, x: number, y: number) =>
    `${where}: Die Koordinate (${x}, ${y}) ergibt im Koordinatensystem ${crs} keinen Ort auf der Erde. ` +
    'Vermutlich ist das Koordinatensystem falsch angegeben; bitte das richtige mit --crs angeben ' +
    '(z. B. EPSG:25832).',
  capacityText: (where: string, field: string, text: string) =>
    `${where}, Feld „${field}“: Die Kapazität „${text}“ ist keine Zahl.`,
  capacityNegative: (where: string, field: string, value: number) =>
    `${where}, Feld „${field}“: Die Kapazität ${value} ist negativ.`,
  capacityEmpty: (where: string, field: string) =>
    `${where}, Feld „${field}“: Die Kapazität fehlt; die Einrichtung zählt mit, ihre Plätze nicht.`,
  outside: (where: string) =>
    `${where}: Die Einrichtung liegt außerhalb aller Gebiete; sie wird als „außerhalb“ geführt.`,
  mostlyOutside: (file: string, outside: number, total: number, crs: string) =>
    `${quoteFile(file)}: ${outside} von ${total} Einrichtungen liegen außerhalb aller Gebiete. Vermutlich ` +
    `ist das Koordinatensystem (${crs}) falsch angegeben – die Punkte landen an einem anderen Ort. ` +
    'Bitte das richtige System mit --crs angeben (z. B. EPSG:25832 oder EPSG:25833).',
  unknownType: (type: string, known: readonly string[]) =>
    `Die Einrichtungsart „${type}“ ist unbekannt. Bekannt sind: ${list(known)}.`,
  unknownPart: (type: string, given: readonly string[], known: readonly string[]) =>
    `Die Einrichtungsart „${type}“ hat keine Teilkapazität ${list(given)}. ` +
    (known.length ? `Bekannt sind: ${list(known)}.` : 'Sie hat überhaupt keine Teilkapazitäten.'),
  noFacilities: (file: string) => `${quoteFile(file)}: Die Datei enthält keine Einrichtungen.`,
  noAreas: (file: string) =>
    `${quoteFile(file)}: Es gibt noch keine Gebiete, denen die Einrichtungen zugeordnet werden könnten. ` +
    'Bitte zuerst die Gebiete importieren (lagebild import areas).',
  laterHistory: (where: string, validFrom: string, until: string) =>
    `${where}: Für diese Einrichtung ist schon ein Stand bis zum ${until} gespeichert, also nach dem ` +
    `${validFrom}, ab dem die Lieferung gilt. Eine ältere Lieferung kann die spätere Geschichte nicht ` +
    'ändern; bitte das Datum (--valid-from) prüfen.',
  refused: (file: string, errors: readonly { message: string }[]) =>
    `${quoteFile(file)}: Die Datei wurde nicht importiert, nichts wurde gespeichert (${errors.length} Fehler). ` +
    errors
      .slice(0, 3)
      .map((e) => e.message)
      .join(' ') +
    (errors.length > 3 ? ` … und ${errors.length - 3} weitere.` : ''),
  notFound: (id: number) => `Die Einrichtung (Fassung ${id}) gibt es nicht.`,
  notOpen: (id: number, key: string, validTo: string) =>
    `Die Fassung ${id} der Einrichtung „${key}“ gilt nur bis zum ${validTo}; geändert oder geschlossen ` +
    'werden kann nur die offene Fassung. Bitte die Liste neu laden.',
  keyTaken: (type: string, key: string) =>
    `Eine Einrichtung der Art „${type}“ mit der Nummer „${key}“ gibt es schon. Bitte eine andere Nummer ` +
    'wählen oder die bestehende ändern.',
  startTaken: (key: string, validFrom: string) =>
    `Für die Einrichtung „${key}“ ist schon ein Stand ab dem ${validFrom} oder später gespeichert. ` +
    'Bitte ein späteres Datum wählen.',
  closeBeforeOpen: (key: string, validFrom: string, validTo: string) =>
    `Die Einrichtung „${key}“ gilt erst ab dem ${validFrom}; sie kann nicht am ${validTo} schließen. ` +
    'Bitte ein späteres Datum angeben.',
  unknownFormat: (format: string) => `Unbekanntes Format „${format}“ (möglich: geojson, csv).`,
} as const;
