/**
 * German messages of the geometry core (CRS, validity), kept in one place so that a later
 * translation touches one file. Each message names the file and, where there is one, the record.
 */

/** Quoted file name as used in every message: „Stadtteil.shp“. */
export const quoteFile = (fileName: string): string => `„${fileName}“`;

/** „Stadtteil.shp“, Datensatz 17 (Schlüssel „101“) — record numbers are 1-based. */
export function recordRef(fileName: string, record: number, key?: string | null): string {
  const keyPart = key ? ` (Schlüssel „${key}“)` : '';
  return `${quoteFile(fileName)}, Datensatz ${record}${keyPart}`;
}

const CRS_HINT =
  'z. B. --crs EPSG:25832 (ETRS89 / UTM 32N, West- und Süddeutschland) oder --crs EPSG:25833 ' +
  '(ETRS89 / UTM 33N, Ostdeutschland); über die Programmierschnittstelle im Feld „crs“';

const clip = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)} …` : text);

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

export const geoMessages = {
  crsMissing: (fileName: string, bbox?: readonly number[]) =>
    `${quoteFile(fileName)}: Das Koordinatensystem ist nicht angegeben (keine .prj-Datei)` +
    (bbox && bbox.length === 4
      ? `, und die Koordinaten (x ${fmt(bbox[0]!)} … ${fmt(bbox[2]!)}, y ${fmt(bbox[1]!)} … ${fmt(bbox[3]!)}) ` +
        'sind keine geografischen Längen und Breiten'
      : '') +
    `. Bitte das Koordinatensystem angeben, ${CRS_HINT}.`,

  unknownCrs: (fileName: string, source: '--crs' | '.prj' | 'crs', text: string, known: readonly number[]) =>
    `${quoteFile(fileName)}: Das Koordinatensystem „${clip(text)}“ ` +
    (source === '.prj' ? 'aus der .prj-Datei ' : source === 'crs' ? 'aus dem Element „crs“ ' : '') +
    'ist unbekannt oder nicht lesbar. Eingebaut sind die EPSG-Codes ' +
    `${known.join(', ')}; ` +
    'andere Systeme bitte als WKT (.prj-Datei) oder als proj4-Definition (+proj=…) angeben.',

  emptyGeometry: (where: string) =>
    `${where}: Die Geometrie ist leer (keine Fläche). Bitte den Datensatz löschen oder eine Fläche zeichnen.`,

  nonFinite: (where: string) =>
    `${where}: Die Geometrie enthält ungültige Koordinaten (keine endliche Zahl). ` +
    'Bitte die Datei im GIS prüfen und neu exportieren.',

  selfIntersection: (where: string, lon: number, lat: number) =>
    `${where}: Die Umrisslinie schneidet sich selbst (ungefähr bei Länge ${lon.toFixed(5)}, Breite ` +
    `${lat.toFixed(5)}). Eine solche Fläche hat keine eindeutige Größe. Bitte die Geometrie reparieren, ` +
    'z. B. in QGIS mit „Vektor → Geometrie-Werkzeuge → Geometrien reparieren“, und die Datei erneut importieren.',
} as const;
