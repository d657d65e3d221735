/**
 * The facility map (MapLibre, loaded lazily): the area boundaries of a level, the facilities as
 * points coloured by status, the selected one ringed. While a position is being set (a new
 * facility, a move) a click anywhere puts the red draft point there, and the draft point can be
 * dragged. Without a basemap unless the server names a tile URL, so it works offline.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { AreaCollection } from '../api.ts';
import { createAreaMap, removeAreaMap, webglAvailable } from '../map/create-map.ts';
import { MapFallback } from '../map/MapFallback.tsx';
import { boundaryLayers, SOURCE as AREAS } from '../map/style.ts';
import type { FacilityPointProperties } from './facility-table.ts';
import { DRAFT_COLOR, STATUS_COLORS } from './map-colors.ts';
import { ft } from './texts.ts';

const POINTS = 'facilities';
const DRAFT = 'facility-draft';
const POINT_LAYER = 'facilities-circle';
const DRAFT_LAYER = 'facility-draft-circle';

export interface FacilityMapProps {
  areas: AreaCollection;
  points: FeatureCollection<Point, FacilityPointProperties>;
  /** Identifies what `points` show; set as `data-drawn` once they are on screen. */
  drawKey: string;
  selectedKey: string | null;
  /** Facility highlighted from outside (the table row under the pointer or focus). */
  focusKey: string | null;
  /** The position being set (new facility or move), drawn as the red draft point. */
  draft: { lon: number; lat: number } | null;
  /** A click anywhere sets the draft position (instead of selecting a facility). */
  picking: boolean;
  tileUrl: string | null;
  label: string;
  unit: string;
  onSelect: (key: string) => void;
  onPick: (lon: number, lat: number) => void;
}

const empty: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
const draftData = (draft: FacilityMapProps['draft']): FeatureCollection<Point> =>
  draft
    ? {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [draft.lon, draft.lat] },
            properties: {},
          },
        ],
      }
    : empty;

const state = (name: string) => ['boolean', ['feature-state', name], false] as const;

export default function FacilityMap(props: FacilityMapProps) {
  const { areas, points, drawKey, selectedKey, focusKey, draft, picking, tileUrl, label } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [supported] = useState(webglAvailable);
  const [ready, setReady] = useState(false);
  const [drawn, setDrawn] = useState<string | null>(null);
  const isPicking = useEffectEvent(() => picking);

  const initial = useEffectEvent(() => ({ areas, tileUrl, label }));
  const select = useEffectEvent((key: string) => props.onSelect(key));
  const pick = useEffectEvent((lon: number, lat: number) => props.onPick(lon, lat));
  const describe = useEffectEvent((p: FacilityPointProperties): [string, string] => [
    p.name,
    `${ft.status[p.status]} · ${ft.map.capacity(p.capacity, props.unit)}`,
  ]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !supported) return;
    const start = initial();
    const map = createAreaMap(container, start);
    mapRef.current = map;

    map.on('load', () => {
      map.addSource(AREAS, { type: 'geojson', data: start.areas, promoteId: 'id' });
      map.addSource(POINTS, { type: 'geojson', data: empty, promoteId: 'key' });
      map.addSource(DRAFT, { type: 'geojson', data: empty });
      for (const layer of boundaryLayers(start.tileUrl !== null)) map.addLayer(layer);
      map.addLayer({
        id: POINT_LAYER,
        type: 'circle',
        source: POINTS,
        paint: {
          'circle-color': [
            'match',
            ['get', 'status'],
            'geplant',
            STATUS_COLORS.geplant,
            'geschlossen',
            STATUS_COLORS.geschlossen,
            STATUS_COLORS['in Betrieb'],
          ],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 12, 5, 15, 8],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      });
      map.addLayer({
        id: 'facilities-highlight',
        type: 'circle',
        source: POINTS,
        paint: {
          'circle-opacity': 0,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 8, 12, 10, 15, 13],
          'circle-stroke-color': '#0b2540',
          'circle-stroke-width': ['case', [...state('selected')], 3, [...state('focus')], 2, 0],
        },
      });
      map.addLayer({
        id: DRAFT_LAYER,
        type: 'circle',
        source: DRAFT,
        paint: {
          'circle-color': DRAFT_COLOR,
          'circle-radius': 8,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2.5,
        },
      });
      setReady(true);
    });

    const tooltip = tooltipRef.current;
    const hideTooltip = () => {
      map.getCanvas().style.cursor = isPicking() ? 'crosshair' : '';
      if (tooltip) tooltip.hidden = true;
    };
    map.on('mousemove', POINT_LAYER, (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      if (!feature) return hideTooltip();
      if (!isPicking()) map.getCanvas().style.cursor = 'pointer';
      if (!tooltip) return;
      const [title, text] = describe(feature.properties as FacilityPointProperties);
      tooltip.firstElementChild!.textContent = title;
      tooltip.lastElementChild!.textContent = text;
      tooltip.hidden = false;
      const flip = e.point.x > container.clientWidth - 220;
      tooltip.style.transform = `translate(${e.point.x + (flip ? -12 : 12)}px, ${e.point.y + 12}px)${flip ? ' translateX(-100%)' : ''}`;
    });
    map.on('mouseleave', POINT_LAYER, hideTooltip);

    // Dragging the draft point: the map does not pan meanwhile; the drop sets the position.
    let dragging = false;
    map.on('mousedown', DRAFT_LAYER, (e: MapLayerMouseEvent) => {
      e.preventDefault();
      dragging = true;
      map.getCanvas().style.cursor = 'grabbing';
    });
    map.on('mousemove', (e: MapMouseEvent) => {
      if (!dragging) return;
      void map.getSource<GeoJSONSource>(DRAFT)?.setData(draftData({ lon: e.lngLat.lng, lat: e.lngLat.lat }));
    });
    map.on('mouseup', (e: MapMouseEvent) => {
      if (!dragging) return;
      dragging = false;
      hideTooltip();
      pick(e.lngLat.lng, e.lngLat.lat);
    });
    map.on('click', (e: MapMouseEvent) => {
      if (isPicking()) return pick(e.lngLat.lng, e.lngLat.lat);
      const hit = map.queryRenderedFeatures(e.point, { layers: [POINT_LAYER] })[0];
      if (hit?.properties.key !== undefined) select(String(hit.properties.key));
    });

    return () => {
      mapRef.current = null;
      removeAreaMap(map);
    };
  }, [supported]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void map.getSource<GeoJSONSource>(AREAS)?.setData(areas);
  }, [ready, areas]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void map.getSource<GeoJSONSource>(POINTS)?.setData(points);
    let current = true;
    void map.once('idle', () => {
      if (current) setDrawn(drawKey);
    });
    map.triggerRepaint();
    return () => {
      current = false;
    };
  }, [ready, points, drawKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void map.getSource<GeoJSONSource>(DRAFT)?.setData(draftData(draft));
  }, [ready, draft]);

  // feature state of a point: set again after new points (setData keeps state by key)
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || selectedKey === null) return;
    map.setFeatureState({ source: POINTS, id: selectedKey }, { selected: true });
    return () => {
      if (mapRef.current === map)
        map.setFeatureState({ source: POINTS, id: selectedKey }, { selected: false });
    };
  }, [ready, points, selectedKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || focusKey === null) return;
    map.setFeatureState({ source: POINTS, id: focusKey }, { focus: true });
    return () => {
      if (mapRef.current === map) map.setFeatureState({ source: POINTS, id: focusKey }, { focus: false });
    };
  }, [ready, points, focusKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (map) map.getCanvas().style.cursor = picking ? 'crosshair' : '';
  }, [picking, ready]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label]);

  if (!supported) return <MapFallback />;
  return (
    <div className="atlas-map">
      <div
        ref={containerRef}
        className={`atlas-map__canvas${picking ? ' facility-map--picking' : ''}`}
        data-testid="map"
        data-ready={drawn !== null ? 'true' : 'false'}
        data-drawn={drawn ?? ''}
        data-picking={picking ? 'true' : 'false'}
      />
      <div ref={tooltipRef} className="map-tooltip" aria-hidden="true" hidden>
        <strong />
        <span />
      </div>
    </div>
  );
}
