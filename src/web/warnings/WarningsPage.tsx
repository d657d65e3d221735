import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { IndexDefinition } from '../../indices/index.schema.ts';
import { request } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';
import { useFetched } from '../ui/useFetched.ts';
import { measuresByArea } from '../measures/measure-links.ts';
import { measuresApi } from '../measures/measures-api.ts';
import { filterEntries, readView, summarise, themesOf, writeView } from './filter.ts';
import { RuleSection } from './RuleSection.tsx';
import { wt } from './texts.ts';
import { WarningsControls } from './WarningsControls.tsx';
import { WarningTable } from './WarningTable.tsx';
import { warningsApi, type WarningEntry } from './warnings-api.ts';
import './warnings.css';
import { defaultDate } from '../ui/dates.ts';
import { chosenLevel } from '../ui/levels.ts';

const NONE: WarningEntry[] = [];

/**
 * Frühwarnung: the warning entries of a level at a Stichtag with their reasons, filterable by
 * theme, parent area, name and severity (all in the address), and the rules that produce them.
 */
export function WarningsPage({ config, indicators, levels, user, canEdit, announce }: PageProps) {
  const [view, setView] = useState(() => readView(window.location.search));
  // counts rule changes: rules and entries load again
  const [revision, setRevision] = useState(0);
  const level = chosenLevel(levels, view.level, config.defaultLevel);
  const dates = config.dates;
  const date = view.date !== null && dates.includes(view.date) ? view.date : defaultDate(config);
  const session = user?.id ?? '-';

  const list = useFetched(date ? `${level.key}#${date}#${session}#${revision}` : null, () =>
    warningsApi.warnings(level.key, date),
  );
  const rules = useFetched(`rules#${revision}`, () => warningsApi.rules());
  const indices = useFetched(`indices#${session}`, () => request<IndexDefinition[]>('GET', '/api/indices'));
  // one list for every row, counted here: cheaper than one request per warned area
  const measures = useFetched(`measures#${session}`, () => measuresApi.list());
  const measuresInArea = useMemo(() => measuresByArea(measures.data ?? []), [measures.data]);
  const parentLevel = config.levels.find((l) => l.key === level.parent && l.rank >= 1) ?? null;
  const parentAreas = useFetched(parentLevel ? `areas#${parentLevel.key}` : null, () =>
    warningsApi.areas(parentLevel!.key),
  );

  // the view is part of the address: a filtered list can be bookmarked, Back finds it again
  useEffect(() => {
    const search = writeView({ ...view, level: level.key === view.level ? view.level : null });
    if (search !== window.location.search)
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [view, level.key]);

  const deferredSearch = useDeferredValue(view.search);
  const all = list.latest?.entries ?? NONE;
  const shown = useMemo(
    () =>
      filterEntries(all, {
        theme: view.theme,
        parent: view.parent,
        search: deferredSearch,
        severity: view.severity,
      }),
    [all, view.theme, view.parent, deferredSearch, view.severity],
  );
  const counts = summarise(shown);
  const parentNames = useMemo(
    () => new Map((parentAreas.latest ?? []).map((a) => [a.id, a.name])),
    [parentAreas.latest],
  );
  const themes = useMemo(() => themesOf(indicators), [indicators]);
  const onChanged = useCallback(() => setRevision((n) => n + 1), []);

  return (
    <div className="page warnings-page">
      <div className="page-head">
        <PageHeading title={wt.documentTitle}>{wt.title}</PageHeading>
        <p className="page-intro">{wt.intro}</p>
        {!canEdit && <p className="muted warnings-page__note">{wt.publicNote}</p>}
      </div>
      <WarningsControls
        levels={levels}
        level={level.key}
        dates={dates}
        date={date}
        themes={themes}
        parents={
          parentLevel
            ? {
                levelName: parentLevel.name,
                areas: parentAreas.latest?.map((a) => ({ id: a.id, name: a.name })) ?? [],
              }
            : null
        }
        filters={view}
        onLevel={(key) => setView((v) => ({ ...v, level: key, parent: null }))}
        onDate={(d) => setView((v) => ({ ...v, date: d }))}
        onFilters={(f) => setView((v) => ({ ...v, ...f }))}
      />
      {list.error && (
        <p className="alert" role="alert">
          {list.error.message}
        </p>
      )}
      <p className="warnings-summary" role="status" data-testid="warnings-count">
        {list.latest
          ? wt.summary(shown.length, all.length, counts.areas, counts.high, counts.medium)
          : wt.loading}
      </p>
      {list.latest && all.length > 0 && shown.length === 0 && <p className="notice">{wt.noMatch}</p>}
      {shown.length > 0 && (
        <div aria-busy={list.loading || undefined}>
          <WarningTable
            entries={shown}
            date={list.latest?.date ?? date}
            parentNames={parentNames}
            measures={measuresInArea}
          />
        </div>
      )}
      {rules.latest && (
        <RuleSection
          rules={rules.latest}
          indicators={indicators}
          indices={indices.latest ?? []}
          canEdit={canEdit}
          onChanged={onChanged}
          announce={announce}
        />
      )}
    </div>
  );
}
