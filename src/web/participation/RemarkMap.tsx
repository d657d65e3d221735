/**
 * The map of „Hinweis geben“ (MapLibre, loaded lazily): the city's areas as boundaries and the
 * resident's point as a red marker. A click anywhere puts the point there and names the area under
 * it; the page keeps a list of the areas beside it as the way without a mouse.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { AreaCollection } from '../api.ts';
import { createAreaMap, removeAreaMap, webglAvailable } from '../map/create-map.ts';
import { MapFallback } from '../map/MapFallback.tsx';
import { boundaryLayers, FILL_LAYER, SOURCE } from '../map/style.ts';
import { rt } from './texts.ts';

const MARKER = 'remark-point';
const MARKER_COLOR = '#c0241b';

export interface RemarkMapProps {
  areas: AreaCollection;
  tileUrl: string | null;
  point: { lon: number; lat: number } | null;
  /** A click on the map: the point, and the key of the area under it (null outside every area). */
  onPick: (lon: number, lat: number, area: string | null) => void;
  /** Ids of the help text and of the status line that describe the map. */
  describedBy: string;
}

const pointData = (point: RemarkMapProps['point']): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: point
    ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lon, point.lat] }, properties: {} }]
    : [],
});

export default function RemarkMap({ areas, tileUrl, point, onPick, describedBy }: RemarkMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [supported] = useState(webglAvailable);
  const [ready, setReady] = useState(false);
  const initial = useEffectEvent(() => ({ areas, tileUrl, point, describedBy }));
  const pick = useEffectEvent((lon: number, lat: number, area: string | null) => onPick(lon, lat, area));

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !supported) return;
    const start = initial();
    const map = createAreaMap(container, { areas: start.areas, tileUrl: start.tileUrl, label: rt.mapLabel });
    mapRef.current = map;
    map.getCanvas().setAttribute('aria-describedby', start.describedBy);
    map.getCanvas().style.cursor = 'crosshair';
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: start.areas, promoteId: 'id' });
      map.addSource(MARKER, { type: 'geojson', data: pointData(start.point) });
      for (const layer of boundaryLayers(start.tileUrl !== null)) map.addLayer(layer);
      map.addLayer({
        id: `${MARKER}-circle`,
        type: 'circle',
        source: MARKER,
        paint: {
          'circle-color': MARKER_COLOR,
          'circle-radius': 9,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      });
      void map.once('idle', () => setReady(true));
    });
    map.on('click', (e: MapMouseEvent) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: [FILL_LAYER] })[0];
      pick(e.lngLat.lng, e.lngLat.lat, hit?.id === undefined ? null : String(hit.id));
    });
    return () => {
      mapRef.current = null;
      removeAreaMap(map);
    };
  }, [supported]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void map.getSource<GeoJSONSource>(MARKER)?.setData(pointData(point));
    // a point chosen from the list may lie outside the part of the city in view
    if (point && !map.getBounds().contains([point.lon, point.lat])) map.panTo([point.lon, point.lat]);
  }, [ready, point]);

  if (!supported) return <MapFallback text={rt.mapFallback} />;
  return (
    <div
      ref={containerRef}
      className="atlas-map__canvas"
      data-testid="map"
      data-ready={ready ? 'true' : 'false'}
      data-point={point ? 'true' : 'false'}
    />
  );
}
