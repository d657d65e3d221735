import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api.ts';
import { usersApi, type Organisation, type UserAccount } from './api.ts';
import { ut } from './texts.ts';

const T = ut.users;

interface AccountOrganisationProps {
  account: UserAccount;
  /** undefined while loading or when they could not be loaded. */
  organisations: readonly Organisation[] | undefined;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The organisation of an account in the user table: pick one (or none) and save, with a hint for a
 * partner without one (partners read only the bodies their organisation is a member of). Saved by
 * a button rather than on change: arrow keys on a closed select fire a change per option.
 */
export function AccountOrganisation({ account, organisations, onDone, onError }: AccountOrganisationProps) {
  const id = useId();
  const current = account.organisation?.id ?? null;
  const [choice, setChoice] = useState(current === null ? '' : String(current));
  const [busy, setBusy] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const to = choice ? Number(choice) : null;
    if (busy || to === current) return;
    setBusy(true);
    const request =
      to === null
        ? usersApi.unlinkOrganisation(current ?? 0, account.username)
        : usersApi.linkOrganisation(to, account.username);
    request.then(
      (organisation) => {
        setBusy(false);
        onDone(to === null ? T.unlinked(account.username) : T.linked(account.username, organisation.name));
      },
      (err: unknown) => {
        setBusy(false);
        onError(messageOf(err));
      },
    );
  };

  const needsOne = account.role === 'partner' && current === null;
  const hint = needsOne ? (
    <p id={`${id}-hint`} className="field__hint" data-testid="partner-needs-organisation">
      {T.partnerNeedsOrganisation}
    </p>
  ) : null;
  if (!organisations)
    return (
      <>
        {account.organisation?.name ?? T.noOrganisation}
        {hint}
      </>
    );
  // an organisation made after the list was loaded still shows by name
  const options =
    account.organisation && !organisations.some((o) => o.id === current)
      ? [...organisations, account.organisation]
      : organisations;
  return (
    <form className="users-organisation" onSubmit={save}>
      <select
        className="users-small"
        aria-label={T.organisationOf(account.username)}
        aria-describedby={needsOne ? `${id}-hint` : undefined}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{T.noOrganisation}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="submit"
        className="button users-small"
        aria-busy={busy}
        aria-label={T.rowLabel(T.saveOrganisation, account.username)}
      >
        {T.saveOrganisation}
      </button>
      {hint}
    </form>
  );
}
