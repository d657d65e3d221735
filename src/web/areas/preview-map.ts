/**
 * The preview's areas in the form the atlas map draws (AtlasMap): one feature per readable record,
 * identified by its record number (keys may be empty or repeated in a file with problems), filled
 * in one colour, those with a problem in another.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection } from '../api.ts';
import type { AreaStyle } from '../map/choropleth.ts';
import type { AreaPreview } from './api.ts';

/** Fill of a readable area (ColorBrewer Blues). */
export const AREA_FILL = '#9ecae1';
/** Fill of an area with a problem (ColorBrewer RdBu, red end): stands out from the blue. */
export const PROBLEM_FILL = '#f4a582';

export type PreviewFeature = AreaPreview['geojson']['features'][number]['properties'];

export interface PreviewMap {
  collection: AreaCollection;
  styles: Map<string, AreaStyle>;
  /** The preview's feature properties by map id (the record number as text). */
  byId: Map<string, PreviewFeature>;
}

/**
 * @example previewMap(preview).byId.get('3')?.key // '103'
 */
export function previewMap(preview: AreaPreview): PreviewMap {
  const styles = new Map<string, AreaStyle>();
  const byId = new Map<string, PreviewFeature>();
  const features = preview.geojson.features.map((f) => {
    const id = String(f.properties.record);
    byId.set(id, f.properties);
    styles.set(id, { color: f.properties.problem ? PROBLEM_FILL : AREA_FILL, cls: null, status: 'value' });
    return {
      type: 'Feature' as const,
      id,
      properties: { id, name: f.properties.name, parent: f.properties.parent, level: '' },
      // the server builds them as RFC 7946 polygons; its schema only says "array"
      geometry: f.geometry as Polygon | MultiPolygon,
    };
  });
  return { collection: { type: 'FeatureCollection', features }, styles, byId };
}
