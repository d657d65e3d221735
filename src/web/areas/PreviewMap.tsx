import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { AREA_FILL, PROBLEM_FILL, type PreviewMap as PreviewMapData } from './preview-map.ts';
import { at } from './texts.ts';

// The atlas map (MapLibre with its worker from our own origin), in its own chunk, fetched as soon
// as this page's code is: no basemap, the areas as a GeoJSON source, fitted to their bounds.
const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);

interface PreviewMapProps {
  map: PreviewMapData;
  /** Number of the preview: a new one gets a new map, fitted to its areas. */
  run: number;
  label: string;
  /** Map id (record number) of the area to outline, or null. */
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The readable areas of a preview, those with a problem in another colour, with a legend. */
export function PreviewMap({ map, run, label, selectedId, onSelect }: PreviewMapProps) {
  const describe = (id: string): [string, string] | null => {
    const f = map.byId.get(id);
    return f ? [f.name, at.keyOf(f.key)] : null;
  };
  return (
    <>
      <ul className="area-import__legend" aria-label={at.mapLegend}>
        <li>
          <span className="swatch" style={{ background: AREA_FILL }} aria-hidden="true" /> {at.legendArea}
        </li>
        <li>
          <span className="swatch" style={{ background: PROBLEM_FILL }} aria-hidden="true" />{' '}
          {at.legendProblem}
        </li>
      </ul>
      <div className="map-frame area-import__map">
        <ErrorBoundary fallback={<div className="map-placeholder">{at.mapFailed}</div>}>
          <Suspense fallback={<div className="map-placeholder">{at.mapLoading}</div>}>
            <AtlasMap
              key={run}
              areas={map.collection}
              styles={map.styles}
              drawKey={String(run)}
              selectedId={selectedId}
              focusId={null}
              tileUrl={null}
              label={label}
              describe={describe}
              onSelect={onSelect}
            />
          </Suspense>
        </ErrorBoundary>
      </div>
    </>
  );
}
