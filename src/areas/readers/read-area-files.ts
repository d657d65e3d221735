import { createHash } from 'node:crypto';
import { importError } from '../../core/errors.ts';
import type {
  AreaFile,
  GeometryKind,
  GeometryOf,
  NamedFile,
  ReadAreaOptions,
  SourceTable,
} from './area-file.ts';
import { buildAreas } from './build-areas.ts';
import { readGeoJson } from './geojson.ts';
import { readerMessages } from './messages.ts';
import { readShapefileSet } from './shapefile-set.ts';
import { unzipFiles, zipWithoutShp } from './zip.ts';

const extOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const baseOf = (name: string): string => name.replace(/\.[^./\\]+$/, '').toLowerCase();
const isJson = (f: NamedFile) => ['geojson', 'json'].includes(extOf(f.name));
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Reads an uploaded area file into WGS84 areas with keys, names and ellipsoidal areas.
 *
 * Accepts a shapefile set (.shp and .dbf required; .prj, .cpg, .shx used when present; siblings
 * matched by base name, extension case ignored), a .zip holding one shapefile set (or one GeoJSON),
 * or a GeoJSON FeatureCollection (.geojson/.json). Other files (.sbn, .qmd, .xml …) are ignored.
 *
 * @param files the uploaded files (names with extension)
 * @param opts field choice and CRS override (see `ReadAreaOptions`)
 * @returns the areas in file order; `fileHash` is the SHA-256 of the .shp, .zip or .geojson
 * @throws LagebildError `import.*` naming file, record and problem
 * @example await readAreaFiles([{ name: 'gebiete.zip', data }], { idField: 'STT_NR' })
 */
export function readAreaFiles(files: readonly NamedFile[], opts: ReadAreaOptions = {}): Promise<AreaFile> {
  return Promise.resolve().then(() => readSync(files, opts));
}

function readSync(files: readonly NamedFile[], opts: ReadAreaOptions): AreaFile {
  const { table, main } = readSourceTable(files);
  const areaFile = buildAreas(table, opts, sha256(main.data));
  // messages inside a zip name the entry, the result names the uploaded archive
  return extOf(main.name) === 'zip' ? { ...areaFile, fileName: main.name } : areaFile;
}

/**
 * The records of the uploaded files before field choice and reprojection (the preview reads
 * them to report every problem instead of stopping at the first).
 *
 * @param kind `point` reads point files (facilities) through the same formats
 * @throws the same file-level `import.*` errors as `readAreaFiles`
 */
export function readSourceTable<K extends GeometryKind = 'area'>(
  files: readonly NamedFile[],
  kind: K = 'area' as K,
): { table: SourceTable<GeometryOf<K>>; main: NamedFile } {
  if (files.length === 0) throw importError('no_files', readerMessages.noFiles());
  const shps = files.filter((f) => extOf(f.name) === 'shp');
  const zips = files.filter((f) => extOf(f.name) === 'zip');
  const jsons = files.filter(isJson);
  const mains = [...shps, ...zips, ...jsons];
  if (mains.length > 1) {
    const names = mains.map((f) => f.name);
    throw importError('multiple_main_files', readerMessages.multipleMain(names), { files: names });
  }
  const main = mains[0];
  if (!main) return failWithoutMain(files);
  if (shps.length === 1) return { table: shapefileTable(main, files, '', kind), main };
  if (jsons.length === 1) return { table: readGeoJson(main.data, main.name, kind), main };
  return { table: tableInZip(main, unzipFiles(main), kind), main };
}

function tableInZip<K extends GeometryKind>(
  zip: NamedFile,
  entries: readonly NamedFile[],
  kind: K,
): SourceTable<GeometryOf<K>> {
  const prefix = `${zip.name}/`;
  const shps = entries.filter((f) => extOf(f.name) === 'shp');
  const jsons = entries.filter(isJson);
  if (shps.length > 1 || (shps.length === 0 && jsons.length > 1)) {
    const names = (shps.length > 1 ? shps : jsons).map((f) => prefix + f.name);
    throw importError('multiple_main_files', readerMessages.multipleMain(names), {
      file: zip.name,
      files: names,
    });
  }
  if (shps[0]) return shapefileTable(shps[0], entries, prefix, kind);
  if (jsons[0]) return readGeoJson(jsons[0].data, prefix + jsons[0].name, kind);
  throw zipWithoutShp(zip, entries);
}

/** The .shp and its siblings of the same base name (same folder inside a zip). */
function shapefileTable<K extends GeometryKind>(
  shp: NamedFile,
  files: readonly NamedFile[],
  prefix: string,
  kind: K,
): SourceTable<GeometryOf<K>> {
  const base = baseOf(shp.name);
  const sibling = (ext: string) => files.find((f) => extOf(f.name) === ext && baseOf(f.name) === base);
  const set = {
    shp,
    ...optional('dbf', sibling('dbf')),
    ...optional('prj', sibling('prj')),
    ...optional('cpg', sibling('cpg')),
    ...optional('shx', sibling('shx')),
  };
  return readShapefileSet(set, prefix, kind);
}

const optional = <K extends string>(key: K, file: NamedFile | undefined) =>
  (file ? { [key]: file } : {}) as Partial<Record<K, NamedFile>>;

function failWithoutMain(files: readonly NamedFile[]): never {
  const dbf = files.find((f) => extOf(f.name) === 'dbf');
  if (dbf) throw importError('shp_missing', readerMessages.shpMissing(dbf.name), { file: dbf.name });
  const names = files.map((f) => f.name);
  throw importError('unsupported_file', readerMessages.unsupported(names), { files: names });
}
