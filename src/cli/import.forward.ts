/**
 * `lagebild import …` through a running server that holds the database (see forward.ts): the
 * same files and options as multipart uploads to the API routes the web app uses, with the same
 * results and errors as the import in this process.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { AreaLevel, ImportAreasResult } from '../areas/area.schema.ts';
import { readerMessages } from '../areas/readers/messages.ts';
import { importError } from '../core/errors.ts';
import type { MicrodataImportResult } from '../imports/microdata-import.service.ts';
import type { TableImportResult } from '../imports/table-import.service.ts';
import { getJson, postFiles, type LocalServer } from './forward.ts';

function requireFile(path: string): void {
  if (!existsSync(path))
    throw importError('file_not_found', readerMessages.fileNotFound(path), { file: path });
}

/** A `.shp` with its sibling files of the same base name (as readAreaFile collects them). */
async function areaFiles(path: string): Promise<string[]> {
  requireFile(path);
  if (extname(path).toLowerCase() !== '.shp') return [path];
  const dir = dirname(path);
  const stem = basename(path, extname(path));
  const siblings = (await readdir(dir)).filter(
    (name) =>
      name !== basename(path) &&
      ['.dbf', '.prj', '.cpg', '.shx'].includes(extname(name).toLowerCase()) &&
      basename(name, extname(name)) === stem,
  );
  return [path, ...siblings.map((name) => join(dir, name))];
}

export async function forwardAreas(
  server: LocalServer,
  file: string,
  opts: {
    level: string;
    idField?: string;
    nameField?: string;
    parentField?: string;
    crs?: string;
    validFrom?: string;
  },
): Promise<ImportAreasResult> {
  return postFiles(server, '/api/areas/import', { ...opts }, await areaFiles(file));
}

export async function forwardTable(
  server: LocalServer,
  file: string,
  opts: { profile?: string; level?: string; date?: string; dryRun?: boolean },
): Promise<TableImportResult> {
  requireFile(file);
  let level = opts.level;
  if (!level && !opts.profile) {
    // as in this process: the finest level when neither a level nor a profile names one
    const levels = await getJson<AreaLevel[]>(server, '/api/areas/levels');
    level = levels.reduce<AreaLevel | null>((a, l) => (a && a.rank >= l.rank ? a : l), null)?.key;
  }
  return postFiles(
    server,
    '/api/imports/table',
    { level, date: opts.date, profile: opts.profile, dryRun: opts.dryRun ? '1' : undefined },
    [file],
  );
}

export async function forwardMicrodata(
  server: LocalServer,
  file: string,
  opts: { level: string; date: string; ageGroups?: string; crs?: string },
): Promise<MicrodataImportResult> {
  requireFile(file);
  return postFiles(server, '/api/imports/microdata', { ...opts }, [file]);
}
