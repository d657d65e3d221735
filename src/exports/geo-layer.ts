/**
 * Indicator values joined to the areas' geometries as one feature layer, the common input of
 * the GeoJSON, Shapefile and GeoPackage writers. Geometries are the stored full-detail GeoJSON in
 * WGS84 longitude/latitude (EPSG:4326, see db/migrations/001_foundation.sql).
 *
 * Attribute fields, in this order (Zähler and Nenner only for those who see counts):
 *
 * | field              | Shapefile (.dbf, ≤ 10 ASCII characters) | type                   |
 * | ------------------ | --------------------------------------- | ---------------------- |
 * | `Gebietsschlüssel` | `Schluessel`                            | text                   |
 * | `Gebiet`           | `Gebiet`                                | text                   |
 * | `Wert`             | `Wert`                                  | number, empty if none  |
 * | `Status`           | `Status`                                | text (`STATUS_LABEL`)  |
 * | `Zähler`           | `Zaehler`                               | number                 |
 * | `Nenner`           | `Nenner`                                | number                 |
 * | `Stichtag`         | `Stichtag`                              | date                   |
 * | `Quelle`           | `Quelle`                                | text                   |
 *
 * The value column is `Wert` rather than the indicator's name: GIS styles and scripts then work on
 * every indicator's file, and the dBASE limit of 10 characters would cut the names anyway. The
 * layer's title (GeoPackage identifier, GeoJSON description) and its name say what the value is.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Indicator, IndicatorValues } from '../indicators/indicator.schema.ts';
import { sourceText, statusLabel, STATUS_LABEL, valueHeader } from './values-export.ts';

export type GeoFieldType = 'text' | 'real' | 'date';

export interface GeoField {
  /** Name in GeoJSON and GeoPackage. */
  name: string;
  /** Name in the dBASE table of a Shapefile: at most 10 ASCII characters. */
  short: string;
  type: GeoFieldType;
}

/** A field's value: text, a number, an ISO date (`2024-12-31`) for `date` fields, or none. */
export type GeoValue = string | number | null;

export interface GeoFeature {
  geometry: Polygon | MultiPolygon;
  /** One value per field, in field order. */
  values: GeoValue[];
}

export interface GeoLayer {
  /** Layer, table and file name: ASCII letters, digits and `_`, e.g. `sgb2_quote_sozialraum_20241231`. */
  name: string;
  /** What the layer shows, e.g. `SGB-II-Quote (%) – Sozialraum – Stichtag 31.12.2024`. */
  title: string;
  /** Source and meaning of the status, for the GeoPackage description. */
  description: string;
  fields: GeoField[];
  features: GeoFeature[];
}

const field = (name: string, short: string, type: GeoFieldType): GeoField => ({ name, short, type });

/** An identifier that every GIS and SQL accepts unquoted: `[A-Za-z0-9_]`, not starting with a digit. */
export const layerName = (...parts: string[]) =>
  parts
    .join('_')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^(?=\d)/, 'l_');

const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The layer of one indicator on one level at one Stichtag: every area with a geometry, in the
 * order of `geometries`, with its value from `values` (an area without a value row gets `fehlt`).
 */
export function valuesLayer(
  ind: Indicator,
  values: IndicatorValues,
  geometries: readonly { key: string; name: string; geometry: Polygon | MultiPolygon }[],
  opts: { withCounts: boolean; levelName: string },
): GeoLayer {
  const fields = [
    field('Gebietsschlüssel', 'Schluessel', 'text'),
    field('Gebiet', 'Gebiet', 'text'),
    field('Wert', 'Wert', 'real'),
    field('Status', 'Status', 'text'),
    ...(opts.withCounts ? [field('Zähler', 'Zaehler', 'real'), field('Nenner', 'Nenner', 'real')] : []),
    field('Stichtag', 'Stichtag', 'date'),
    field('Quelle', 'Quelle', 'text'),
  ];
  const byKey = new Map(values.values.map((v) => [v.id, v]));
  const source = sourceText(ind.source);
  const features = geometries.map((g): GeoFeature => {
    const v = byKey.get(g.key);
    return {
      geometry: g.geometry,
      values: [
        g.key,
        g.name,
        v?.value ?? null,
        statusLabel(v?.status ?? 'missing'),
        ...(opts.withCounts ? [v?.numerator ?? null, v?.denominator ?? null] : []),
        values.date,
        source,
      ],
    };
  });
  const legend = Object.values(STATUS_LABEL).join(', ');
  return {
    name: layerName(ind.key, values.level, values.date.replace(/-/g, '')),
    title: `${valueHeader(ind)} – ${opts.levelName} – Stichtag ${germanDate(values.date)}`,
    description: `Quelle: ${source}. Spalte Wert: ${valueHeader(ind)}; Status: ${legend} (geheim = aus Gründen der Geheimhaltung nicht veröffentlicht).`,
    fields,
    features,
  };
}

/**
 * GeoJSON (RFC 7946): longitude/latitude in WGS84, no `crs` member. `name` and `description` are
 * foreign members that GDAL (and so QGIS) reads as the layer's name and description.
 */
export function layerToGeojson(layer: GeoLayer): FeatureCollection & { name: string; description: string } {
  return {
    type: 'FeatureCollection',
    name: layer.name,
    description: `${layer.title}. ${layer.description}`,
    features: layer.features.map((f) => ({
      type: 'Feature',
      properties: Object.fromEntries(layer.fields.map((fd, i) => [fd.name, f.values[i] ?? null])),
      geometry: f.geometry,
    })),
  };
}
