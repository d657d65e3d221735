/**
 * Typed calls of the area tools (src/areas/area.routes.ts, area-tools.routes.ts): levels, the
 * upload preview, the import and deriving a parent level. Types come from the server's zod
 * schemas (type imports only).
 */
import type { AreaLevel, ImportAreasFields, ImportAreasResult } from '../../areas/area.schema.ts';
import type { DeriveLevelBody } from '../../areas/derive/derive.schema.ts';
import type { DeriveLevelResult } from '../../areas/derive/derive.service.ts';
import type { AreaPreview, PreviewProblem } from '../../areas/preview/preview.schema.ts';
import type { ReadAreaOptions } from '../../areas/readers/area-file.ts';
import { request } from '../api.ts';

export type {
  AreaLevel,
  AreaPreview,
  DeriveLevelBody,
  DeriveLevelResult,
  ImportAreasFields,
  ImportAreasResult,
  PreviewProblem,
  ReadAreaOptions,
};

/** The files as one multipart body, the text fields first (empty ones left out). */
function uploadForm(files: readonly File[], fields: Partial<Record<string, string>>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.set(name, value);
  for (const file of files) form.append('file', file, file.name);
  return form;
}

export const areasApi = {
  /** Every level, coarse to fine, with its number of current areas (also levels still empty). */
  levels: () => request<AreaLevel[]>('GET', '/api/areas/levels'),
  /** Reads the files as the import would, without saving; problems are listed, not thrown. */
  preview: (files: readonly File[], options: ReadAreaOptions) =>
    request<AreaPreview>('POST', '/api/areas/preview', uploadForm(files, options)),
  /** Stores the areas as the level's new Gebietsstand (a new level is created). */
  importAreas: (files: readonly File[], fields: ImportAreasFields) =>
    request<ImportAreasResult>('POST', '/api/areas/import', uploadForm(files, fields)),
  derive: (body: DeriveLevelBody) => request<DeriveLevelResult>('POST', '/api/areas/derive', body),
};
