/**
 * Drawing the plan area on a map of the city's areas (MapLibre with terra-draw, loaded lazily):
 * the planner clicks the corners, a click on the first one closes the polygon, and the closed
 * polygon stays selected so its corners can be dragged, added (the points on its edges) or
 * removed. One polygon at a time; clearing starts a new one. Drawing needs a pointer, so the
 * page keeps the file upload beside it as the way without a mouse.
 */
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import {
  TerraDraw,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { AreaCollection } from '../api.ts';
import { createAreaMap, removeAreaMap, webglAvailable } from '../map/create-map.ts';
import { MapFallback } from '../map/MapFallback.tsx';
import { boundaryLayers, SOURCE } from '../map/style.ts';
import { drawnPolygon } from './statement-draft.ts';
import { sm } from './texts.ts';

export interface PlanAreaMapProps {
  /** The areas shown under the drawing (those the statement will name as affected). */
  areas: AreaCollection;
  tileUrl: string | null;
  /** The drawn polygon, lon/lat; drawn again when the map is opened anew. */
  value: Polygon | null;
  onChange: (polygon: Polygon | null) => void;
  /** Id of the map's frame, the target of the error summary's link. */
  id: string;
  /** Id of the error message, if any, that describes the map. */
  errorId?: string;
}

const PLAN_COLOR = '#b4451f';
const PLAN_OUTLINE = '#7a2a10';

// the plan area keeps its orange while drawn and while edited, so the two states look alike
const polygonStyles = {
  fillColor: PLAN_COLOR,
  fillOpacity: 0.3,
  outlineColor: PLAN_OUTLINE,
  outlineWidth: 2.5,
  closingPointColor: PLAN_OUTLINE,
  closingPointWidth: 6,
  closingPointOutlineColor: '#ffffff',
  closingPointOutlineWidth: 2,
} as const;

const selectStyles = {
  selectedPolygonColor: PLAN_COLOR,
  selectedPolygonFillOpacity: 0.3,
  selectedPolygonOutlineColor: PLAN_OUTLINE,
  selectedPolygonOutlineWidth: 2.5,
  selectionPointColor: PLAN_OUTLINE,
  selectionPointWidth: 6,
  selectionPointOutlineColor: '#ffffff',
  selectionPointOutlineWidth: 2,
  midPointColor: '#ffffff',
  midPointOutlineColor: PLAN_OUTLINE,
  midPointWidth: 4,
  midPointOutlineWidth: 1.5,
} as const;

/** A rejected corner would make the ring cross itself, which the server refuses as an area. */
const validation = (feature: GeoJSONStoreFeatures) => ValidateNotSelfIntersecting(feature);

function createDraw(map: MapLibreMap): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({ validation, styles: polygonStyles }),
      new TerraDrawSelectMode({
        allowManualDeselection: false,
        // no Delete or Escape on the canvas: the polygon is removed only through the page's button,
        // so the form always knows whether there is one
        keyEvents: null,
        styles: selectStyles,
        flags: {
          polygon: {
            feature: {
              validation,
              coordinates: { draggable: true, midpoints: true, deletable: true },
            },
          },
        },
      }),
    ],
  });
}

/** Corners of a polygon's outer ring (the closing point not counted twice). */
const corners = (polygon: Polygon) => Math.max(0, (polygon.coordinates[0]?.length ?? 1) - 1);

export default function PlanAreaMap({ areas, tileUrl, value, onChange, id, errorId }: PlanAreaMapProps) {
  const helpId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const drawRef = useRef<TerraDraw | null>(null);
  const [supported] = useState(webglAvailable);
  const [ready, setReady] = useState(false);

  const initial = useEffectEvent(() => ({ areas, tileUrl, value }));
  const change = useEffectEvent((polygon: Polygon | null) => onChange(polygon));

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !supported) return;
    const start = initial();
    const map = createAreaMap(container, {
      areas: start.areas,
      tileUrl: start.tileUrl,
      label: sm.draw.label,
    });
    mapRef.current = map;
    map.getCanvas().setAttribute('aria-describedby', helpId);
    let draw: TerraDraw | null = null;

    const edit = (featureId: string | number) => {
      draw?.setMode('select');
      draw?.selectFeature(featureId);
    };
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: start.areas, promoteId: 'id' });
      for (const layer of boundaryLayers(start.tileUrl !== null)) map.addLayer(layer);
      draw = createDraw(map);
      drawRef.current = draw;
      draw.start();
      draw.setMode('polygon');
      if (start.value) {
        const featureId = draw.getFeatureId();
        const [result] = draw.addFeatures([
          { id: featureId, type: 'Feature', geometry: start.value, properties: { mode: 'polygon' } },
        ]);
        if (result?.valid) edit(featureId);
      }
      draw.on('finish', (featureId) => {
        if (!draw) return;
        const snapshot = draw.getSnapshot();
        // one plan area: a newly closed polygon replaces the one before
        const others = snapshot.filter((f) => f.id !== featureId && f.geometry.type === 'Polygon');
        if (others.length > 0) draw.removeFeatures(others.map((f) => f.id!));
        change(drawnPolygon(snapshot.filter((f) => f.id === featureId)));
        if (draw.getMode() !== 'select') edit(featureId);
      });
      void map.once('idle', () => setReady(true));
    });

    return () => {
      mapRef.current = null;
      drawRef.current = null;
      if (draw?.enabled) draw.stop();
      removeAreaMap(map);
    };
  }, [supported, helpId]);

  // Another level: its areas under the drawing.
  useEffect(() => {
    if (ready) void mapRef.current?.getSource<GeoJSONSource>(SOURCE)?.setData(areas);
  }, [ready, areas]);

  const clear = () => {
    const draw = drawRef.current;
    if (draw) {
      draw.clear();
      draw.setMode('polygon');
    }
    onChange(null);
    mapRef.current?.getCanvas().focus();
  };

  if (!supported) return <MapFallback text={sm.draw.webglError} />;
  return (
    <div className="plan-area-map">
      <p id={helpId} className="field__hint">
        {sm.draw.help}
      </p>
      <div
        className="plan-area-map__frame"
        id={id}
        tabIndex={-1}
        aria-describedby={errorId}
        data-testid="plan-area-map"
      >
        <div
          ref={containerRef}
          className="atlas-map__canvas"
          data-testid="map"
          data-ready={ready ? 'true' : 'false'}
        />
      </div>
      <div className="plan-area-map__status">
        <p role="status" data-testid="plan-area-status">
          {value ? sm.draw.drawn(corners(value)) : sm.draw.none}
        </p>
        <button type="button" className="button" disabled={!value} onClick={clear}>
          {sm.draw.clear}
        </button>
      </div>
    </div>
  );
}
