import type { ReactNode } from 'react';

/** What a control needs to be wired to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Ids and error of the field at a path (`name`, `parts.0.indicators.1.weight`, …). */
export interface FieldWiring {
  /** The input's id for a field path. */
  id: (path: string) => string;
  error: (path: string) => string | undefined;
  control: (path: string, hint?: boolean) => ControlProps;
}

/** Builds the wiring for one form (ids prefixed by the form's useId). */
export function fieldWiring(prefix: string, errors: Readonly<Record<string, string>>): FieldWiring {
  const id = (path: string) => `${prefix}-${path.replace(/\./g, '-')}`;
  const error = (path: string) => errors[path];
  return {
    id,
    error,
    control: (path, hint = false) => {
      const described = [hint ? `${id(path)}-hint` : '', error(path) ? `${id(path)}-error` : '']
        .filter(Boolean)
        .join(' ');
      return {
        id: id(path),
        'aria-invalid': error(path) ? true : undefined,
        'aria-describedby': described || undefined,
      };
    },
  };
}

interface FieldProps {
  wiring: FieldWiring;
  path: string;
  label: string;
  hint?: string;
  wide?: boolean;
  children: (props: ControlProps) => ReactNode;
}

/** Label, control, hint and error of one field. */
export function Field({ wiring, path, label, hint, wide, children }: FieldProps) {
  const error = wiring.error(path);
  return (
    <div className={`field${wide ? ' form-grid__wide' : ''}${error ? ' field--invalid' : ''}`}>
      <label htmlFor={wiring.id(path)}>{label}</label>
      {children(wiring.control(path, !!hint))}
      {hint && (
        <p id={`${wiring.id(path)}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError wiring={wiring} path={path} />
    </div>
  );
}

/** The error of a field, if any (for controls laid out in tables). */
export function FieldError({ wiring, path }: { wiring: FieldWiring; path: string }) {
  const error = wiring.error(path);
  return error ? (
    <p id={`${wiring.id(path)}-error`} className="field__error">
      {error}
    </p>
  ) : null;
}

interface IdentityFieldsProps {
  wiring: FieldWiring;
  /** A stored definition keeps its key. */
  mode: 'create' | 'edit';
  value: { key: string; name: string; description: string };
  onChange: (name: 'key' | 'name' | 'description', value: string) => void;
  labels: { key: string; keyHint: string; keyFixed: string; name: string; description: string };
  descriptionRows?: number;
}

/** Key, name and description: the first fields of every definition editor (index, report template). */
export function IdentityFields({
  wiring,
  mode,
  value,
  onChange,
  labels,
  descriptionRows = 3,
}: IdentityFieldsProps) {
  return (
    <>
      <Field
        wiring={wiring}
        path="key"
        label={labels.key}
        hint={mode === 'edit' ? labels.keyFixed : labels.keyHint}
      >
        {(p) => (
          <input
            {...p}
            value={value.key}
            onChange={(e) => onChange('key', e.target.value)}
            readOnly={mode === 'edit'}
            autoComplete="off"
            spellCheck={false}
            maxLength={63}
          />
        )}
      </Field>
      <Field wiring={wiring} path="name" label={labels.name}>
        {(p) => (
          <input
            {...p}
            value={value.name}
            onChange={(e) => onChange('name', e.target.value)}
            maxLength={200}
          />
        )}
      </Field>
      <Field wiring={wiring} path="description" label={labels.description} wide>
        {(p) => (
          <textarea
            {...p}
            rows={descriptionRows}
            value={value.description}
            onChange={(e) => onChange('description', e.target.value)}
            maxLength={4000}
          />
        )}
      </Field>
    </>
  );
}
