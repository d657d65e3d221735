/**
 * Facilities of a type at a date as files: GeoJSON (points in WGS84) and German CSV (`;`, decimal
 * comma, UTF-8 with BOM, as the values export). The fields are German, and named so that the
 * facility import recognises them again (Nummer, Name, Kapazität, Träger, Adresse, lon, lat); the
 * type's capacity parts follow the unit under their keys (`plaetze_u3`), as a delivery names them.
 */
import type { Db } from '../db/db.ts';
import { csvField, neutraliseCell } from '../core/csv-cell.ts';
import type { Facility, FacilityType } from './facility.schema.ts';
import { listFacilities, requireType, today } from './facility.service.ts';

export type FacilityExportFormat = 'geojson' | 'csv';

export interface FacilityExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

const HEADER = [
  'Nummer',
  'Name',
  'Art',
  'Kapazität',
  'Einheit',
  'Träger',
  'Adresse',
  'lon',
  'lat',
  'Gebiet',
  'Status',
  'gültig ab',
  'gültig bis',
] as const;

/** The header: the fixed fields with the type's capacity parts after the unit. */
function header(type: FacilityType): string[] {
  const unit = HEADER.indexOf('Einheit') + 1;
  return [...HEADER.slice(0, unit), ...type.capacityParts.map((p) => p.key), ...HEADER.slice(unit)];
}

/** The German fields of one facility, in the order of the CSV header (without lon, lat). */
function fields(f: Facility, type: FacilityType) {
  return {
    Nummer: f.key,
    Name: f.name,
    Art: type.name,
    Kapazität: f.capacity,
    Einheit: type.capacityUnit,
    ...Object.fromEntries(type.capacityParts.map((p) => [p.key, f.parts[p.key] ?? null])),
    Träger: f.carrier,
    Adresse: f.address,
    Gebiet: f.area,
    Status: f.status,
    'gültig ab': f.validFrom,
    'gültig bis': f.validTo,
  };
}

/**
 * GeoJSON FeatureCollection (RFC 7946: WGS84, lon before lat); one point per facility.
 * @example facilitiesToGeojson([kita], kitaType).features[0].properties.Nummer // '01010010'
 */
export function facilitiesToGeojson(facilities: readonly Facility[], type: FacilityType) {
  return {
    type: 'FeatureCollection' as const,
    features: facilities.map((f) => ({
      type: 'Feature' as const,
      id: f.key,
      geometry: { type: 'Point' as const, coordinates: [f.lon, f.lat] },
      properties: fields(f, type),
    })),
  };
}

/** A number with decimal comma, no grouping, up to `digits` decimals. */
const german = (n: number, digits: number) =>
  n.toLocaleString('de-DE', { maximumFractionDigits: digits, useGrouping: false });

/**
 * German CSV, one row per facility.
 * @example facilitiesToCsv([kita], kitaType) // '\uFEFFNummer;Name;Art;Kapazität;…\r\n01010010;Kita F.A.I.R.play;…'
 */
export function facilitiesToCsv(facilities: readonly Facility[], type: FacilityType): string {
  const text = (s: string | null) => (s === null ? '' : csvField(neutraliseCell(s)));
  const number = (n: number | null) => (n === null ? '' : german(n, 2));
  const lines = [header(type).map(text).join(';')];
  for (const f of facilities) {
    const v = fields(f, type);
    lines.push(
      [
        text(v.Nummer),
        text(v.Name),
        text(v.Art),
        number(v.Kapazität),
        text(v.Einheit),
        ...type.capacityParts.map((p) => number(f.parts[p.key] ?? null)),
        text(v.Träger),
        text(v.Adresse),
        german(f.lon, 7),
        german(f.lat, 7),
        text(v.Gebiet),
        v.Status,
        v['gültig ab'] ?? '',
        v['gültig bis'] ?? '',
      ].join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The facilities of `type` as listed at `date` (default today) as a file. */
export async function exportFacilities(
  db: Db,
  opts: { type: string; date?: string | undefined; format: FacilityExportFormat },
): Promise<FacilityExportFile> {
  const type = await requireType(db, opts.type);
  const date = opts.date ?? today();
  const facilities = await listFacilities(db, { type: opts.type, date });
  const base = `einrichtungen-${type.key}-${date}`;
  return opts.format === 'csv'
    ? {
        fileName: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: facilitiesToCsv(facilities, type),
      }
    : {
        fileName: `${base}.geojson`,
        contentType: 'application/geo+json',
        body: JSON.stringify(facilitiesToGeojson(facilities, type)),
      };
}
