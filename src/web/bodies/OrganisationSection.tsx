import { useId, useRef, useState, type FormEvent } from 'react';
import { ORGANISATION_KINDS } from '../../bodies/labels.ts';
import type { AppConfig } from '../api.ts';
import { AreaSelect, type AreaChoice } from './AreaSelect.tsx';
import { bodiesApi, type Organisation, type OrganisationKind } from './bodies-api.ts';
import {
  ConfirmDelete,
  EditDeleteButtons,
  FormButtons,
  useEditing,
  useFocusLater,
  useFocusOnMount,
} from './EditControls.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const T = gt.forms.organisation;

type NamedArea = Organisation['areas'][number];

interface OrganisationSectionProps {
  organisations: readonly Organisation[];
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onChanged: (message: string) => void;
}

/**
 * Organisationen (planners): the list with contact person and areas, a form for a new one, and
 * changing or deleting an existing one.
 */
export function OrganisationSection({
  organisations,
  levels,
  defaultLevel,
  onChanged,
}: OrganisationSectionProps) {
  const id = useId();
  const editing = useEditing<number>();
  const [removing, setRemoving] = useState<Organisation | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const edited = organisations.find((o) => o.id === editing.current);
  const levelName = (key: string) => levels.find((l) => l.key === key)?.name ?? key;

  return (
    <section className="import-step" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {T.heading}
      </h2>
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
              <th scope="col">{T.area}</th>
              <th scope="col">{T.actions}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{gt.organisationKinds[o.kind]}</td>
                <td>{[o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(', ') || '–'}</td>
                <td>{o.areas.map((a) => a.name).join(', ') || '–'}</td>
                <td>
                  <EditDeleteButtons
                    small
                    name={T.what(o.name)}
                    onEdit={(button) => editing.open(o.id, button)}
                    onDelete={() => setRemoving(o)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {edited ? (
        <OrganisationForm
          key={edited.id}
          levels={levels}
          defaultLevel={defaultLevel}
          levelName={levelName}
          initial={edited}
          onSaved={(o) => {
            editing.close();
            onChanged(T.saved(o.name));
          }}
          onCancel={editing.close}
        />
      ) : (
        <OrganisationForm
          levels={levels}
          defaultLevel={defaultLevel}
          levelName={levelName}
          onSaved={(o) => onChanged(T.created(o.name))}
        />
      )}
      {removing && (
        <ConfirmDelete
          title={T.confirmTitle(removing.name)}
          text={T.confirmText}
          remove={() => bodiesApi.removeOrganisation(removing.id)}
          onDone={() => {
            setRemoving(null);
            focusLater(heading.current);
            onChanged(T.removed(removing.name));
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

interface OrganisationFormProps {
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  levelName: (key: string) => string;
  /** The organisation to change; without it the form makes a new one. */
  initial?: Organisation;
  onSaved: (o: Organisation) => void;
  onCancel?: () => void;
}

/** Name, kind, contact person and the areas an organisation works in. */
function OrganisationForm({
  levels,
  defaultLevel,
  levelName,
  initial,
  onSaved,
  onCancel,
}: OrganisationFormProps) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind>(initial?.kind ?? 'traeger');
  const [contactName, setContactName] = useState(initial?.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(initial?.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(initial?.contactPhone ?? '');
  const [areas, setAreas] = useState<NamedArea[]>(initial?.areas ?? []);
  const [choice, setChoice] = useState<AreaChoice>({
    level: defaultLevel ?? levels.at(-1)?.key ?? '',
    key: '',
  });
  const [choiceName, setChoiceName] = useState('');
  const first = useFocusOnMount<HTMLInputElement>(initial !== undefined);
  const { busy, error, run } = useSubmit();

  const addArea = () => {
    if (!choice.key || areas.some((a) => a.level === choice.level && a.key === choice.key)) return;
    setAreas([...areas, { ...choice, name: choiceName || choice.key }]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      name,
      kind,
      contactName,
      contactEmail,
      contactPhone,
      areas: areas.map(({ level, key }) => ({ level, key })),
    };
    run(
      () =>
        initial ? bodiesApi.patchOrganisation(initial.id, fields) : bodiesApi.createOrganisation(fields),
      (o) => {
        if (!initial) {
          setName('');
          setContactName('');
          setContactEmail('');
          setContactPhone('');
          setAreas([]);
        }
        onSaved(o);
      },
    );
  };

  return (
    <>
      <h3 id={`${id}-heading`}>{initial ? T.edit(initial.name) : T.add}</h3>
      <form
        className="form-grid"
        aria-labelledby={`${id}-heading`}
        onSubmit={submit}
        data-testid={initial ? 'organisation-edit-form' : 'organisation-form'}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{T.name}</label>
          <input
            id={`${id}-name`}
            ref={first}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
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
        <fieldset className="form-grid__wide bodies-areas">
          <legend>{T.areas}</legend>
          {areas.length === 0 ? (
            <p className="muted">{T.noAreas}</p>
          ) : (
            <ul data-testid="organisation-areas">
              {areas.map((a) => (
                <li key={`${a.level}|${a.key}`}>
                  {a.name} <span className="muted">({levelName(a.level)})</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setAreas(areas.filter((x) => x !== a))}
                  >
                    {T.removeArea(a.name)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="form-grid">
            <AreaSelect
              levels={levels}
              value={choice}
              onChange={(value, areaName) => {
                setChoice(value);
                setChoiceName(areaName ?? '');
              }}
              levelLabel={T.areaLevel}
              areaLabel={T.area}
              emptyLabel="–"
            />
            <div className="field">
              <button type="button" className="button" disabled={!choice.key} onClick={addArea}>
                {T.addArea}
              </button>
            </div>
          </div>
        </fieldset>
        <div className="form-grid__wide">
          <FormError error={error} />
          <FormButtons busy={busy} editing={initial !== undefined} onCancel={onCancel} />
        </div>
      </form>
    </>
  );
}
