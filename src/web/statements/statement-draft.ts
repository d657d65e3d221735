/**
 * The statement form as the planner fills it in, and its check before anything is sent: the plan
 * area drawn on the map or from an uploaded GeoJSON file, the dwellings as rows of type, count and
 * year. Problems are German and name the field, as the server's are; the server checks again (CRS,
 * geometry).
 */
import type { Geometry, Polygon } from 'geojson';
import type { CreateStatementBody } from './statement-api.ts';

export interface DwellingDraft {
  type: string;
  count: string;
  year: string;
}

/** Where the plan area comes from: drawn on the map, or an uploaded file. */
export type PlanAreaSource = 'drawn' | 'file';

export interface StatementDraft {
  name: string;
  planNumber: string;
  planAreaSource: PlanAreaSource;
  /** The polygon drawn on the map, lon/lat (WGS84); null until one is closed. */
  planAreaDrawn: Polygon | null;
  /** The plan area file's text (GeoJSON); empty until a file is chosen. */
  planAreaText: string;
  planAreaFile: string;
  crs: string;
  dwellings: DwellingDraft[];
  profile: string;
  level: string;
  notes: string;
}

export const emptyDraft = (profile: string, level: string, year: number): StatementDraft => ({
  name: '',
  planNumber: '',
  planAreaSource: 'drawn',
  planAreaDrawn: null,
  planAreaText: '',
  planAreaFile: '',
  crs: '',
  dwellings: [{ type: 'mfh', count: '', year: String(year) }],
  profile,
  level,
  notes: '',
});

const PLAN_TYPES = new Set(['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection']);

/** The GeoJSON of a plan area file, or the German reason it is not one. */
export function parsePlanArea(
  text: string,
  fileName: string,
): { ok: true; value: CreateStatementBody['planArea'] } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `„${fileName}“ ist keine GeoJSON-Datei (kein gültiges JSON).` };
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !PLAN_TYPES.has(type))
    return {
      ok: false,
      message: `„${fileName}“ enthält kein Polygon: erwartet wird ein GeoJSON-Polygon, -MultiPolygon, -Feature oder eine FeatureCollection.`,
    };
  return { ok: true, value: value as CreateStatementBody['planArea'] };
}

/**
 * The plan area of what was drawn on the map: the last closed polygon, without the drawing
 * tool's properties; null when no polygon is closed yet (a ring needs three corners and its
 * closing point).
 * @example drawnPolygon([{ geometry: { type: 'Polygon', coordinates: [[[7, 51], [7.1, 51], [7.1, 51.1], [7, 51]]] } }])
 */
export function drawnPolygon(features: readonly { geometry: Geometry | null }[]): Polygon | null {
  for (let i = features.length - 1; i >= 0; i--) {
    const geometry = features[i]?.geometry;
    const ring = geometry?.type === 'Polygon' ? geometry.coordinates[0] : undefined;
    if (geometry?.type === 'Polygon' && ring && ring.length >= 4)
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map((p) => [...p])) };
  }
  return null;
}

/** The plan area of a draft: the drawn polygon, or the parsed file; else the German problem. */
function planAreaOf(
  draft: StatementDraft,
): { ok: true; value: CreateStatementBody['planArea'] } | { ok: false; message: string } {
  if (draft.planAreaSource === 'drawn')
    return draft.planAreaDrawn
      ? { ok: true, value: { type: 'Polygon', coordinates: draft.planAreaDrawn.coordinates } }
      : {
          ok: false,
          message:
            'Bitte das Plangebiet auf der Karte zeichnen und mit einem Klick auf den ersten Punkt schließen – oder eine Datei hochladen.',
        };
  if (!draft.planAreaText)
    return { ok: false, message: 'Bitte eine Datei mit dem Plangebiet (GeoJSON) wählen.' };
  return parsePlanArea(draft.planAreaText, draft.planAreaFile || 'Plangebiet');
}

const wholeNumber = (text: string): number | null => {
  const t = text.trim().replace(/\./g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
};

/**
 * The request body of a draft, or the problems by field path (`name`, `planArea`,
 * `dwellings.0.count` …) for the error summary.
 */
export function statementBody(
  draft: StatementDraft,
): { ok: true; body: CreateStatementBody } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = 'Bitte den Namen des Plans angeben.';
  const parsed = planAreaOf(draft);
  const planArea = parsed.ok ? parsed.value : null;
  if (!parsed.ok) errors.planArea = parsed.message;
  const dwellings: CreateStatementBody['dwellings'] = [];
  draft.dwellings.forEach((d, i) => {
    const count = wholeNumber(d.count);
    const year = wholeNumber(d.year);
    if (count === null)
      errors[`dwellings.${i}.count`] = `Zeile ${i + 1}: Wohneinheiten als ganze Zahl angeben.`;
    if (year === null || year < 1900 || year > 2200)
      errors[`dwellings.${i}.year`] = `Zeile ${i + 1}: Jahr des Erstbezugs vierstellig angeben, z. B. 2028.`;
    if (count !== null && year !== null) dwellings.push({ type: d.type, count, year });
  });
  if (draft.dwellings.length === 0)
    errors.dwellings = 'Bitte mindestens eine Zeile mit Wohneinheiten angeben.';
  else if (
    !Object.keys(errors).some((k) => k.startsWith('dwellings.')) &&
    dwellings.every((d) => d.count === 0)
  )
    errors.dwellings = 'Zusammen müssen es mehr als null Wohneinheiten sein.';
  if (Object.keys(errors).length > 0 || !planArea) return { ok: false, errors };
  // a drawn area is always lon/lat, whatever was typed for a file before
  const crs = draft.planAreaSource === 'file' ? draft.crs.trim() : '';
  return {
    ok: true,
    body: {
      name: draft.name.trim(),
      ...(draft.planNumber.trim() ? { planNumber: draft.planNumber.trim() } : {}),
      planArea,
      ...(crs ? { crs } : {}),
      dwellings,
      ...(draft.profile ? { profile: draft.profile } : {}),
      ...(draft.level ? { level: draft.level } : {}),
      ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    },
  };
}
