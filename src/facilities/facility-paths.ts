/** The files of a facility delivery on disk, as the CLI names them. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { NamedFile } from '../areas/readers/area-file.ts';
import { readerMessages } from '../areas/readers/messages.ts';
import { importError } from '../core/errors.ts';

const SHAPEFILE_PARTS = ['.dbf', '.prj', '.cpg', '.shx'];

/**
 * The paths to read: a single `.shp` with its siblings of the same base name (.dbf, .prj, .cpg,
 * .shx; extension case ignored), otherwise the files as given (a .zip, a GeoJSON, a CSV, or the
 * parts of a shapefile named one by one).
 * @throws `import.file_not_found`
 * @example await facilityPaths(['kitas.shp']) // ['kitas.shp', 'kitas.dbf', 'kitas.prj', …]
 */
export async function facilityPaths(paths: readonly string[]): Promise<string[]> {
  const first = paths[0];
  if (paths.length !== 1 || first === undefined || extname(first).toLowerCase() !== '.shp') {
    await Promise.all(paths.map(requireFile));
    return [...paths];
  }
  await requireFile(first);
  const dir = dirname(first);
  const stem = basename(first, extname(first));
  const siblings = (await readdir(dir)).filter(
    (name) =>
      name !== basename(first) &&
      SHAPEFILE_PARTS.includes(extname(name).toLowerCase()) &&
      basename(name, extname(name)) === stem,
  );
  return [first, ...siblings.sort().map((name) => join(dir, name))];
}

/** The files at `paths` (with a shapefile's siblings) in memory, for `readFacilityFiles`. */
export async function loadFacilityFiles(paths: readonly string[]): Promise<NamedFile[]> {
  return Promise.all((await facilityPaths(paths)).map(load));
}

const notFound = (path: string) =>
  importError('file_not_found', readerMessages.fileNotFound(path), { file: path });

async function requireFile(path: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (!found?.isFile()) throw notFound(path);
}

async function load(path: string): Promise<NamedFile> {
  try {
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw notFound(path);
    throw e;
  }
}
