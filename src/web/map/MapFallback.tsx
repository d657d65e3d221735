import { t } from '../texts.ts';

/**
 * What a map shows where WebGL is missing: a note in its place, marked as never ready for the
 * browser tests. `text` says where the same content can be found instead.
 */
export function MapFallback({ text = t.map.webglError }: { text?: string }) {
  return (
    <div className="map-fallback" role="note" data-testid="map" data-ready="false">
      {text}
    </div>
  );
}
