import { useId, useMemo, useState, type ChangeEvent } from 'react';
import type { IndexDefinition } from '../../indices/index.schema.ts';
import { messageOf, type Indicator } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { describeCondition } from './rule-draft.ts';
import { RuleForm } from './RuleForm.tsx';
import { wt } from './texts.ts';
import { RULES_EXPORT, warningsApi, type WarningRule } from './warnings-api.ts';

interface RuleSectionProps {
  rules: readonly WarningRule[];
  indicators: readonly Indicator[];
  indices: readonly Pick<IndexDefinition, 'key' | 'name' | 'parts'>[];
  /** Planners and admins: switches, form, delete, JSON import. */
  canEdit: boolean;
  /** After any change: rules and warnings load again. */
  onChanged: () => void;
  announce: (message: string) => void;
}

type Editing = { rule: WarningRule | null } | null;

/** The warning rules: what each tests, whether it is active; planners add, edit, switch and delete. */
export function RuleSection({ rules, indicators, indices, canEdit, onChanged, announce }: RuleSectionProps) {
  const id = useId();
  const r = wt.rules;
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<WarningRule | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const indexInfo = useMemo(
    () =>
      new Map(
        indices.map((i) => [i.key, { name: i.name, parts: new Map(i.parts.map((p) => [p.key, p.label])) }]),
      ),
    [indices],
  );

  const run = (key: string, action: () => Promise<unknown>, message: string) => {
    setBusy(key);
    setError(null);
    return action().then(
      () => {
        setBusy(null);
        setDone(message);
        announce(message);
        onChanged();
      },
      (e: unknown) => {
        setBusy(null);
        setError(messageOf(e));
        throw e;
      },
    );
  };

  const save = (rule: WarningRule) =>
    run(
      rule.key,
      () => (editing?.rule ? warningsApi.replaceRule(rule) : warningsApi.createRule(rule)),
      r.saved(rule.name),
    ).then(() => setEditing(null));

  const toggle = (rule: WarningRule, active: boolean) =>
    void run(
      rule.key,
      () => warningsApi.replaceRule({ ...rule, active }),
      r.activated(rule.name, active),
    ).catch(() => undefined);

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void file.text().then((text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        setError(r.importUnreadable);
        return;
      }
      setBusy('import');
      warningsApi.importRules(parsed).then(
        ({ imported }) => {
          setBusy(null);
          setDone(r.imported(imported));
          announce(r.imported(imported));
          onChanged();
        },
        (e: unknown) => {
          setBusy(null);
          setError(messageOf(e));
        },
      );
    });
  };

  return (
    <section className="rule-section" aria-labelledby={`${id}-title`} data-testid="rule-section">
      <h2 id={`${id}-title`}>{r.title}</h2>
      <p className="muted">{r.intro}</p>
      {canEdit && (
        <div className="toolbar__row rule-section__tools">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ rule: null })}
            disabled={editing !== null}
          >
            {r.add}
          </button>
          <a className="button" href={RULES_EXPORT} download="warnregeln.json">
            {r.exportJson}
          </a>
          <label className="button file-button">
            {r.importJson}
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              onChange={importFile}
            />
          </label>
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      {editing && (
        <RuleForm
          key={editing.rule?.key ?? ''}
          rule={editing.rule}
          indicators={indicators}
          indices={indices}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {rules.length === 0 ? (
        <p className="notice">{r.empty}</p>
      ) : (
        <div className="warnings-table-wrap">
          <table className="rule-table" data-testid="rule-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{r.name}</th>
                <th scope="col">{r.kind}</th>
                <th scope="col">{r.condition}</th>
                <th scope="col">{r.severity}</th>
                <th scope="col">{r.active}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{r.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr
                  key={rule.key}
                  data-key={rule.key}
                  className={rule.active ? undefined : 'rule-table__inactive'}
                >
                  <th scope="row">{rule.name}</th>
                  <td>{wt.kinds[rule.kind]}</td>
                  <td>{describeCondition(rule, indicators, indexInfo)}</td>
                  <td>
                    <span className={`severity severity--${rule.severity}`}>
                      {wt.severity[rule.severity]}
                    </span>
                  </td>
                  <td>
                    {canEdit ? (
                      <label className="switch">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={rule.active}
                          disabled={busy === rule.key}
                          onChange={(e) => toggle(rule, e.target.checked)}
                          aria-label={r.activeLabel(rule.name)}
                        />
                        <span aria-hidden="true">{rule.active ? r.yes : r.no}</span>
                      </label>
                    ) : rule.active ? (
                      r.yes
                    ) : (
                      r.no
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <div className="rule-table__actions">
                        <button
                          type="button"
                          className="button"
                          onClick={() => setEditing({ rule })}
                          aria-label={r.editLabel(rule.name)}
                        >
                          {r.edit}
                        </button>
                        <button
                          type="button"
                          className="button button--danger-outline"
                          onClick={() => setRemoving(rule)}
                          aria-label={r.removeLabel(rule.name)}
                        >
                          {r.remove}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={r.removeTitle}
          text={r.removeText(removing.name)}
          confirmLabel={r.remove}
          busy={busy === removing.key}
          error={error}
          onConfirm={() =>
            void run(removing.key, () => warningsApi.removeRule(removing.key), r.removed(removing.name)).then(
              () => setRemoving(null),
              () => undefined,
            )
          }
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
