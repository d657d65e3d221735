import { useId, type FormEvent, type InputHTMLAttributes } from 'react';
import { fieldWiring, Field, type ControlProps } from '../ui/form-field.tsx';
import type { CapacityParts, DraftField, DraftProblems, FacilityDraft } from './facility-form.ts';
import { ft } from './texts.ts';

interface FacilityFormProps {
  mode: 'create' | 'edit';
  title: string;
  draft: FacilityDraft;
  unit: string;
  /** The type's capacity parts: one field each, after the capacity. */
  parts: CapacityParts;
  problems: DraftProblems;
  /** A click on the map sets the position (the button's pressed state). */
  picking: boolean;
  busy: boolean;
  /** The server's refusal, in German. */
  error: string | null;
  onChange: (field: DraftField, value: string) => void;
  onPartChange: (key: string, value: string) => void;
  onPicking: (picking: boolean) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * Name, Träger, capacity and its parts, address, the day the facility (or the change) holds from,
 * and the position.
 */
export function FacilityForm(props: FacilityFormProps) {
  const { mode, title, draft, unit, parts, problems, picking, busy, error, onChange } = props;
  const prefix = useId();
  const wiring = fieldWiring(prefix, problems);
  const hasProblems = Object.keys(problems).length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  const input =
    (field: DraftField, extra: InputHTMLAttributes<HTMLInputElement> = {}) =>
    (p: ControlProps) => (
      <input {...p} {...extra} value={draft[field]} onChange={(e) => onChange(field, e.target.value)} />
    );

  return (
    <form
      className="facility-form"
      onSubmit={submit}
      noValidate
      data-testid="facility-form"
      aria-labelledby={`${prefix}-title`}
    >
      <h3 id={`${prefix}-title`}>{title}</h3>
      {hasProblems && (
        <p className="alert" role="alert">
          {ft.form.invalid}
        </p>
      )}
      {error && (
        <p className="alert" role="alert" data-testid="facility-form-error">
          {error}
        </p>
      )}
      <Field wiring={wiring} path="name" label={ft.form.name}>
        {input('name', { maxLength: 300, autoComplete: 'off' })}
      </Field>
      <Field wiring={wiring} path="carrier" label={ft.form.carrier}>
        {input('carrier', { maxLength: 300 })}
      </Field>
      <Field wiring={wiring} path="capacity" label={ft.form.capacity(unit)} hint={ft.form.capacityHint}>
        {input('capacity', { inputMode: 'decimal', autoComplete: 'off' })}
      </Field>
      {parts.map((part) => (
        <Field
          key={part.key}
          wiring={wiring}
          path={`parts.${part.key}`}
          label={ft.form.part(part.name, unit)}
          hint={ft.form.partHint(part.key)}
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              autoComplete="off"
              value={draft.parts[part.key] ?? ''}
              onChange={(e) => props.onPartChange(part.key, e.target.value)}
            />
          )}
        </Field>
      ))}
      <Field wiring={wiring} path="address" label={ft.form.address}>
        {input('address', { maxLength: 300 })}
      </Field>
      <Field
        wiring={wiring}
        path="validFrom"
        label={ft.form.validFrom}
        hint={mode === 'create' ? ft.form.validFromCreate : ft.form.validFromEdit}
      >
        {input('validFrom', { type: 'date' })}
      </Field>
      <fieldset className="facility-form__position">
        <legend>{ft.panel.position}</legend>
        <p className="field__hint" id={`${prefix}-pick-hint`}>
          {mode === 'create' ? ft.map.pickHint : ft.map.moveHint}
        </p>
        <button
          type="button"
          className="button"
          aria-pressed={picking}
          aria-describedby={`${prefix}-pick-hint`}
          onClick={() => props.onPicking(!picking)}
        >
          {picking ? ft.form.picking : mode === 'create' ? ft.form.pick : ft.form.move}
        </button>
        <div className="facility-form__coordinates">
          <Field wiring={wiring} path="lon" label={ft.form.lon}>
            {input('lon', { inputMode: 'decimal', autoComplete: 'off' })}
          </Field>
          <Field wiring={wiring} path="lat" label={ft.form.lat}>
            {input('lat', { inputMode: 'decimal', autoComplete: 'off' })}
          </Field>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? ft.form.saving : ft.form.save}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {ft.form.cancel}
        </button>
      </div>
    </form>
  );
}
