import { importError } from '../../core/errors.ts';
import type { GeometryKind, GeometryOf, SourceRecord, SourceTable } from './area-file.ts';
import { keyText } from './fields.ts';
import { readerMessages } from './messages.ts';

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) into source records.
 *
 * RFC 7946 fixes WGS84 lon/lat; the 2008 GeoJSON draft's `crs` member (`{"type":"name",
 * "properties":{"name":"urn:ogc:def:crs:EPSG::25832"}}`, still written by QGIS and ogr2ogr for
 * projected data) is passed on so that such files are not misread as degrees.
 *
 * @param kind `area` accepts Polygon and MultiPolygon, `point` accepts Point
 * @throws `import.invalid_json`, `import.not_feature_collection`, `import.not_polygon` (`import.not_point`)
 */
export function readGeoJson<K extends GeometryKind = 'area'>(
  data: Uint8Array,
  fileName: string,
  kind: K = 'area' as K,
): SourceTable<GeometryOf<K>> {
  const accepted = kind === 'point' ? ['Point'] : ['Polygon', 'MultiPolygon'];
  const text = new TextDecoder().decode(data); // TextDecoder drops a UTF-8 BOM
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const detail = jsonErrorPlace(text, e instanceof Error ? e.message : String(e));
    throw importError('invalid_json', readerMessages.invalidJson(fileName, detail), { file: fileName });
  }
  const root = isObject(doc) ? doc : {};
  const features =
    root.type === 'FeatureCollection' && Array.isArray(root.features)
      ? (root.features as unknown[])
      : root.type === 'Feature'
        ? [root]
        : null;
  if (!features) {
    const type = typeof root.type === 'string' ? root.type : Array.isArray(doc) ? 'Liste' : typeof doc;
    throw importError('not_feature_collection', readerMessages.notFeatureCollection(fileName, type), {
      file: fileName,
    });
  }

  const fields: string[] = [];
  const known = new Set<string>();
  const records: SourceRecord<GeometryOf<K>>[] = features.map((f, i) => {
    const record = i + 1;
    const feature = isObject(f) ? f : {};
    const properties = isObject(feature.properties) ? feature.properties : {};
    const id = keyText(feature.id);
    for (const k of Object.keys(properties)) {
      if (!known.has(k)) fields.push(k);
      known.add(k);
    }
    const texts: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(properties)) texts[k] = keyText(v);
    const g = feature.geometry;
    if (g !== null && g !== undefined && !isObject(g)) {
      throw importError('invalid_geometry', readerMessages.invalidGeometry(fileName, record, id), {
        file: fileName,
        record,
      });
    }
    if (g && !accepted.includes(g.type as string)) {
      const type = typeof g.type === 'string' ? g.type : '?';
      const details = { file: fileName, record, geometryType: type };
      throw kind === 'point'
        ? importError('not_point', readerMessages.notPointGeoJson(fileName, record, type, id), details)
        : importError('not_polygon', readerMessages.notPolygonGeoJson(fileName, record, type, id), details);
    }
    if (g && !Array.isArray(g.coordinates)) {
      throw importError('invalid_geometry', readerMessages.invalidGeometry(fileName, record, id), {
        file: fileName,
        record,
      });
    }
    const geometry = g ? (g as unknown as GeometryOf<K>) : null;
    return { record, geometry, properties: { ...properties }, texts };
  });

  const crsText = legacyCrs(root.crs);
  return { fileName, fields, records, ...(crsText ? { crsText, crsSource: 'crs' as const } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The CRS text of a 2008-style `crs` member (named or EPSG), or undefined. */
function legacyCrs(crs: unknown): string | undefined {
  if (!isObject(crs) || !isObject(crs.properties)) return undefined;
  const p = crs.properties;
  if (crs.type === 'name' && typeof p.name === 'string') return p.name;
  if (crs.type === 'EPSG' && (typeof p.code === 'number' || typeof p.code === 'string'))
    return `EPSG:${p.code}`;
  return JSON.stringify(crs);
}

/**
 * Line and column of a JSON syntax error, from V8's message: either "… at position 123" or
 * `Unexpected token ',', ..."atures": [,]"... is not valid JSON`, whose excerpt shows up to ten
 * characters on either side of the error.
 */
function jsonErrorPlace(text: string, message: string): string {
  if (text.trim() === '') return 'die Datei ist leer';
  if (/end of JSON input/i.test(message)) return 'die Datei endet mitten in einem Wert';
  let pos = -1;
  const at = /position (\d+)/.exec(message);
  const excerpt = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (at) pos = Number(at[1]);
  else if (excerpt) {
    const start = text.indexOf(excerpt[3]!);
    if (start >= 0) pos = excerpt[2] ? start + 10 : start + excerpt[3]!.indexOf(excerpt[1]!);
  }
  if (pos < 0) return 'Syntaxfehler';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `Syntaxfehler in Zeile ${line}, Spalte ${column}`;
}
