/**
 * One way to create a map of the city's areas, shared by every map of the web app: MapLibre
 * without a basemap unless the server names a tile URL (so it works offline), the worker from our
 * own origin, the territory in view, no rotation or pitch, German control labels, and the instance
 * exposed to automated browsers for the browser tests.
 */
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AreaCollection } from '../api.ts';
import { t } from '../texts.ts';
import { collectionBounds } from './bounds.ts';
import { baseStyle } from './style.ts';

declare global {
  interface Window {
    /** The map instance, exposed only to automated browsers (navigator.webdriver) for tests. */
    __lagebildMap?: MapLibreMap;
  }
}

// The worker is served from our own origin (no blob: or CDN), see vite.config.ts.
setWorkerUrl(workerUrl);

/** Padding around the territory when it is fitted into the map, px. */
const PADDING = 24;

export interface AreaMapOptions {
  /** The areas whose bounds are shown first (and again on resize until the user moves the map). */
  areas: AreaCollection;
  /** A raster basemap's tile URL, or null for none. */
  tileUrl: string | null;
  /** Accessible name of the map canvas. */
  label: string;
}

/** True when the browser can draw WebGL, which MapLibre needs. */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * Creates the map in `container` with the base style (background, basemap if any) and the zoom
 * buttons; the caller adds its sources and layers on `load` and calls {@link removeAreaMap}.
 * @example const map = createAreaMap(div, { areas, tileUrl: null, label: 'Karte der Gebiete' });
 */
export function createAreaMap(
  container: HTMLElement,
  { areas, tileUrl, label }: AreaMapOptions,
): MapLibreMap {
  const bounds = collectionBounds(areas);
  const map = new MapLibreMap({
    container,
    style: baseStyle(tileUrl),
    bounds: bounds ?? undefined,
    fitBoundsOptions: { padding: PADDING },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    renderWorldCopies: false,
    fadeDuration: 0,
    locale: {
      'Map.Title': label,
      'NavigationControl.ZoomIn': t.map.zoomIn,
      'NavigationControl.ZoomOut': t.map.zoomOut,
      'NavigationControl.ResetBearing': t.map.resetBearing,
    },
  });
  if (navigator.webdriver) window.__lagebildMap = map;
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.touchZoomRotate.disableRotation();

  // Keep the whole territory in view when the map changes size (side panel, window), until the
  // user has moved the map themselves.
  let userMoved = false;
  map.on('movestart', (e: { originalEvent?: Event }) => {
    if (e.originalEvent) userMoved = true;
  });
  map.on('resize', () => {
    if (!userMoved && bounds) map.fitBounds(bounds, { padding: PADDING, animate: false });
  });
  return map;
}

/** Removes a map made by {@link createAreaMap}, and its test hook if it is the exposed one. */
export function removeAreaMap(map: MapLibreMap): void {
  if (window.__lagebildMap === map) delete window.__lagebildMap;
  map.remove();
}
