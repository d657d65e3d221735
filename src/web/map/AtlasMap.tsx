/**
 * The choropleth map (MapLibre, loaded lazily in its own chunk). Geometry is set once per level;
 * switching indicator or year only writes feature state, so the map is never rebuilt.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { AreaCollection } from '../api.ts';
import type { AreaStyle } from './choropleth.ts';
import { MISSING_FILL } from './palette.ts';
import { createAreaMap, removeAreaMap, webglAvailable } from './create-map.ts';
import { hatchPattern } from './hatch.ts';
import { MapFallback } from './MapFallback.tsx';
import { areaLayers, FILL_LAYER, HATCH_IMAGE, SOURCE } from './style.ts';

export interface AtlasMapProps {
  /** Areas of the current level. */
  areas: AreaCollection;
  /** Colours per area id, or null while the values for these areas are loading. */
  styles: ReadonlyMap<string, AreaStyle> | null;
  /** Identifies what `styles` show (indicator, year, level); set as `data-drawn` once rendered. */
  drawKey: string | null;
  selectedId: string | null;
  /** Area highlighted from outside, e.g. the focused table row. */
  focusId: string | null;
  /** Areas outlined with a dashed line, e.g. those whose index class is not robust. */
  marked?: ReadonlySet<string> | null;
  tileUrl: string | null;
  /** Accessible name of the map canvas. */
  label: string;
  /** Two lines (name, value) for the hover tooltip. */
  describe: (id: string) => [string, string] | null;
  /** A click on an area; `additive` with Ctrl, Cmd or Shift held (add to a selection). */
  onSelect: (id: string, additive?: boolean) => void;
  /** The area under the pointer, or null when the pointer leaves the areas. */
  onHover?: (id: string | null) => void;
  /** Called with `drawKey` once those colours are on screen. */
  onDrawn?: (drawKey: string) => void;
}

export default function AtlasMap(props: AtlasMapProps) {
  const { areas, styles, drawKey, selectedId, focusId, marked, tileUrl, label } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const appliedAreas = useRef<AreaCollection | null>(null);
  const [supported] = useState(webglAvailable);
  const [ready, setReady] = useState(false);
  const [drawn, setDrawn] = useState<string | null>(null);

  const initial = useEffectEvent(() => ({ areas, tileUrl, label }));
  const select = useEffectEvent((id: string, additive: boolean) => props.onSelect(id, additive));
  const hoverCallback = useEffectEvent((id: string | null) => props.onHover?.(id));
  const describe = useEffectEvent((id: string) => props.describe(id));
  const drawnCallback = useEffectEvent((key: string) => props.onDrawn?.(key));

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !supported) return;
    const start = initial();
    const map = createAreaMap(container, start);
    mapRef.current = map;

    map.on('load', () => {
      map.addImage(HATCH_IMAGE, hatchPattern());
      map.addSource(SOURCE, { type: 'geojson', data: start.areas, promoteId: 'id' });
      appliedAreas.current = start.areas;
      for (const layer of areaLayers(start.tileUrl !== null)) map.addLayer(layer);
      setReady(true);
    });

    let hovered: string | number | null = null;
    const tooltip = tooltipRef.current;
    const clearHover = () => {
      if (hovered !== null && map.getSource(SOURCE))
        map.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      if (hovered !== null) hoverCallback(null);
      hovered = null;
      map.getCanvas().style.cursor = '';
      if (tooltip) tooltip.hidden = true;
    };
    map.on('mousemove', FILL_LAYER, (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.id;
      if (id === undefined) return clearHover();
      if (id !== hovered) {
        clearHover();
        hovered = id;
        map.setFeatureState({ source: SOURCE, id }, { hover: true });
        hoverCallback(String(id));
      }
      map.getCanvas().style.cursor = 'pointer';
      const lines = describe(String(id));
      if (tooltip && lines) {
        const [title, value] = lines;
        tooltip.firstElementChild!.textContent = title;
        tooltip.lastElementChild!.textContent = value;
        tooltip.hidden = false;
        const flip = e.point.x > container.clientWidth - 220;
        tooltip.style.transform = `translate(${e.point.x + (flip ? -12 : 12)}px, ${e.point.y + 12}px)${flip ? ' translateX(-100%)' : ''}`;
      }
    });
    map.on('mouseleave', FILL_LAYER, clearHover);
    map.on('click', FILL_LAYER, (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.id;
      const { ctrlKey, metaKey, shiftKey } = e.originalEvent;
      if (id !== undefined) select(String(id), ctrlKey || metaKey || shiftKey);
    });

    return () => {
      mapRef.current = null;
      appliedAreas.current = null;
      removeAreaMap(map);
    };
  }, [supported]);

  // New level: new geometry, old feature state dropped.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || appliedAreas.current === areas) return;
    map.removeFeatureState({ source: SOURCE });
    void map.getSource<GeoJSONSource>(SOURCE)?.setData(areas);
    appliedAreas.current = areas;
  }, [ready, areas]);

  // New indicator or year: recolour through feature state only.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !styles || drawKey === null) return;
    for (const feature of areas.features) {
      const id = feature.properties.id;
      const style = styles.get(id);
      map.setFeatureState(
        { source: SOURCE, id },
        style ? { color: style.color, status: style.status } : { color: MISSING_FILL, status: 'missing' },
      );
    }
    let current = true;
    void map.once('idle', () => {
      if (!current) return;
      // for the benchmark and browser tests: when the colours of a selection were on screen
      performance.mark('lagebild:drawn', { detail: drawKey });
      setDrawn(drawKey);
      drawnCallback(drawKey);
    });
    map.triggerRepaint();
    return () => {
      current = false;
    };
  }, [ready, areas, styles, drawKey]);

  // Selection and keyboard focus outline.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || selectedId === null) return;
    map.setFeatureState({ source: SOURCE, id: selectedId }, { selected: true });
    return () => {
      if (mapRef.current === map)
        map.setFeatureState({ source: SOURCE, id: selectedId }, { selected: false });
    };
  }, [ready, areas, selectedId]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || focusId === null) return;
    map.setFeatureState({ source: SOURCE, id: focusId }, { focus: true });
    return () => {
      if (mapRef.current === map) map.setFeatureState({ source: SOURCE, id: focusId }, { focus: false });
    };
  }, [ready, areas, focusId]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !marked?.size) return;
    for (const id of marked) map.setFeatureState({ source: SOURCE, id }, { marked: true });
    return () => {
      if (mapRef.current !== map) return;
      for (const id of marked) map.setFeatureState({ source: SOURCE, id }, { marked: false });
    };
  }, [ready, areas, marked]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label]);

  if (!supported) return <MapFallback />;
  return (
    <div className="atlas-map">
      <div
        ref={containerRef}
        className="atlas-map__canvas"
        data-testid="map"
        data-ready={drawn !== null ? 'true' : 'false'}
        data-drawn={drawn ?? ''}
      />
      <div ref={tooltipRef} className="map-tooltip" aria-hidden="true" hidden>
        <strong />
        <span />
      </div>
    </div>
  );
}
