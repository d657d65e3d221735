import { useId, useState, type FormEvent } from 'react';
import { ORGANISATION_KINDS } from '../../bodies/labels.ts';
import { bodiesApi, type Organisation, type OrganisationKind } from './bodies-api.ts';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const T = gt.forms.organisation;

interface OrganisationSectionProps {
  organisations: readonly Organisation[];
  onCreated: (o: Organisation) => void;
}

/** Organisationen (planners): the list with contact person, and a form for a new one. */
export function OrganisationSection({ organisations, onCreated }: OrganisationSectionProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('traeger');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => bodiesApi.createOrganisation({ name, kind, contactName, contactEmail, contactPhone }),
      (o) => {
        setName('');
        setContactName('');
        setContactEmail('');
        setContactPhone('');
        onCreated(o);
      },
    );
  };

  return (
    <section className="import-step" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{T.heading}</h2>
      {organisations.length === 0 ? (
        <p className="muted">{T.none}</p>
      ) : (
        <table data-testid="organisations">
          <caption className="visually-hidden">{T.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{T.name}</th>
              <th scope="col">{T.kind}</th>
              <th scope="col">{T.contactName}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{gt.organisationKinds[o.kind]}</td>
                <td>{[o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id={`${id}-new`}>{T.add}</h3>
      <form className="form-grid" aria-labelledby={`${id}-new`} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{T.name}</label>
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{T.kind}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
          >
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {gt.organisationKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-contact`}>{T.contactName}</label>
          <input id={`${id}-contact`} value={contactName} onChange={(e) => setContactName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{T.contactEmail}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={contactEmail}
            onChange={(e) => setContactEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{T.contactPhone}</label>
          <input id={`${id}-phone`} value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
        </div>
        <div className="form-grid__wide">
          <FormError error={error} />
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {busy ? gt.forms.saving : gt.forms.save}
          </button>
        </div>
      </form>
    </section>
  );
}
