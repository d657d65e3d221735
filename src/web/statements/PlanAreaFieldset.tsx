/**
 * The plan area of a statement: drawn on a map of the level's areas (MapLibre and terra-draw,
 * loaded only then) or read from a GeoJSON file with its coordinate system — the way without a
 * mouse.
 */
import { lazy, Suspense, useId, type ChangeEvent } from 'react';
import { api, messageOf } from '../api.ts';
import { Field, FieldError, type fieldWiring } from '../ui/form-field.tsx';
import { useFetched } from '../ui/useFetched.ts';
import type { PlanAreaSource, StatementDraft } from './statement-draft.ts';
import { sm } from './texts.ts';

const PlanAreaMap = lazy(() => import('./PlanAreaMap.tsx'));

export interface PlanAreaFieldsetProps {
  draft: StatementDraft;
  set: <K extends keyof StatementDraft>(key: K, value: StatementDraft[K]) => void;
  wiring: ReturnType<typeof fieldWiring>;
  tileUrl: string | null;
}

export function PlanAreaFieldset({ draft, set, wiring, tileUrl }: PlanAreaFieldsetProps) {
  const id = useId();
  const geo = useFetched(
    draft.planAreaSource === 'drawn' && draft.level ? `areas#${draft.level}` : null,
    () => api.areas(draft.level),
  );
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    set('planAreaText', await file.text());
    set('planAreaFile', file.name);
  };

  return (
    <fieldset className="statement-plan-area">
      <legend>{sm.fields.planAreaSource}</legend>
      <div className="segmented__options">
        {(['drawn', 'file'] as const satisfies readonly PlanAreaSource[]).map((source) => (
          <label key={source} className="segmented__option">
            <input
              type="radio"
              name={`${id}-plan-area-source`}
              checked={draft.planAreaSource === source}
              onChange={() => set('planAreaSource', source)}
            />
            <span>{sm.fields[source]}</span>
          </label>
        ))}
      </div>
      {draft.planAreaSource === 'drawn' ? (
        <div className={`field${wiring.error('planArea') ? ' field--invalid' : ''}`}>
          <Suspense fallback={<p className="muted">{sm.draw.loading}</p>}>
            {geo.error && (
              <p className="alert" role="alert">
                {messageOf(geo.error)}
              </p>
            )}
            {geo.latest ? (
              <PlanAreaMap
                areas={geo.latest}
                tileUrl={tileUrl}
                value={draft.planAreaDrawn}
                onChange={(polygon) => set('planAreaDrawn', polygon)}
                id={wiring.id('planArea')}
                errorId={wiring.error('planArea') ? `${wiring.id('planArea')}-error` : undefined}
              />
            ) : (
              !geo.error && <p className="muted">{sm.draw.loading}</p>
            )}
          </Suspense>
          <FieldError wiring={wiring} path="planArea" />
        </div>
      ) : (
        <div className="form-grid">
          <Field wiring={wiring} path="planArea" label={sm.fields.planArea} hint={sm.fields.planAreaHint}>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                data-testid="statement-plan-file"
                onChange={(e) => void readFile(e)}
              />
            )}
          </Field>
          <Field wiring={wiring} path="crs" label={sm.fields.crs} hint={sm.fields.crsHint}>
            {(p) => (
              <input {...p} type="text" value={draft.crs} onChange={(e) => set('crs', e.target.value)} />
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}
