import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { importError } from '../../core/errors.ts';
import type { AreaFile, NamedFile, ReadAreaOptions } from './area-file.ts';
import { readerMessages } from './messages.ts';
import { readAreaFiles } from './read-area-files.ts';

/**
 * Reads an area file from disk (CLI: `lagebild areas import <file>`). For a `.shp`, the sibling
 * files with the same base name (.dbf, .prj, .cpg, .shx; extension case ignored, as Windows
 * exports mix `.SHP` and `.dbf`) are collected; .zip and GeoJSON are read alone.
 *
 * @throws `import.file_not_found`, and everything `readAreaFiles` throws
 * @example await readAreaFile('../shared/data/koeln-stadtteile/Stadtteil.shp', { idField: 'STT_NR' })
 */
export async function readAreaFile(path: string, opts: ReadAreaOptions = {}): Promise<AreaFile> {
  const main = await load(path);
  if (extname(path).toLowerCase() !== '.shp') return readAreaFiles([main], opts);

  const dir = dirname(path);
  const stem = basename(path, extname(path));
  const siblings = (await readdir(dir)).filter((name) => {
    const ext = extname(name).toLowerCase();
    return (
      name !== main.name &&
      ['.dbf', '.prj', '.cpg', '.shx'].includes(ext) &&
      basename(name, extname(name)) === stem
    );
  });
  const others = await Promise.all(siblings.map((name) => load(join(dir, name))));
  return readAreaFiles([main, ...others], opts);
}

async function load(path: string): Promise<NamedFile> {
  try {
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') {
      throw importError('file_not_found', readerMessages.fileNotFound(path), { file: path });
    }
    throw e;
  }
}
