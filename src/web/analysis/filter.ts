/**
 * Filters of the atlas (pure): by value range of the current indicator and by parent area
 * (district). Filtered-out areas are greyed on the map and left out of charts and tables.
 */
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import type { AreaStyle } from '../map/choropleth.ts';
import { isShown } from '../map/choropleth.ts';
import type { AnalysisView } from './view-params.ts';

/** Fill of filtered-out areas: close to the map background, so the remaining areas stand out. */
export const FILTERED_FILL = '#e4e7eb';

/**
 * The areas that pass the filters, or null when nothing is filtered (all areas). With a value
 * range, areas without a shown value (secret, missing) do not pass: nobody can say they are in it.
 * @param parentOf parent area key of every area (from the level's GeoJSON)
 */
export function visibleAreas(
  values: readonly Pick<IndicatorValue, 'id' | 'value' | 'status'>[],
  parentOf: ReadonlyMap<string, string | null>,
  view: Pick<AnalysisView, 'min' | 'max' | 'parents'>,
): Set<string> | null {
  const { min, max, parents } = view;
  if (min === null && max === null && parents.length === 0) return null;
  const inParents = new Set(parents);
  const out = new Set<string>();
  for (const v of values) {
    if (inParents.size && !inParents.has(parentOf.get(v.id) ?? '')) continue;
    if (min !== null || max !== null) {
      if (!isShown(v)) continue;
      if (min !== null && v.value < min) continue;
      if (max !== null && v.value > max) continue;
    }
    out.add(v.id);
  }
  return out;
}

/** Map styles with every area outside `visible` greyed (the same map when nothing is filtered). */
export function dimStyles(
  styles: ReadonlyMap<string, AreaStyle>,
  visible: ReadonlySet<string> | null,
): ReadonlyMap<string, AreaStyle> {
  if (!visible) return styles;
  const out = new Map<string, AreaStyle>();
  for (const [id, style] of styles)
    // status 'missing': no secret hatching over a greyed area
    out.set(id, visible.has(id) ? style : { color: FILTERED_FILL, cls: null, status: 'missing' });
  return out;
}

/** Smallest and largest shown value (for the filter's hints), or null. */
export function valueExtent(
  values: readonly Pick<IndicatorValue, 'value' | 'status'>[],
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (isShown(v)) {
      lo = Math.min(lo, v.value);
      hi = Math.max(hi, v.value);
    }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A number typed the German way (decimal comma, optional thousands dots) or with a decimal point.
 * @returns the number; null for an empty field; undefined when it is not a number
 * @example parseGermanNumber('1.234,5') // 1234.5
 */
export function parseGermanNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  return /^[-+−]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal.replace('−', '-')) : undefined;
}
