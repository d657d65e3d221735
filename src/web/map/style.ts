/**
 * MapLibre styles of the maps: a plain background (no basemap unless the server names a tile URL);
 * for the atlas the areas filled from feature state, hatching for secret values, outlines and a
 * highlight; for maps that draw something else on the areas (facilities, a plan area) the
 * boundaries alone.
 */
import type { AddLayerObject, ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { MAP_BACKGROUND, MISSING_FILL } from './palette.ts';

export const SOURCE = 'areas';
export const FILL_LAYER = 'areas-fill';
export const HATCH_IMAGE = 'secret-hatch';

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

export function baseStyle(tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { basemap: { type: 'raster', tiles: [tileUrl], tileSize: 256, maxzoom: 19 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
      ...(tileUrl
        ? [
            {
              id: 'basemap',
              type: 'raster' as const,
              source: 'basemap',
              paint: { 'raster-saturation': -0.6 },
            },
          ]
        : []),
    ],
  };
}

export function areaLayers(withBasemap: boolean): AddLayerObject[] {
  return [
    {
      id: FILL_LAYER,
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'color'], MISSING_FILL],
        'fill-opacity': withBasemap ? 0.78 : 1,
      },
    },
    {
      id: 'areas-secret',
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': ['case', ['==', ['feature-state', 'status'], 'secret'], withBasemap ? 0.78 : 1, 0],
      },
    },
    {
      id: 'areas-outline',
      type: 'line',
      source: SOURCE,
      paint: {
        'line-color': 'rgba(38, 48, 60, 0.55)',
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 14, 1.4],
      },
    },
    {
      // e.g. an index class that is not robust: a dashed inner outline over the class colour
      id: 'areas-marked',
      type: 'line',
      source: SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#1f2933',
        'line-dasharray': [2, 1.5],
        'line-offset': 1.5,
        'line-width': ['case', state('marked'), 2, 0],
      },
    },
    {
      id: 'areas-highlight',
      type: 'line',
      source: SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), '#0b2540', '#1f2933'],
        'line-width': ['case', state('selected'), 3.5, ['any', state('hover'), state('focus')], 2.5, 0],
      },
    },
  ];
}

/**
 * The areas of `SOURCE` as plain boundaries: a light fill, so what is drawn on top stands out, and
 * an outline. The fill layer has the atlas's id, so browser tests find areas the same way on
 * every map.
 */
export function boundaryLayers(withBasemap: boolean): AddLayerObject[] {
  return [
    {
      id: FILL_LAYER,
      type: 'fill',
      source: SOURCE,
      paint: { 'fill-color': '#ffffff', 'fill-opacity': withBasemap ? 0.35 : 0.85 },
    },
    {
      id: 'areas-outline',
      type: 'line',
      source: SOURCE,
      paint: {
        'line-color': 'rgba(38, 48, 60, 0.6)',
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 14, 1.6],
      },
    },
  ];
}
