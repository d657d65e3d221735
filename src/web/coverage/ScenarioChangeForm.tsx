import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import { api, messageOf, type AppConfig } from '../api.ts';
import { coordinateText, parseNumber } from '../facilities/facility-form.ts';
import { facilityApi, type FacilityType } from '../facilities/facility-api.ts';
import { facilityPoints } from '../facilities/facility-table.ts';
import { fieldWiring, Field } from '../ui/form-field.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { t } from '../texts.ts';
import { coverageApi, type Scenario } from './coverage-api.ts';
import {
  changeInput,
  emptyChange,
  type ChangeDraft,
  type ChangeField,
  type ChangeKind,
} from './scenario-draft.ts';
import { st } from './texts.ts';

const FacilityMap = lazy(() => import('../facilities/FacilityMap.tsx'));

type Level = AppConfig['levels'][number];

interface ScenarioChangeFormProps {
  scenarios: readonly Scenario[];
  types: readonly FacilityType[];
  levels: readonly Level[];
  defaultLevel: string;
  tileUrl: string | null;
  today: string;
  onAdded: (scenario: Scenario, what: string) => void;
  describe: (change: NonNullable<ReturnType<typeof changeInput>['change']>) => string;
}

const KINDS: ChangeKind[] = ['opening', 'closure', 'capacity', 'quarter'];

/** One planned change for a scenario: an opening at a point, a closure, a capacity change or a residential quarter. */
export function ScenarioChangeForm(props: ScenarioChangeFormProps) {
  const { scenarios, types, levels, defaultLevel, tileUrl, today } = props;
  const id = useId();
  const [target, setTarget] = useState<string | null>(null);
  const [draft, setDraft] = useState<ChangeDraft>(() => emptyChange(types[0]?.key ?? 'kita', defaultLevel));
  const [problems, setProblems] = useState<Partial<Record<ChangeField, string>>>({});
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scenario = scenarios.find((s) => s.name === target) ?? scenarios.at(-1);
  const wiring = fieldWiring(id, problems);
  const type = types.find((x) => x.key === draft.type);
  const unit = type?.capacityUnit ?? '';

  const needsFacilities = draft.kind === 'closure' || draft.kind === 'capacity' || draft.kind === 'opening';
  const facilities = useFetched(needsFacilities ? `scenario-facilities#${draft.type}#${today}` : null, () =>
    facilityApi.list(draft.type, today),
  );
  const open = useMemo(
    () => (facilities.latest ?? []).filter((f) => f.status !== 'geschlossen'),
    [facilities.latest],
  );
  const areaLevel = draft.kind === 'quarter' ? draft.level : defaultLevel;
  const geo = useFetched(`scenario-areas#${areaLevel}`, () => api.areas(areaLevel));
  const areaOptions = useMemo(
    () =>
      [...(geo.latest?.features ?? [])]
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [geo.latest],
  );
  const points = useMemo(() => facilityPoints(open), [open]);

  const set = (field: ChangeField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!scenario) return;
    const { change, problems: found } = changeInput(draft);
    setProblems(found);
    if (!change) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await coverageApi.addChanges(scenario.name, [change]);
      props.onAdded(saved, props.describe(change));
      setDraft((d) => ({ ...emptyChange(d.type, d.level), kind: d.kind }));
      setPicking(false);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const E = st.change;
  const lon = parseNumber(draft.lon);
  const lat = parseNumber(draft.lat);
  const draftPoint = Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;

  return (
    <form
      className="scenario-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="scenario-change-form"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{E.title}</h2>
      {Object.keys(problems).length > 0 && (
        <p className="alert" role="alert">
          {E.invalid}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="scenario-form__grid">
        <div className="field">
          <label htmlFor={`${id}-scenario`}>{E.scenario}</label>
          <select
            id={`${id}-scenario`}
            value={scenario?.name ?? ''}
            onChange={(e) => setTarget(e.target.value)}
          >
            {scenarios.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{E.kind}</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(e) => {
              setProblems({});
              setPicking(false);
              set('kind', e.target.value);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {st.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {draft.kind !== 'quarter' && (
          <div className="field">
            <label htmlFor={`${id}-type`}>{E.type}</label>
            <select
              id={`${id}-type`}
              value={draft.type}
              onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value, facility: '' }))}
            >
              {types.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field wiring={wiring} path="validFrom" label={E.validFrom} hint={E.validFromHint}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.validFrom}
              onChange={(e) => set('validFrom', e.target.value)}
            />
          )}
        </Field>
      </div>

      {draft.kind === 'opening' && (
        <>
          <div className="scenario-form__grid">
            <Field wiring={wiring} path="name" label={E.name}>
              {(p) => (
                <input
                  {...p}
                  value={draft.name}
                  maxLength={300}
                  onChange={(e) => set('name', e.target.value)}
                />
              )}
            </Field>
            <Field wiring={wiring} path="capacity" label={E.capacity(unit)}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.capacity}
                  onChange={(e) => set('capacity', e.target.value)}
                />
              )}
            </Field>
            <Field wiring={wiring} path="properties" label={E.properties} hint={E.propertiesHint}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={draft.properties}
                  spellCheck={false}
                  onChange={(e) => set('properties', e.target.value)}
                />
              )}
            </Field>
            <Field wiring={wiring} path="lon" label={E.lon}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.lon}
                  onChange={(e) => set('lon', e.target.value)}
                />
              )}
            </Field>
            <Field wiring={wiring} path="lat" label={E.lat}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.lat}
                  onChange={(e) => set('lat', e.target.value)}
                />
              )}
            </Field>
          </div>
          <p className="field__hint" id={`${id}-pick-hint`}>
            {E.pickHint}
          </p>
          <p>
            <button
              type="button"
              className="button"
              aria-pressed={picking}
              aria-describedby={`${id}-pick-hint`}
              onClick={() => setPicking((x) => !x)}
            >
              {picking ? E.picking : E.pick}
            </button>
          </p>
          <div className="scenario-map">
            <div className="map-frame">
              {geo.latest ? (
                <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                  <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                    <FacilityMap
                      areas={geo.latest}
                      points={points}
                      drawKey={`${draft.type}|${open.length}`}
                      selectedKey={null}
                      focusKey={null}
                      draft={draftPoint}
                      picking={picking}
                      tileUrl={tileUrl}
                      label={E.pickHint}
                      unit={unit}
                      onSelect={() => undefined}
                      onPick={(lon, lat) => {
                        setDraft((d) => ({ ...d, lon: coordinateText(lon), lat: coordinateText(lat) }));
                        setPicking(false);
                      }}
                    />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                <div className="map-placeholder">{t.mapLoading}</div>
              )}
            </div>
          </div>
        </>
      )}

      {(draft.kind === 'closure' || draft.kind === 'capacity') && (
        <div className="scenario-form__grid">
          <Field wiring={wiring} path="facility" label={E.facility} hint={E.facilityHint}>
            {(p) => (
              <select {...p} value={draft.facility} onChange={(e) => set('facility', e.target.value)}>
                <option value="">–</option>
                {open.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.name} ({f.key})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.kind === 'capacity' && (
            <Field wiring={wiring} path="capacity" label={E.capacity(unit)}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.capacity}
                  onChange={(e) => set('capacity', e.target.value)}
                />
              )}
            </Field>
          )}
          {draft.kind === 'capacity' && (
            <Field wiring={wiring} path="properties" label={E.properties} hint={E.propertiesHint}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={draft.properties}
                  spellCheck={false}
                  onChange={(e) => set('properties', e.target.value)}
                />
              )}
            </Field>
          )}
        </div>
      )}

      {draft.kind === 'quarter' && (
        <div className="scenario-form__grid">
          <Field wiring={wiring} path="name" label={E.quarterName}>
            {(p) => (
              <input
                {...p}
                value={draft.name}
                maxLength={300}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <div className="field">
            <label htmlFor={`${id}-level`}>{E.level}</label>
            <select
              id={`${id}-level`}
              value={draft.level}
              onChange={(e) => setDraft((d) => ({ ...d, level: e.target.value, area: '' }))}
            >
              {levels.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <Field wiring={wiring} path="area" label={E.area}>
            {(p) => (
              <select {...p} value={draft.area} onChange={(e) => set('area', e.target.value)}>
                <option value="">–</option>
                {areaOptions.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.id})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="population" label={E.population} hint={E.populationHint} wide>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={draft.population}
                spellCheck={false}
                onChange={(e) => set('population', e.target.value)}
              />
            )}
          </Field>
        </div>
      )}

      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !scenario}
          aria-busy={busy}
        >
          {E.submit}
        </button>
      </div>
    </form>
  );
}
