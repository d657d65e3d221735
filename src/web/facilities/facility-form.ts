/**
 * The facility form as text fields, checked before anything is sent: the body of a new facility,
 * or the changes of an existing one (only what differs from its open version).
 */
import type { CreateFacilityBody, Facility, FacilityType, UpdateFacilityBody } from './facility-api.ts';
import { ft } from './texts.ts';

export interface FacilityDraft {
  name: string;
  carrier: string;
  /** Capacity as typed, German decimal comma allowed; empty: not known. */
  capacity: string;
  address: string;
  validFrom: string;
  lon: string;
  lat: string;
  /** The type's capacity parts as typed, by key (`plaetze_u3`); empty: not known. */
  parts: Record<string, string>;
}

/** A field of the form with one text; the parts are addressed as `parts.<key>`. */
export type DraftField = Exclude<keyof FacilityDraft, 'parts'>;

/** The capacity parts of a type (`FacilityType.capacityParts`). */
export type CapacityParts = FacilityType['capacityParts'];

/** Problems by field path: a `DraftField` or `parts.<key>`. */
export type DraftProblems = Record<string, string>;

const numberText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value).replace('.', ',');

/** Six decimals of a degree: about 10 cm, as the server rounds stored coordinates. */
export const coordinateText = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/** An empty form for a new facility of a type with these capacity parts, from `today`. */
export const emptyDraft = (today: string, parts: CapacityParts = []): FacilityDraft => ({
  name: '',
  carrier: '',
  capacity: '',
  address: '',
  validFrom: today,
  lon: '',
  lat: '',
  parts: Object.fromEntries(parts.map((p) => [p.key, ''])),
});

/** The form of an existing facility's version, with the change from `today`. */
export const draftOf = (f: Facility, today: string, parts: CapacityParts = []): FacilityDraft => ({
  name: f.name,
  carrier: f.carrier ?? '',
  capacity: numberText(f.capacity),
  address: f.address ?? '',
  validFrom: today,
  lon: coordinateText(f.lon),
  lat: coordinateText(f.lat),
  parts: Object.fromEntries(parts.map((p) => [p.key, numberText(f.parts[p.key])])),
});

/**
 * A number typed the German or the English way (`1.234,5`, `1234.5`); NaN when it is none.
 * @example parseNumber('1.234,5') // 1234.5
 */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return Number.NaN;
  const normalised = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The position of a draft, or null while it has none. */
export function draftPosition(draft: FacilityDraft): { lon: number; lat: number } | null {
  const lon = parseNumber(draft.lon);
  const lat = parseNumber(draft.lat);
  return Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;
}

/** The problem of an optional amount as typed (capacity, a part), if any. */
function amountProblem(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const amount = parseNumber(text);
  if (!Number.isFinite(amount)) return ft.form.number;
  return amount < 0 ? ft.form.negative : undefined;
}

/** German messages by field for what the server would refuse; empty when the draft is fine. */
export function draftProblems(draft: FacilityDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.name.trim()) problems.name = ft.form.required;
  const capacity = amountProblem(draft.capacity);
  if (capacity) problems.capacity = capacity;
  for (const [key, text] of Object.entries(draft.parts)) {
    const problem = amountProblem(text);
    if (problem) problems[`parts.${key}`] = problem;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom)) problems.validFrom = ft.form.date;
  const lon = parseNumber(draft.lon);
  const lat = parseNumber(draft.lat);
  if (!draft.lon.trim() && !draft.lat.trim()) problems.lon = ft.form.noPosition;
  else {
    if (!Number.isFinite(lon)) problems.lon = ft.form.number;
    else if (lon < -180 || lon > 180) problems.lon = ft.form.lonRange;
    if (!Number.isFinite(lat)) problems.lat = ft.form.number;
    else if (lat < -90 || lat > 90) problems.lat = ft.form.latRange;
  }
  return problems;
}

const text = (value: string): string | null => value.trim() || null;
const amountOf = (typed: string): number | null => (typed.trim() ? parseNumber(typed) : null);
const capacityOf = (draft: FacilityDraft): number | null => amountOf(draft.capacity);

/** The body of POST /api/facilities (the draft must have no problems). */
export function createBody(type: string, draft: FacilityDraft): CreateFacilityBody {
  const parts = Object.entries(draft.parts).filter(([, typed]) => typed.trim());
  return {
    type,
    name: draft.name.trim(),
    capacity: capacityOf(draft),
    ...(parts.length ? { parts: Object.fromEntries(parts.map(([k, typed]) => [k, amountOf(typed)])) } : {}),
    carrier: text(draft.carrier),
    address: text(draft.address),
    lon: parseNumber(draft.lon),
    lat: parseNumber(draft.lat),
    validFrom: draft.validFrom,
  };
}

/**
 * The body of PATCH /api/facilities/:id: the fields that differ from the open version, with the
 * day the change holds from; null when nothing differs.
 */
export function changeBody(open: Facility, draft: FacilityDraft): UpdateFacilityBody | null {
  const body: UpdateFacilityBody = {};
  const name = draft.name.trim();
  if (name !== open.name) body.name = name;
  const capacity = capacityOf(draft);
  if (capacity !== open.capacity) body.capacity = capacity;
  const parts = Object.entries(draft.parts)
    .map(([key, typed]) => [key, amountOf(typed)] as const)
    .filter(([key, amount]) => amount !== (open.parts[key] ?? null));
  if (parts.length) body.parts = Object.fromEntries(parts);
  if (text(draft.carrier) !== open.carrier) body.carrier = text(draft.carrier);
  if (text(draft.address) !== open.address) body.address = text(draft.address);
  const lon = parseNumber(draft.lon);
  const lat = parseNumber(draft.lat);
  // the form shows rounded coordinates: only a real move is a change
  if (coordinateText(lon) !== coordinateText(open.lon) || coordinateText(lat) !== coordinateText(open.lat)) {
    body.lon = lon;
    body.lat = lat;
  }
  return Object.keys(body).length ? { ...body, validFrom: draft.validFrom } : null;
}
