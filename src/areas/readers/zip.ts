import { unzipSync } from 'fflate';
import { importError } from '../../core/errors.ts';
import type { NamedFile } from './area-file.ts';
import { readerMessages } from './messages.ts';

/**
 * Unpacks a .zip into named files (paths inside the archive), leaving out folders, macOS resource
 * forks (`__MACOSX/`, `._*`) and hidden files, which archives made on a Mac carry along.
 *
 * @throws `import.zip_corrupt` when fflate cannot read the archive
 */
export function unzipFiles(zip: NamedFile): NamedFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.data, {
      filter: (f) => !f.name.endsWith('/') && !/(^|\/)(__MACOSX\/|\.)/.test(f.name),
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw importError('zip_corrupt', readerMessages.zipCorrupt(zip.name, detail), { file: zip.name });
  }
  return Object.entries(entries).map(([name, data]) => ({ name, data }));
}

/** The `import.zip_without_shp` error, listing what the archive holds (for the caller to throw). */
export function zipWithoutShp(zip: NamedFile, entries: readonly NamedFile[]): Error {
  const names = entries.map((e) => e.name);
  return importError('zip_without_shp', readerMessages.zipWithoutShp(zip.name, names), {
    file: zip.name,
    entries: names,
  });
}
