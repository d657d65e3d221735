import { quoteFile, recordRef } from '../../geo/messages.ts';

/**
 * German messages of the area readers, in one place for a later translation.
 * Every message names the file and, where there is one, the 1-based record and its key.
 */

const list = (names: readonly string[]): string =>
  names.length === 0 ? '(keine)' : names.map((n) => `„${n}“`).join(', ');

const SHAPE_NAMES: Record<number, string> = {
  1: 'ein Punkt',
  5: 'eine Fläche',
  15: 'eine Fläche',
  25: 'eine Fläche',
  3: 'eine Linie',
  8: 'mehrere Punkte',
  11: 'ein Punkt',
  13: 'eine Linie',
  18: 'mehrere Punkte',
  21: 'ein Punkt',
  23: 'eine Linie',
  28: 'mehrere Punkte',
  31: 'ein Multipatch (3D-Fläche)',
};
const GEOJSON_NAMES: Record<string, string> = {
  Point: 'ein Punkt',
  Polygon: 'eine Fläche',
  MultiPolygon: 'mehrere Flächen',
  MultiPoint: 'mehrere Punkte',
  LineString: 'eine Linie',
  MultiLineString: 'mehrere Linien',
  GeometryCollection: 'eine Geometrie-Sammlung',
};

const REPAIR_ADVICE = 'Bitte die Datei neu exportieren oder erneut herunterladen.';

export const readerMessages = {
  noFiles: () =>
    'Es wurde keine Datei übergeben. Erwartet wird ein Shapefile (.shp mit .dbf), eine .zip oder GeoJSON.',
  unsupported: (names: readonly string[]) =>
    `Keine lesbare Gebietsdatei unter ${list(names)}. Erwartet wird ein Shapefile (.shp mit .dbf, dazu ` +
    'möglichst .prj und .cpg), eine .zip mit einem Shapefile oder eine GeoJSON-Datei (.geojson/.json).',
  fileNotFound: (path: string) => `Die Datei „${path}“ wurde nicht gefunden.`,
  multipleMain: (names: readonly string[]) =>
    `Es wurden mehrere Gebietsdateien übergeben (${list(names)}). Bitte jeweils nur eine Ebene importieren.`,
  shpMissing: (dbf: string) => `${quoteFile(dbf)}: Die zugehörige .shp-Datei mit den Geometrien fehlt.`,
  dbfMissing: (shp: string) =>
    `${quoteFile(shp)}: Die zugehörige .dbf-Datei mit den Sachdaten (Schlüssel, Namen) fehlt. ` +
    'Ein Shapefile besteht mindestens aus .shp und .dbf (meist dazu .shx, .prj und .cpg); bitte alle ' +
    'Dateien gleichen Namens zusammen hochladen, am einfachsten als .zip.',
  shpCorrupt: (shp: string, detail: string) =>
    `${quoteFile(shp)}: Die Datei ist beschädigt oder unvollständig – ${detail}. ${REPAIR_ADVICE}`,
  dbfCorrupt: (dbf: string, detail: string) =>
    `${quoteFile(dbf)}: Die Datei ist beschädigt oder unvollständig – ${detail}. ${REPAIR_ADVICE}`,
  recordCountMismatch: (shp: string, shpCount: number, dbf: string, dbfCount: number, shxCount?: number) =>
    `${quoteFile(shp)}: Die Datei enthält ${shpCount} Geometrien, ${quoteFile(dbf)} aber ${dbfCount} Datensätze` +
    (shxCount !== undefined ? ` (laut .shx-Index ${shxCount})` : '') +
    `. Die Dateien passen nicht zusammen oder eine ist unvollständig. ${REPAIR_ADVICE}`,
  notPolygonShp: (shp: string, shapeType: number, record?: number) =>
    `${record !== undefined ? recordRef(shp, record) : quoteFile(shp)}: Die Geometrie ist ` +
    `${SHAPE_NAMES[shapeType] ?? `vom Typ ${shapeType}`}, keine Fläche. Gebiete müssen Flächen (Polygone) sein.`,
  notPolygonGeoJson: (file: string, record: number, type: string, key?: string | null) =>
    `${recordRef(file, record, key)}: Die Geometrie ist ${GEOJSON_NAMES[type] ?? `vom Typ „${type}“`}, ` +
    'keine Fläche. Gebiete müssen Flächen (Polygon oder MultiPolygon) sein.',
  notPointShp: (shp: string, shapeType: number, record?: number) =>
    `${record !== undefined ? recordRef(shp, record) : quoteFile(shp)}: Die Geometrie ist ` +
    `${SHAPE_NAMES[shapeType] ?? `vom Typ ${shapeType}`}, kein Punkt. Einrichtungen müssen Punkte sein.`,
  notPointGeoJson: (file: string, record: number, type: string, key?: string | null) =>
    `${recordRef(file, record, key)}: Die Geometrie ist ${GEOJSON_NAMES[type] ?? `vom Typ „${type}“`}, ` +
    'kein Punkt. Einrichtungen müssen Punkte (Point) sein.',
  invalidGeometry: (file: string, record: number, key?: string | null) =>
    `${recordRef(file, record, key)}: Die Geometrie ist nicht lesbar (kein gültiges GeoJSON-Polygon).`,
  nullGeometry: (file: string, record: number, key?: string | null) =>
    `${recordRef(file, record, key)}: Der Datensatz hat keine Geometrie. ` +
    'Bitte eine Fläche zeichnen oder den Datensatz löschen.',
  unknownEncoding: (cpg: string, label: string) =>
    `${quoteFile(cpg)}: Die Zeichenkodierung „${label}“ ist unbekannt. Bitte „UTF-8“ oder „1252“ ` +
    'eintragen (die Kodierung, in der die .dbf-Datei gespeichert ist).',
  fieldNotFound: (file: string, option: string, field: string, fields: readonly string[]) =>
    `${quoteFile(file)}: Das Feld „${field}“ (${option}) gibt es nicht. Vorhandene Felder: ${list(fields)}.`,
  idFieldMissing: (file: string, fields: readonly string[]) =>
    `${quoteFile(file)}: Kein Feld eignet sich als Gebietsschlüssel (jeder Wert vorhanden und nur einmal). ` +
    `Bitte das Schlüsselfeld angeben (--id-field bzw. „idField“). Vorhandene Felder: ${list(fields)}.`,
  emptyKey: (file: string, record: number, field: string) =>
    `${recordRef(file, record)}: Das Schlüsselfeld „${field}“ ist leer. Jedes Gebiet braucht einen Schlüssel.`,
  duplicateKey: (file: string, first: number, second: number, key: string, field: string) =>
    `${quoteFile(file)}: Der Gebietsschlüssel „${key}“ (Feld „${field}“) kommt doppelt vor, in Datensatz ` +
    `${first} und Datensatz ${second}. Schlüssel müssen eindeutig sein; ist es ein Gebiet aus mehreren ` +
    'Teilen, bitte die Teile im GIS zusammenführen („Auflösen“).',
  invalidJson: (file: string, detail: string) =>
    `${quoteFile(file)}: Die Datei ist kein gültiges JSON (${detail}).`,
  notFeatureCollection: (file: string, type: string) =>
    `${quoteFile(file)}: Erwartet wird eine GeoJSON-FeatureCollection, gefunden wurde „${type}“.`,
  outOfRange: (file: string, record: number, key: string, crs: string, p: readonly number[]) =>
    `${recordRef(file, record, key)}: Die Koordinate (${p[0]}, ${p[1]}) ergibt im Koordinatensystem ` +
    `${crs} keinen Ort auf der Erde. Vermutlich ist das Koordinatensystem falsch angegeben; bitte die ` +
    '.prj-Datei prüfen oder das richtige System mit --crs angeben (z. B. EPSG:25832).',
  zipCorrupt: (zip: string, detail: string) =>
    `${quoteFile(zip)}: Das Zip-Archiv ist nicht lesbar (${detail}). ${REPAIR_ADVICE}`,
  zipWithoutShp: (zip: string, entries: readonly string[]) =>
    `${quoteFile(zip)}: Das Archiv enthält kein Shapefile (.shp) und keine GeoJSON-Datei. Enthalten: ${list(entries)}.`,
} as const;
