import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { defaultDate } from '../ui/dates.ts';
import { formatDate } from '../../core/format.ts';
import type { PageProps } from '../page-props.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { measuresByArea } from '../measures/measure-links.ts';
import { measuresApi } from '../measures/measures-api.ts';
import { forgetIndexResults, indexApi } from './index-api.ts';
import { IndexLegend } from './IndexLegend.tsx';
import { IndexList } from './IndexList.tsx';
import { IndexMatrix } from './IndexMatrix.tsx';
import { IndexTable } from './IndexTable.tsx';
import { areaClass, buildMatrix, CODE_VIEW, indexStyles, type Matrix, type MatrixCell } from './matrix.ts';
import { MonitoringControls } from './MonitoringControls.tsx';
import { readMonitoringState, writeMonitoringState, type MonitoringState } from './monitoring-url.ts';
import { DEFAULT_INDEX } from './prefetch.ts';
import { indexSummary } from './summary.ts';
import { mt } from './texts.ts';
import { resultKeyOf, useMonitoringData } from './useMonitoringData.ts';
import './monitoring.css';
import { chosenLevel } from '../ui/levels.ts';

// MapLibre is the largest part of the app: start loading it at once, in parallel with the data.
const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);

const cellName = (matrix: Matrix, cell: MatrixCell) =>
  mt.matrix.cellName(matrix.rowPart.label, cell.row.label, matrix.colPart?.label ?? null, cell.col.label);

/**
 * Sozialmonitoring: one composite index on one level and Stichtag — the status/dynamics matrix,
 * the index map (non-robust classes outlined), a summary and the sortable table of areas.
 */
export function MonitoringPage(props: PageProps) {
  const { config, levels, indicators, user, canEdit, announce } = props;
  const [state, setState] = useState<MonitoringState>(() => readMonitoringState(window.location.search));
  // steps back from the Datenstand while the index is not computable there
  const [dateBack, setDateBack] = useState(0);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const dates = config.dates;
  const level = chosenLevel(levels, state.level);
  const explicitDate = state.date !== null && dates.includes(state.date);
  // the Datenstand (latest Stichtag with population counts), not a later date of a single table
  const opening = Math.max(0, dates.indexOf(defaultDate(config)));
  const date = explicitDate ? (state.date ?? '') : (dates[Math.max(0, opening - dateBack)] ?? '');
  const session = user?.id !== undefined ? String(user.id) : '-';

  // counts imports of definitions: list and results load again
  const [revision, setRevision] = useState(0);
  const list = useFetched(`indices#${session}#${revision}`, () => indexApi.list());
  const indices = list.latest ?? [];
  // without an explicit choice: the default index, or the first stored one if it is missing
  const indexKey =
    state.index ??
    (list.latest && !indices.some((i) => i.key === DEFAULT_INDEX) ? indices[0]?.key : undefined) ??
    DEFAULT_INDEX;
  const listed = useMonitoringData({
    index: indexKey,
    level: level.key,
    date,
    session: `${session}#${revision}`,
    unprotected: canEdit,
    hasPopulation: indicators.some((i) => i.key === 'einwohner'),
    drawn,
  });
  const { result, geo, population, robustness, robustById } = listed;
  const definition = indices.find((d) => d.key === indexKey);
  // what is already being done in an area, beside its class (the public sees decided measures)
  const measures = useFetched(`measures#${session}`, () => measuresApi.list());
  const measuresInArea = useMemo(() => measuresByArea(measures.data ?? []), [measures.data]);

  // not computable on the latest Stichtag (e.g. no earlier year for the dynamics): one year back;
  // the next result is loading at once, so this runs once per step
  if (listed.notComputable && !explicitDate && dateBack < opening) setDateBack(dateBack + 1);

  const shown = result.latest;
  const parts = shown?.parts ?? [];
  // until the first result is there, the address keeps what it asks for
  const view = !shown
    ? (state.view ?? '')
    : state.view && (state.view === CODE_VIEW ? parts.length > 1 : parts.some((p) => p.key === state.view))
      ? state.view
      : (parts[0]?.key ?? CODE_VIEW);
  const matrix = useMemo(() => (shown ? buildMatrix(shown, population) : null), [shown, population]);
  const cell =
    state.cell && (!matrix || matrix.cells.flat().some((c) => c.key === state.cell)) ? state.cell : null;

  useEffect(() => {
    writeMonitoringState({ index: indexKey, level: level.key, date, view, cell });
  }, [indexKey, level.key, date, view, cell]);

  const styles = useMemo(
    () => (shown && matrix ? indexStyles(shown, matrix, view, cell) : null),
    [shown, matrix, view, cell],
  );
  const marked = useMemo(
    () => (robustness ? new Set(robustness.areas.filter((a) => !a.robust).map((a) => a.id)) : null),
    [robustness],
  );
  const areas = geo.latest;
  const stylesFit = !!shown && !!areas && areas.level === shown.level;
  const drawKey = shown ? `${resultKeyOf(shown)}|${view}|${cell ?? ''}` : null;

  const byId = useMemo(() => new Map(shown?.areas.map((a) => [a.id, a])), [shown]);
  const describe = useCallback(
    (id: string): [string, string] | null => {
      const area = byId.get(id);
      if (!area || !shown) return null;
      if (!area.valid) return [area.name, mt.table.invalid(area.invalidReason)];
      const classes = shown.parts.map((p) => `${p.label}: ${areaClass(area, p)?.label ?? '–'}`).join(' · ');
      const robust = robustById?.get(id)?.robust ?? null;
      return [area.name, `${classes} · ${mt.map.tooltip(area.code, robust)}`];
    },
    [byId, shown, robustById],
  );

  const selectCell = (next: string | null) => {
    setState((s) => ({ ...s, cell: next }));
    const c = matrix?.cells.flat().find((x) => x.key === next);
    announce(c && matrix ? mt.matrix.selected(cellName(matrix, c), c.count) : mt.matrix.cleared);
  };
  const change = (patch: Partial<MonitoringState>) => {
    performance.mark('lagebild:select');
    setSelectedId(null);
    setState((s) => ({ ...s, ...patch }));
  };

  // the level of the result on screen (while another one loads)
  const levelName = levels.find((l) => l.key === shown?.level)?.name ?? level.name;
  const selectedCell = cell ? matrix?.cells.flat().find((c) => c.key === cell) : undefined;
  const selectedArea = selectedId ? byId.get(selectedId) : undefined;
  const error = result.error && !listed.notComputable ? result.error : geo.error;

  return (
    <div className="page monitoring-page">
      <div className="page-head">
        <PageHeading title={`${mt.title} – ${t.appName}`}>{mt.title}</PageHeading>
        <p className="page-intro">{mt.intro}</p>
      </div>
      <MonitoringControls
        indices={indices}
        index={indexKey}
        levels={levels}
        level={level.key}
        dates={dates}
        date={date}
        parts={parts}
        view={view}
        onIndex={(key) => change({ index: key, cell: null, view: null })}
        onLevel={(key) => change({ level: key, cell: null })}
        onDate={(d) => change({ date: d, cell: null })}
        onView={(v) => change({ view: v })}
      />
      {error && (
        <p className="alert" role="alert">
          {t.loadError} {error.message}
        </p>
      )}
      {listed.notComputable && (
        <p className="notice" role="status">
          {mt.notComputable} {result.error?.message}
        </p>
      )}
      {shown?.missingInputs?.length ? (
        <p className="notice" role="status" data-testid="missing-inputs">
          {mt.missingInputs(
            formatDate(shown.date),
            shown.missingInputs.map((m) => `${m.name} (${m.reason})`),
          )}
        </p>
      ) : null}
      {matrix && (
        <p className="monitoring-summary" data-testid="index-summary">
          {indexSummary(matrix, levelName, robustness, definition?.codeJoin ?? '')}
        </p>
      )}
      <div className="monitoring-layout">
        <div className="monitoring-map">
          <div className="map-frame" aria-busy={result.loading || geo.loading}>
            {areas ? (
              <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                  <AtlasMap
                    areas={areas.collection}
                    styles={stylesFit ? styles : null}
                    drawKey={stylesFit ? drawKey : null}
                    selectedId={selectedId}
                    focusId={focusId}
                    marked={marked}
                    tileUrl={config.tileUrl}
                    label={mt.map.label(shown?.name ?? indexKey, levelName, formatDate(shown?.date ?? date))}
                    describe={describe}
                    onSelect={setSelectedId}
                    onDrawn={setDrawn}
                  />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <div className="map-placeholder">{geo.error ? '' : t.mapLoading}</div>
            )}
            {(result.loading || geo.loading) && areas && (
              <div className="map-busy" aria-hidden="true">
                {shown ? t.loading : mt.loadingResult}
              </div>
            )}
          </div>
          {selectedArea && (
            <p className="monitoring-selected" data-testid="selected-area">
              <strong>{selectedArea.name}</strong>{' '}
              {selectedArea.valid ? (selectedArea.code ?? '–') : mt.table.invalid(selectedArea.invalidReason)}{' '}
              <Link to={paths.profile(shown?.level ?? '', selectedArea.id)}>{mt.openProfile}</Link>
            </p>
          )}
          {shown && matrix && styles && (
            <IndexLegend
              result={shown}
              matrix={matrix}
              view={view}
              styles={styles}
              codeJoin={definition?.codeJoin ?? ''}
              notRobust={marked ? marked.size : null}
              robustnessFailed={!!listed.robustnessError}
            />
          )}
        </div>
        {shown && matrix && (
          <IndexMatrix
            matrix={matrix}
            levelName={levelName}
            date={shown.date}
            selected={cell}
            showShares={canEdit && population !== null}
            onSelect={selectCell}
          />
        )}
      </div>
      {listed.robustnessError && (
        <p className="alert" role="alert">
          {mt.robustness.failed} {listed.robustnessError.message}
        </p>
      )}
      {selectedCell && (
        <div className="monitoring-filter" role="status">
          <span>{matrix && mt.matrix.selected(cellName(matrix, selectedCell), selectedCell.count)}</span>
          <button type="button" className="button" onClick={() => selectCell(null)}>
            {mt.matrix.clear}
          </button>
        </div>
      )}
      {shown && (
        <IndexTable
          result={shown}
          levelName={levelName}
          parentLevelName={
            config.levels.find((l) => l.key === levels.find((x) => x.key === shown.level)?.parent)?.name ??
            mt.table.parent
          }
          robustness={robustById}
          robustnessLoading={listed.robustnessLoading}
          cell={cell}
          selectedId={selectedId}
          onFocusArea={setFocusId}
          measures={measuresInArea}
        />
      )}
      {robustness && <p className="muted">{mt.robustness.runs(robustness.runs)}</p>}
      <IndexList
        indices={indices}
        current={indexKey}
        canEdit={canEdit}
        onShow={(key) => change({ index: key, cell: null, view: null })}
        onChanged={() => {
          forgetIndexResults();
          setRevision((n) => n + 1);
        }}
        announce={announce}
      />
    </div>
  );
}
