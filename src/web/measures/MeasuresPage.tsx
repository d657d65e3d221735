import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { messageOf } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { GoalForm } from './GoalForm.tsx';
import { GoalEffect } from './GoalEffect.tsx';
import { GoalTable } from './GoalTable.tsx';
import { effectStart } from './effect-view.ts';
import { MeasureDetails } from './MeasureDetails.tsx';
import { MeasureForm } from './MeasureForm.tsx';
import { MeasureHistory } from './MeasureHistory.tsx';
import { MeasureTable } from './MeasureTable.tsx';
import { measureTree } from './measure-tree.ts';
import { measuresHref, selectedMeasure } from './measure-links.ts';
import { measuresApi, type Goal, type Measure } from './measures-api.ts';
import { StatusActions } from './StatusActions.tsx';
import { mt } from './texts.ts';
import './measures.css';

/** Before the decision an entry may still be dropped; afterwards it stays on record. */
const removable = (m: Measure) => m.status === 'idee' || m.status === 'vorschlag';

/**
 * Maßnahmen (Steuerung): the tree of programmes, fields of action and measures with status,
 * progress and money; the details of one entry. Planners create and change entries, move them
 * through the workflow, set goals and read the history; everyone else sees the decided measures
 * with disclosure-protected values — the city's accountability view.
 */
export function MeasuresPage({ config, indicators, levels, user, canEdit, onLogin, announce }: PageProps) {
  const id = useId();
  const [revision, setRevision] = useState(0);
  // a link from elsewhere (Frühwarnung) may name the measure to open: `?massnahme=<id>`
  const [selected, setSelected] = useState<number | null>(() => selectedMeasure(window.location.search));
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [goalError, setGoalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const focusDetails = useRef(false);

  const list = useFetched(`measures#${user?.id ?? '-'}#${revision}`, () => measuresApi.list());
  const measures = useMemo(() => list.latest ?? [], [list.latest]);
  const rows = useMemo(() => measureTree(measures), [measures]);
  const titles = useMemo(() => new Map(measures.map((m) => [m.id, m.title])), [measures]);
  const current = measures.find((m) => m.id === selected) ?? null;
  const names = useMemo(
    () => ({
      measures: titles,
      areas: new Map(
        measures.flatMap((m) => [
          ...m.areas.map((a): [string, string] => [`${a.level}|${a.key}`, a.name]),
          ...m.goals.flatMap((g): [string, string][] =>
            g.area ? [[`${g.level}|${g.area}`, g.areaName]] : [],
          ),
        ]),
      ),
      levels: new Map(config.levels.map((l) => [l.key, l.name])),
      indicators: new Map(indicators.map((i) => [i.key, i.name])),
    }),
    [titles, measures, config.levels, indicators],
  );

  useEffect(() => {
    if (focusDetails.current && current) {
      focusDetails.current = false;
      detailsHeading.current?.focus();
    }
  }, [current]);

  const select = (measureId: number) => {
    focusDetails.current = true;
    // the address names the open measure, so a reload or a copied link finds it again
    window.history.replaceState(window.history.state, '', measuresHref([measureId]));
    setSelected(measureId);
    setEditing((e) => (e === 'edit' ? null : e));
    setGoalError(null);
  };
  /** After a change the server confirmed: the tree loads again, the entry stays selected. */
  const changed = (m: Measure, message: string) => {
    setSelected(m.id);
    setRevision((n) => n + 1);
    announce(message);
  };
  const removeGoal = async (m: Measure, goal: Goal) => {
    setBusy(true);
    setGoalError(null);
    try {
      changed(await measuresApi.removeGoal(m.id, goal.id), mt.goal.removed(goal.indicatorName));
    } catch (err) {
      setGoalError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (m: Measure) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await measuresApi.remove(m.id);
      setRemoving(false);
      setSelected(null);
      window.history.replaceState(window.history.state, '', measuresHref());
      setRevision((n) => n + 1);
      announce(mt.remove.done(m.title));
    } catch (err) {
      setRemoveError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const form = (stored: Measure | null) => (
    <MeasureForm
      key={stored?.id ?? 'new'}
      stored={stored}
      rows={rows}
      levels={levels}
      defaultLevel={config.defaultLevel}
      onSaved={(m, created) => {
        setEditing(null);
        focusDetails.current = created;
        changed(m, created ? mt.form.created(m.title) : mt.form.saved(m.title));
      }}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <div className="page measures-page">
      <div className="page-head">
        <PageHeading title={mt.docTitle}>{mt.title}</PageHeading>
        <p className="page-intro">{mt.intro}</p>
        {canEdit ? (
          <p className="page-intro" data-testid="measures-planner-note">
            {mt.plannerNote}
          </p>
        ) : (
          <p className="notice" data-testid="measures-public">
            {mt.publicIntro}
            {!user && (
              <>
                {' '}
                <button type="button" className="button" onClick={onLogin}>
                  {mt.loginForEditing}
                </button>
              </>
            )}
          </p>
        )}
      </div>

      <section className="import-step" aria-labelledby={`${id}-tree`}>
        <h2 id={`${id}-tree`}>{mt.tree}</h2>
        {list.error && (
          <p className="alert" role="alert">
            {messageOf(list.error)}
          </p>
        )}
        {list.latest && rows.length === 0 && <p className="muted">{canEdit ? mt.none : mt.nonePublic}</p>}
        {!list.latest && !list.error && <p className="muted">{mt.loading}</p>}
        {rows.length > 0 && <MeasureTable rows={rows} selected={selected} onSelect={select} />}
        {canEdit && editing !== 'new' && (
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              {mt.form.newHeading}
            </button>
          </div>
        )}
      </section>

      {canEdit && editing === 'new' && (
        <section className="import-step" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>{mt.form.newHeading}</h2>
          {form(null)}
        </section>
      )}

      {current && (
        <section
          className="import-step measure-details"
          aria-labelledby={`${id}-details`}
          data-testid="measure-details"
        >
          <h2 id={`${id}-details`} ref={detailsHeading} tabIndex={-1}>
            {current.title}
          </h2>
          <MeasureDetails
            measure={current}
            parentTitle={current.parentId === null ? null : (titles.get(current.parentId) ?? null)}
            documents={canEdit}
          />

          <h3>{mt.details.goals}</h3>
          <GoalTable
            title={current.title}
            goals={current.goals}
            onRemove={canEdit ? (goal) => void removeGoal(current, goal) : undefined}
            busy={busy}
          />
          {goalError && (
            <p className="alert" role="alert">
              {goalError}
            </p>
          )}
          {effectStart(current) &&
            current.goals.map((g) => (
              <GoalEffect key={g.id} measure={current} goal={g} session={`${user?.id ?? '-'}`} />
            ))}

          {canEdit && (
            <>
              <h3>{mt.workflow.heading}</h3>
              <StatusActions
                key={current.id}
                measure={current}
                onChanged={(m) => changed(m, mt.workflow.moved(m.title, mt.statuses[m.status]))}
              />

              <h3>{mt.goal.heading}</h3>
              <GoalForm
                key={current.id}
                measure={current}
                indicators={indicators}
                levels={levels}
                config={config}
                onAdded={(m, indicator) => changed(m, mt.goal.added(indicator))}
              />

              <div className="button-row">
                {editing !== 'edit' && (
                  <button type="button" className="button" onClick={() => setEditing('edit')}>
                    {mt.form.edit}
                  </button>
                )}
                {removable(current) && (
                  <button
                    type="button"
                    className="button button--danger-outline"
                    onClick={() => setRemoving(true)}
                  >
                    {mt.remove.button}
                  </button>
                )}
              </div>
              {editing === 'edit' && (
                <>
                  <h3>{mt.form.editHeading(current.title)}</h3>
                  {form(current)}
                </>
              )}

              <h3>{mt.history.heading}</h3>
              <MeasureHistory id={current.id} revision={`${revision}`} names={names} />
            </>
          )}
        </section>
      )}

      {removing && current && (
        <ConfirmDialog
          title={mt.remove.title(current.title)}
          text={mt.remove.text}
          confirmLabel={mt.remove.confirm}
          busy={busy}
          error={removeError}
          onConfirm={() => void remove(current)}
          onClose={() => {
            setRemoving(false);
            setRemoveError(null);
          }}
        />
      )}
    </div>
  );
}
