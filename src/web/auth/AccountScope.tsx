import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api.ts';
import { usersApi, type UserAccount } from './api.ts';
import {
  parseScopeValue,
  sameScope,
  scopeLabel,
  scopeValue,
  type ScopeArea,
  type ScopeLevel,
} from './scope.ts';
import { ut } from './texts.ts';

const T = ut.users;

interface AccountScopeProps {
  account: UserAccount;
  /** The level an account can be bound to; undefined while loading, when missing or unloadable. */
  level: ScopeLevel | undefined;
  /** All levels: an account bound to another level still reads by its level's name. */
  levels: readonly ScopeLevel[] | undefined;
  areas: readonly ScopeArea[] | undefined;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The Zuständigkeit of an account in the user table: the whole territory or one area of the level
 * below it, saved by a button (like the organisation: arrow keys on a closed select fire a change
 * per option). Administrators are never bound: the server refuses it, so only a hint shows.
 */
export function AccountScope({ account, level, levels, areas, onDone, onError }: AccountScopeProps) {
  const id = useId();
  const current = account.scope ?? null;
  const [choice, setChoice] = useState(scopeValue(current));
  const [busy, setBusy] = useState(false);
  const label = scopeLabel(current, levels, areas);

  if (account.role === 'admin')
    return (
      <>
        {label}
        <p className="field__hint" data-testid="scope-admin">
          {T.scopeAdmin}
        </p>
      </>
    );
  if (!level || !areas) return <>{label}</>;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const to = parseScopeValue(choice);
    if (busy || sameScope(to, current)) return;
    setBusy(true);
    usersApi.setScope(account.username, to).then(
      () => {
        setBusy(false);
        onDone(
          to === null
            ? T.scopeCleared(account.username)
            : T.scopeSet(account.username, scopeLabel(to, levels, areas)),
        );
      },
      (err: unknown) => {
        setBusy(false);
        onError(messageOf(err));
      },
    );
  };

  // a scope on another level (set through the API) still shows as the current choice
  const foreign = current && (current.level !== level.key || !areas.some((a) => a.id === current.key));
  return (
    <form className="users-organisation" onSubmit={save}>
      <select
        id={`${id}-scope`}
        className="users-small"
        aria-label={T.scopeOf(account.username)}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{T.wholeTerritory}</option>
        {foreign && <option value={scopeValue(current)}>{label}</option>}
        {areas.map((a) => (
          <option key={a.id} value={scopeValue({ level: level.key, key: a.id })}>
            {`${level.name} ${a.name}`}
          </option>
        ))}
      </select>{' '}
      <button
        type="submit"
        className="button users-small"
        aria-busy={busy}
        aria-label={T.rowLabel(T.saveScope, account.username)}
      >
        {T.saveScope}
      </button>
    </form>
  );
}
