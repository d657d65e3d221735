import type { Point, Position } from 'geojson';
import { importError } from '../../core/errors.ts';
import type { GeometryKind, GeometryOf } from './area-file.ts';
import { readerMessages } from './messages.ts';
import { assembleRings } from './rings.ts';

/** One shape record: 1-based number and geometry in source coordinates (null for a null shape). */
export type ShpRecord<G> = { record: number; geometry: G | null };

export type ShpFile<G> = { shapeType: number; records: ShpRecord<G>[] };

const SHAPE_TYPES: Record<GeometryKind, Set<number>> = {
  area: new Set([5, 15, 25]), // Polygon, PolygonZ, PolygonM
  point: new Set([1, 11, 21]), // Point, PointZ, PointM
};

type Corrupt = (detail: string, record?: number) => Error;

/**
 * Reads the polygons (or, for `kind` `point`, the points) of a .shp file, strictly.
 *
 * Layout after the ESRI Shapefile Technical Description (1998): a 100-byte header (file code 9994,
 * file length in 16-bit words, shape type), then records of an 8-byte big-endian header (number,
 * content length) and little-endian content. Z and M values are ignored.
 *
 * Written instead of using `shapefile` (mbostock) because that package skips over damaged records
 * and stops silently at a cut-off end; here every inconsistency — a file shorter than its header
 * says, a record running past the end, part indices out of range — is reported with the record.
 *
 * @throws `import.shp_corrupt` (file and record named), `import.not_polygon` for points and lines
 *   (`import.not_point` for polygons and lines when points are read)
 */
export function parseShp<K extends GeometryKind = 'area'>(
  data: Uint8Array,
  fileName: string,
  kind: K = 'area' as K,
): ShpFile<GeometryOf<K>> {
  const corrupt = (detail: string, record?: number) =>
    importError('shp_corrupt', readerMessages.shpCorrupt(fileName, detail), { file: fileName, record });
  if (data.length < 100) throw corrupt(`sie ist nur ${data.length} Bytes lang, der Dateikopf allein hat 100`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getInt32(0, false) !== 9994) throw corrupt('der Dateikopf ist keiner Shapefile-Datei (.shp)');
  const declared = view.getInt32(24, false) * 2;
  const shapeType = view.getInt32(32, true);
  if (shapeType !== 0 && !SHAPE_TYPES[kind].has(shapeType)) throw wrongShape(kind, fileName, shapeType);
  const truncated = data.length < declared;
  const end = Math.min(declared, data.length);

  const records: ShpRecord<GeometryOf<K>>[] = [];
  for (let offset = 100, record = 1; offset < end; record++) {
    if (offset + 12 > end) throw corrupt(cutMessage(declared, data.length, record), record);
    const length = view.getInt32(offset + 4, false) * 2;
    if (length < 4) throw corrupt(`Datensatz ${record} hat eine ungültige Länge (${length} Bytes)`, record);
    if (offset + 8 + length > end) {
      throw corrupt(
        truncated
          ? cutMessage(declared, data.length, record)
          : `Datensatz ${record} reicht über das Dateiende hinaus`,
        record,
      );
    }
    const content = new DataView(data.buffer, data.byteOffset + offset + 8, length);
    const geometry =
      kind === 'point'
        ? readPoint(content, fileName, record, corrupt)
        : readPolygon(content, fileName, record, corrupt);
    records.push({ record, geometry: geometry as GeometryOf<K> | null });
    offset += 8 + length;
  }
  if (truncated) throw corrupt(cutMessage(declared, data.length, records.length + 1), records.length + 1);
  return { shapeType, records };
}

const cutMessage = (declared: number, actual: number, record: number) =>
  `sie ist abgeschnitten (laut Dateikopf ${declared} Bytes, vorhanden ${actual} Bytes); ` +
  `ab Datensatz ${record} fehlen die Geometrien`;

function wrongShape(kind: GeometryKind, fileName: string, shapeType: number, record?: number) {
  return kind === 'point'
    ? importError('not_point', readerMessages.notPointShp(fileName, shapeType, record), {
        file: fileName,
        record,
        shapeType,
      })
    : importError('not_polygon', readerMessages.notPolygonShp(fileName, shapeType, record), {
        file: fileName,
        record,
        shapeType,
      });
}

/** A Point, PointZ or PointM record: shape type, then x and y (Z and M follow, ignored). */
function readPoint(content: DataView, fileName: string, record: number, corrupt: Corrupt): Point | null {
  const type = content.getInt32(0, true);
  if (type === 0) return null;
  if (!SHAPE_TYPES.point.has(type)) throw wrongShape('point', fileName, type, record);
  if (content.byteLength < 20) throw corrupt(`Datensatz ${record} ist zu kurz`, record);
  return { type: 'Point', coordinates: [content.getFloat64(4, true), content.getFloat64(12, true)] };
}

function readPolygon(content: DataView, fileName: string, record: number, corrupt: Corrupt) {
  const type = content.getInt32(0, true);
  if (type === 0) return null;
  if (!SHAPE_TYPES.area.has(type)) throw wrongShape('area', fileName, type, record);
  if (content.byteLength < 44) throw corrupt(`Datensatz ${record} ist zu kurz`, record);
  const numParts = content.getInt32(36, true);
  const numPoints = content.getInt32(40, true);
  const pointsAt = 44 + 4 * numParts;
  if (numParts < 0 || numPoints < 0 || pointsAt + 16 * numPoints > content.byteLength) {
    throw corrupt(
      `Datensatz ${record}: ${numParts} Teile mit ${numPoints} Punkten passen nicht in den Datensatz`,
      record,
    );
  }
  const starts: number[] = [];
  for (let i = 0; i < numParts; i++) {
    const start = content.getInt32(44 + 4 * i, true);
    if (start < 0 || start >= numPoints || (i > 0 && start <= starts[i - 1]!) || (i === 0 && start !== 0)) {
      throw corrupt(`Datensatz ${record}: die Teile-Tabelle ist ungültig`, record);
    }
    starts.push(start);
  }
  const rings: Position[][] = starts.map((start, i) => {
    const stop = starts[i + 1] ?? numPoints;
    const ring: Position[] = [];
    for (let p = start; p < stop; p++) {
      const o = pointsAt + 16 * p;
      ring.push([content.getFloat64(o, true), content.getFloat64(o + 8, true)]);
    }
    return ring;
  });
  return assembleRings(rings);
}
