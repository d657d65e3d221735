import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import { api, messageOf, type AppConfig } from '../api.ts';
import { coordinateText, parseNumber } from '../facilities/facility-form.ts';
import { facilityApi, type FacilityType } from '../facilities/facility-api.ts';
import { facilityPoints } from '../facilities/facility-table.ts';
import { FieldList, boundTo, type FieldSpec } from '../ui/field-list.tsx';
import { fieldWiring } from '../ui/form-field.tsx';
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

  const bound = boundTo(draft, set);
  const typeField: FieldSpec = {
    ...bound('type'),
    control: 'select',
    label: E.type,
    options: types.map((x) => ({ value: x.key, label: x.name })),
    // another type has other facilities: the chosen one no longer applies
    onChange: (type) => setDraft((d) => ({ ...d, type, facility: '' })),
  };
  const common: FieldSpec[] = [
    {
      path: 'scenario',
      control: 'select',
      label: E.scenario,
      value: scenario?.name ?? '',
      onChange: setTarget,
      options: scenarios.map((s) => ({ value: s.name, label: s.name })),
    },
    {
      ...bound('kind'),
      control: 'select',
      label: E.kind,
      options: KINDS.map((k) => ({ value: k, label: st.kinds[k] })),
      onChange: (kind) => {
        setProblems({});
        setPicking(false);
        set('kind', kind);
      },
    },
    ...(draft.kind === 'quarter' ? [] : [typeField]),
    {
      ...bound('validFrom'),
      control: 'input',
      label: E.validFrom,
      hint: E.validFromHint,
      attrs: { type: 'date' },
    },
  ];
  const decimal = (field: ChangeField, label: string): FieldSpec => ({
    ...bound(field),
    control: 'input',
    label,
    attrs: { inputMode: 'decimal' },
  });
  const lines = (field: ChangeField, label: string, hint: string, rows: number): FieldSpec => ({
    ...bound(field),
    control: 'textarea',
    label,
    hint,
    attrs: { rows, spellCheck: false },
  });
  const name = (label: string): FieldSpec => ({
    ...bound('name'),
    control: 'input',
    label,
    attrs: { maxLength: 300 },
  });
  const capacity = decimal('capacity', E.capacity(unit));
  const properties = lines('properties', E.properties, E.propertiesHint, 2);
  const facility: FieldSpec = {
    ...bound('facility'),
    control: 'select',
    label: E.facility,
    hint: E.facilityHint,
    empty: '–',
    options: open.map((f) => ({ value: f.key, label: `${f.name} (${f.key})` })),
  };
  const byKind: Record<ChangeKind, FieldSpec[]> = {
    opening: [name(E.name), capacity, properties, decimal('lon', E.lon), decimal('lat', E.lat)],
    closure: [facility],
    capacity: [facility, capacity, properties],
    quarter: [
      name(E.quarterName),
      {
        ...bound('level'),
        control: 'select',
        label: E.level,
        options: levels.map((l) => ({ value: l.key, label: l.name })),
        // another level has other areas: the chosen one no longer applies
        onChange: (level) => setDraft((d) => ({ ...d, level, area: '' })),
      },
      {
        ...bound('area'),
        control: 'select',
        label: E.area,
        empty: '–',
        options: areaOptions.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` })),
      },
      { ...lines('population', E.population, E.populationHint, 3), wide: true },
    ],
  };

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
        <FieldList wiring={wiring} fields={common} />
      </div>
      <div className="scenario-form__grid">
        <FieldList wiring={wiring} fields={byKind[draft.kind]} />
      </div>
      {draft.kind === 'opening' && (
        <>
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
