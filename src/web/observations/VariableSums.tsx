import { useId, useState, type FormEvent } from 'react';
import { api, messageOf, type VariableInfo } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { paths } from '../router.ts';
import { useFetched } from '../ui/useFetched.ts';
import { vt } from './texts.ts';
import './variables.css';

interface VariableSumsProps {
  /** Who is looking: the list is loaded again for another user. */
  userId: number;
  /** Only the expected variables still without values (as offered after an import). */
  missingOnly?: boolean;
  /** After a definition changed: values, catalogue availability and menus load again. */
  onChanged: () => void;
  announce: (message: string) => void;
}

const origin = (v: VariableInfo) =>
  v.sum
    ? v.sum.length === 1
      ? vt.alias(v.sum[0] ?? '')
      : vt.sum(v.sum)
    : v.stored && (v.values > 0 || !v.expected)
      ? vt.imported
      : vt.missing;

/** An expected variable without values, or a sum: the ones a planner defines here. */
const definable = (v: VariableInfo) => v.sum !== null || (v.expected && v.values === 0);

/**
 * The count series the indicator catalogue expects, with their meaning, unit, origin (imported,
 * sum, missing), number of values and the indicators needing them; a form defines one as the sum
 * of existing variables. Used by the Variablen page and after an import, where a file's own
 * breakdown (age bands, say) is fitted to the catalogue.
 */
export function VariableSums({ userId, missingOnly = false, onChanged, announce }: VariableSumsProps) {
  const id = useId();
  const [revision, setRevision] = useState(0);
  const list = useFetched(`variables#${userId}#${revision}`, () => api.variablesOverview());
  const [editing, setEditing] = useState<string | null>(null);
  const [terms, setTerms] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const variables = list.latest ?? [];
  const expected = variables.filter((v) => v.expected);
  const missing = expected.filter((v) => v.values === 0);
  const others = variables.filter((v) => !v.expected);
  const changed = (text: string) => {
    setNotice({ ok: true, text });
    announce(text);
    setEditing(null);
    setRevision((n) => n + 1);
    onChanged();
  };

  const open = (v: VariableInfo) => {
    setEditing(v.key);
    setTerms(v.sum?.join(' + ') ?? '');
    setName('');
    setFormError(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setBusy(true);
    setFormError(null);
    api.defineSum(editing, { terms, ...(name.trim() ? { name: name.trim() } : {}) }).then(
      (r) => {
        setBusy(false);
        changed(vt.defined(r.definition, r.values));
      },
      (err: unknown) => {
        setBusy(false);
        setFormError(messageOf(err));
      },
    );
  };

  const remove = (key: string) => {
    setBusy(true);
    api.removeSum(key).then(
      () => {
        setBusy(false);
        changed(vt.removed(key));
      },
      (err: unknown) => {
        setBusy(false);
        setNotice({ ok: false, text: messageOf(err) });
      },
    );
  };

  const form = (v: VariableInfo) => (
    <form
      className="variables-form"
      onSubmit={submit}
      aria-label={vt.formTitle(v.key)}
      data-testid="sum-form"
    >
      <div className="field">
        <label htmlFor={`${id}-terms`}>{vt.termsLabel}</label>
        <input
          id={`${id}-terms`}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          list={`${id}-keys`}
          aria-describedby={`${id}-terms-hint${formError ? ` ${id}-error` : ''}`}
          aria-invalid={formError ? true : undefined}
          autoComplete="off"
          required
          autoFocus
        />
        <p className="muted" id={`${id}-terms-hint`}>
          {vt.termsHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{vt.nameLabel}</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={v.name}
        />
      </div>
      {formError && (
        <p className="alert" role="alert" id={`${id}-error`}>
          {formError}
        </p>
      )}
      <div className="variables-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? vt.saving : vt.save}
        </button>
        <button type="button" className="button" onClick={() => setEditing(null)} disabled={busy}>
          {vt.cancel}
        </button>
      </div>
    </form>
  );

  const table = (rows: VariableInfo[], caption: string, testId: string) => (
    <table className="variables-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{vt.name}</th>
          <th scope="col">{vt.key}</th>
          <th scope="col">{vt.unit}</th>
          <th scope="col">{vt.definition}</th>
          <th scope="col" className="number">
            {vt.values}
          </th>
          <th scope="col">{vt.indicators}</th>
          <th scope="col">
            <span className="visually-hidden">{vt.define}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr
            key={v.key}
            data-key={v.key}
            className={v.expected && v.values === 0 ? 'variables-table__missing' : undefined}
          >
            <th scope="row">
              {v.name}
              {v.description && <span className="muted variables-table__description">{v.description}</span>}
              {editing === v.key && form(v)}
            </th>
            <td>
              <code>{v.key}</code>
            </td>
            <td>{v.unit}</td>
            <td>{origin(v)}</td>
            <td className="number">{v.values.toLocaleString('de-DE')}</td>
            <td>
              {v.indicators.length
                ? v.indicators.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ', '}
                      <Link to={paths.sheet(k)}>{k}</Link>
                    </span>
                  ))
                : vt.none}
            </td>
            <td className="variables-table__actions">
              {definable(v) && editing !== v.key && (
                <button
                  type="button"
                  className="button"
                  onClick={() => open(v)}
                  disabled={busy}
                  aria-label={`${v.sum ? vt.redefine : vt.define}: ${v.name}`}
                >
                  {v.sum ? vt.redefine : vt.define}
                </button>
              )}
              {v.sum && (
                <button
                  type="button"
                  className="button"
                  onClick={() => remove(v.key)}
                  disabled={busy}
                  aria-label={`${vt.remove}: ${v.name}`}
                >
                  {vt.remove}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      {list.error && (
        <p className="alert" role="alert">
          {messageOf(list.error)}
        </p>
      )}
      {notice && (
        <p
          className={notice.ok ? 'notice' : 'alert'}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="variables-notice"
        >
          {notice.text}
        </p>
      )}
      {list.latest && (
        <>
          <p data-testid="variables-summary">
            {vt.summary(expected.length - missing.length, expected.length)}
          </p>
          {missingOnly ? (
            missing.length > 0 && table(missing, vt.missingCaption, 'variables-missing')
          ) : (
            <>
              {table(expected, vt.expected, 'variables-expected')}
              {others.length > 0 && (
                <>
                  <p className="muted">{vt.othersHint}</p>
                  {table(others, vt.others, 'variables-others')}
                </>
              )}
            </>
          )}
          <datalist id={`${id}-keys`}>
            {variables
              .filter((v) => v.stored)
              .map((v) => (
                <option key={v.key} value={v.key}>
                  {v.name}
                </option>
              ))}
          </datalist>
        </>
      )}
    </>
  );
}
