/**
 * Typed calls of the facility routes (src/facilities/facility.routes.ts): types, the facilities at
 * a date, the versions of one facility, creating, changing and closing one, the import and the
 * export links. Types come from the server's zod schemas (type imports only). Nothing is cached:
 * every edit changes what the next read returns.
 */
import type {
  CreateFacilityBody,
  Facility,
  FacilityStatus,
  FacilityType,
  ImportFacilitiesResult,
  UpdateFacilityBody,
} from '../../facilities/facility.schema.ts';
import { q, request } from '../api.ts';

export type {
  CreateFacilityBody,
  Facility,
  FacilityStatus,
  FacilityType,
  ImportFacilitiesResult,
  UpdateFacilityBody,
};

/** One problem of a refused or accepted import (row and field as the server names them). */
export interface FacilityProblem {
  row: number | null;
  field: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** The optional fields of an upload (`ImportFacilitiesFields` on the server). */
export interface FacilityImportFields {
  type: string;
  validFrom?: string;
  closeMissing?: boolean;
  idField?: string;
  nameField?: string;
  capacityField?: string;
  carrierField?: string;
  xField?: string;
  yField?: string;
  crs?: string;
}

function importForm(files: readonly File[], fields: FacilityImportFields): FormData {
  const form = new FormData();
  const { closeMissing, ...text } = fields;
  for (const [name, value] of Object.entries(text)) if (value) form.set(name, value);
  if (closeMissing) form.set('closeMissing', '1');
  for (const file of files) form.append('file', file, file.name);
  return form;
}

export const facilityApi = {
  types: () => request<FacilityType[]>('GET', '/api/facility-types'),
  /** Each facility of the type as it is at the date, with its status. */
  list: (type: string, date: string) => request<Facility[]>('GET', `/api/facilities?${q({ type, date })}`),
  /** Every version of the facility `id` belongs to, oldest first. */
  versions: (id: number) => request<Facility[]>('GET', `/api/facilities/${id}/versions`),
  create: (body: CreateFacilityBody) => request<Facility>('POST', '/api/facilities', body),
  /** A new version from `validFrom` (the open version `id` ends there). */
  change: (id: number, body: UpdateFacilityBody) => request<Facility>('PATCH', `/api/facilities/${id}`, body),
  close: (id: number, validTo: string) =>
    request<Facility>('POST', `/api/facilities/${id}/close`, { validTo }),
  import: (files: readonly File[], fields: FacilityImportFields) =>
    request<ImportFacilitiesResult>('POST', '/api/facilities/import', importForm(files, fields)),
};

/** Addresses of the exports the browser downloads itself. */
export const facilityDownloads = {
  export: (type: string, date: string, format: 'geojson' | 'csv') =>
    `/api/facilities/export?${q({ type, date, format })}`,
};
