import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import { api, type AppConfig, type User } from '../api.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { t } from '../texts.ts';
import { facilityApi, facilityDownloads, type FacilityStatus } from './facility-api.ts';
import { capacityInOperation, facilityPoints, filterFacilities } from './facility-table.ts';
import { localToday, readFacilityState, writeFacilityState, type FacilityViewState } from './facility-url.ts';
import { FacilityForm } from './FacilityForm.tsx';
import { FacilityImport } from './FacilityImport.tsx';
import { FacilityPanel } from './FacilityPanel.tsx';
import { FacilityTable } from './FacilityTable.tsx';
import { DRAFT_COLOR, STATUS_COLORS } from './map-colors.ts';
import { ft } from './texts.ts';
import { useFacilityEditor } from './use-facility-editor.ts';
import './facilities.css';
import { chosenLevel, finestLevel } from '../ui/levels.ts';

// MapLibre is the largest part of the app: start loading it at once, in parallel with the data.
const mapModule = import('./FacilityMap.tsx');
const FacilityMap = lazy(() => mapModule);

type Level = AppConfig['levels'][number];

export interface FacilitiesPageProps {
  config: AppConfig;
  /** Levels with areas, coarse to fine (rank ≥ 1); not empty. */
  levels: readonly Level[];
  user: User | null;
  /** Planner or admin: may create, change, close and import facilities. */
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
}

const STATUSES: FacilityStatus[] = ['in Betrieb', 'geplant', 'geschlossen'];

/**
 * Einrichtungen: the facilities of a type at a day on the map (over the boundaries of a level)
 * and as a table; planners create one by clicking the map, move, change and close it (each a new
 * version, the history beside it), import deliveries and download the list.
 */
export function FacilitiesPage({ config, levels, user, canEdit, onLogin, announce }: FacilitiesPageProps) {
  const id = useId();
  const today = useMemo(() => localToday(), []);
  const [view, setView] = useState<FacilityViewState>(() => readFacilityState(window.location.search));
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<FacilityStatus | null>(null);
  const [revision, setRevision] = useState(0);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const types = useFetched('facility-types', () => facilityApi.types());
  const typeList = types.latest ?? [];
  const type =
    typeList.find((x) => x.key === view.type) ?? typeList.find((x) => x.key === 'kita') ?? typeList[0];
  const date = view.date ?? today;
  const level = chosenLevel(levels, view.level, config.defaultLevel);
  const finest = finestLevel(levels);

  const list = useFetched(type ? `facilities#${type.key}#${date}#${revision}#${user?.id ?? '-'}` : null, () =>
    facilityApi.list(type!.key, date),
  );
  const geo = useFetched(level.key, () => api.areas(level.key));
  const finestGeo = useFetched(`names#${finest.key}`, () => api.areas(finest.key));

  useEffect(() => {
    writeFacilityState({
      type: type?.key ?? view.type,
      date: view.date,
      level: level.key,
      facility: view.facility,
    });
  }, [type?.key, view.type, view.date, level.key, view.facility]);

  const names = useMemo(
    () => new Map(finestGeo.latest?.features.map((f) => [f.properties.id, f.properties.name])),
    [finestGeo.latest],
  );
  const areaName = useCallback(
    (key: string | null) => (key === null ? '' : (names.get(key) ?? key)),
    [names],
  );

  const rows = useMemo(() => list.latest ?? [], [list.latest]);
  const shownRows = useMemo(() => filterFacilities(rows, { query, status }), [rows, query, status]);
  const points = useMemo(() => facilityPoints(shownRows), [shownRows]);
  const selected = rows.find((f) => f.key === view.facility) ?? null;
  const unit = type?.capacityUnit ?? '';
  const typeName = type?.name ?? '';
  const drawKey = `${type?.key ?? ''}|${date}|${revision}|${shownRows.length}`;

  const editing = useFacilityEditor({
    type,
    today,
    announce,
    onSaved: (saved) => {
      setRevision((n) => n + 1);
      setView((v) => ({ ...v, facility: saved.key }));
    },
  });
  const { editor, leaveEdit } = editing;

  const select = useCallback(
    (key: string | null) => {
      setView((v) => ({ ...v, facility: key }));
      leaveEdit();
      const f = rows.find((x) => x.key === key);
      if (f) announce(`${f.name}: ${ft.status[f.status]}`);
    },
    [rows, announce, leaveEdit],
  );

  const startCreate = () => {
    setView((v) => ({ ...v, facility: null }));
    editing.startCreate();
  };

  const form = editor && (
    <FacilityForm
      mode={editor.mode}
      title={editor.mode === 'create' ? ft.form.createTitle : ft.form.editTitle(editor.open?.name ?? '')}
      draft={editor.draft}
      unit={unit}
      parts={type?.capacityParts ?? []}
      problems={editor.problems}
      picking={editor.picking}
      busy={editor.busy}
      error={editor.error}
      onChange={editing.change}
      onPartChange={editing.changePart}
      onPicking={editing.setPicking}
      onSubmit={() => void editing.save()}
      onCancel={editing.close}
    />
  );

  const dateText = formatDate(date);
  const draft = editing.draftPoint;
  const counts = STATUSES.map((s) => [s, rows.filter((f) => f.status === s).length] as const);
  const panelOpen = editor?.mode === 'create' || !!selected;
  const error = types.error ?? list.error ?? geo.error;

  return (
    <div className="page facilities-page">
      <div className="page-head">
        <PageHeading title={type ? ft.docTitle(typeName) : `${ft.title} – ${t.appName}`}>
          {ft.title}
        </PageHeading>
        <p className="page-intro">{ft.intro}</p>
        {!user && (
          <p className="muted">
            {ft.loginHint}{' '}
            <button type="button" className="link-button" onClick={onLogin}>
              {t.auth.login}
            </button>
          </p>
        )}
      </div>

      <section className="controls" aria-label={ft.controls}>
        <div className="controls__row">
          <div className="field">
            <label htmlFor={`${id}-type`}>{ft.type}</label>
            <select
              id={`${id}-type`}
              value={type?.key ?? ''}
              onChange={(e) => {
                editing.close();
                setView((v) => ({ ...v, type: e.target.value, facility: null }));
              }}
              data-testid="facility-type"
            >
              {typeList.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{ft.date}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              aria-describedby={`${id}-date-hint`}
              onChange={(e) => {
                if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
                  setView((v) => ({ ...v, date: e.target.value }));
              }}
              data-testid="facility-date"
            />
            <p id={`${id}-date-hint`} className="field__hint">
              {ft.dateHint}
            </p>
          </div>
          <LevelSwitch
            name={`${id}-level`}
            legend={ft.level}
            levels={levels}
            value={level.key}
            onChange={(key) => setView((v) => ({ ...v, level: key }))}
            data-testid="level-switch"
          />
        </div>
        <div className="controls__row facility-filters">
          <div className="field field--grow">
            <label htmlFor={`${id}-search`}>{ft.search}</label>
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              placeholder={ft.searchHint}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{ft.statusFilter}</label>
            <select
              id={`${id}-status`}
              value={status ?? ''}
              onChange={(e) => setStatus((e.target.value || null) as FacilityStatus | null)}
            >
              <option value="">{ft.allStatus}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ft.status[s]}
                </option>
              ))}
            </select>
          </div>
          {canEdit && (
            <button
              type="button"
              className="button button--primary"
              onClick={startCreate}
              disabled={!type || editor?.mode === 'create'}
              data-testid="facility-create"
            >
              {ft.form.create}
            </button>
          )}
        </div>
      </section>

      {error && (
        <p className="alert" role="alert">
          {t.loadError} {error.message}
        </p>
      )}

      <div className={`atlas-layout${panelOpen ? ' atlas-layout--panel' : ''}`}>
        <div className="atlas-main">
          {editor?.picking && (
            <p className="notice facility-picking" role="status" data-testid="facility-picking">
              {editor.mode === 'create' ? ft.map.pickHint : ft.map.moveHint}
            </p>
          )}
          <div className="map-frame" aria-busy={list.loading || geo.loading}>
            {geo.latest ? (
              <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                  <FacilityMap
                    areas={geo.latest}
                    points={points}
                    drawKey={drawKey}
                    selectedKey={selected?.key ?? null}
                    focusKey={focusKey}
                    draft={draft}
                    picking={editor?.picking ?? false}
                    tileUrl={config.tileUrl}
                    label={ft.map.label(typeName, dateText, shownRows.length)}
                    unit={unit}
                    onSelect={select}
                    onPick={editing.pick}
                  />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <div className="map-placeholder">{geo.error ? '' : t.mapLoading}</div>
            )}
            {(list.loading || geo.loading) && geo.latest && (
              <div className="map-busy" aria-hidden="true">
                {t.loading}
              </div>
            )}
          </div>
          <section
            className="legend facility-legend"
            aria-label={ft.map.legend}
            data-testid="facility-legend"
          >
            <ul className="legend__items">
              {counts.map(([s, n]) => (
                <li key={s} className="legend__item" data-status={s}>
                  <span
                    className="facility-dot"
                    style={{ background: STATUS_COLORS[s] }}
                    aria-hidden="true"
                  />
                  <span className="legend__label">{ft.status[s]}</span>
                  <span className="legend__count">{n.toLocaleString('de-DE')}</span>
                </li>
              ))}
              {draft && (
                <li className="legend__item">
                  <span className="facility-dot" style={{ background: DRAFT_COLOR }} aria-hidden="true" />
                  <span className="legend__label">{ft.map.draft}</span>
                </li>
              )}
            </ul>
            <p className="legend__method muted" data-testid="facility-summary">
              {ft.summary(shownRows.length, rows.length, capacityInOperation(shownRows), unit)}
            </p>
          </section>
          {list.latest && type && (
            <FacilityTable
              rows={shownRows}
              typeName={typeName}
              unit={unit}
              date={dateText}
              areaName={areaName}
              selectedKey={selected?.key ?? null}
              highlightKey={focusKey}
              onOpen={select}
              onFocusFacility={setFocusKey}
            />
          )}
          {type && (
            <section className="facility-downloads" aria-labelledby={`${id}-downloads`}>
              <h2 id={`${id}-downloads`}>{ft.exports.title}</h2>
              <p>{ft.exports.intro(typeName, dateText)}</p>
              <p className="button-row">
                <a className="button" href={facilityDownloads.export(type.key, date, 'geojson')} download>
                  {ft.exports.geojson}
                </a>
                <a className="button" href={facilityDownloads.export(type.key, date, 'csv')} download>
                  {ft.exports.csv}
                </a>
              </p>
            </section>
          )}
          {canEdit && type && (
            <FacilityImport
              types={typeList}
              type={type.key}
              today={today}
              onImported={(result) => {
                setRevision((n) => n + 1);
                announce(ft.importing.done(result));
              }}
            />
          )}
        </div>
        {editor?.mode === 'create' ? (
          <aside
            className="side-panel facility-panel"
            aria-label={ft.form.createTitle}
            data-testid="facility-panel"
          >
            {form}
          </aside>
        ) : (
          selected &&
          type && (
            <FacilityPanel
              key={selected.key}
              facility={selected}
              typeName={typeName}
              unit={unit}
              parts={type?.capacityParts ?? []}
              areaName={areaName}
              canEdit={canEdit}
              today={today}
              revision={revision}
              editor={editor?.mode === 'edit' ? form : null}
              onEdit={editing.startEdit}
              onClosed={(closed) => {
                setRevision((n) => n + 1);
                announce(ft.panel.closed(closed.name, formatDate(closed.validTo ?? today)));
              }}
              onDismiss={() => {
                editing.close();
                setView((v) => ({ ...v, facility: null }));
              }}
            />
          )
        )}
      </div>
    </div>
  );
}
