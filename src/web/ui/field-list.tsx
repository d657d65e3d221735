import type { ChangeEvent, InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field, type ControlProps, type FieldWiring } from './form-field.tsx';

/** An option of a declared select. */
export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  /** The field's path: its id and the key of its error (see `fieldWiring`). */
  path: string;
  label: string;
  hint?: string;
  /** Spans the whole row of a form grid. */
  wide?: boolean;
  value: string;
  onChange: (value: string) => void;
}

/** One field of a form, declared rather than written out: a one-line input, a text area or a select. */
export type FieldSpec =
  | (FieldBase & { control: 'input'; attrs?: InputHTMLAttributes<HTMLInputElement> })
  | (FieldBase & { control: 'textarea'; attrs?: TextareaHTMLAttributes<HTMLTextAreaElement> })
  | (FieldBase & {
      control: 'select';
      options: readonly FieldOption[];
      /** The label of a first option with the value '' (nothing chosen yet); none when absent. */
      empty?: string;
    });

/**
 * Path, value and change handler of a field of a record of texts (a form's draft), to spread into
 * a `FieldSpec`.
 * @example const bound = boundTo(draft, set); const name: FieldSpec = { ...bound('name'), control: 'input', label: 'Name' };
 */
export const boundTo =
  <F extends string>(values: Readonly<Record<F, string>>, set: (field: F, value: string) => void) =>
  (field: F): Pick<FieldBase, 'path' | 'value' | 'onChange'> => ({
    path: field,
    value: values[field],
    onChange: (value) => set(field, value),
  });

function control(spec: FieldSpec, wired: ControlProps): ReactNode {
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    spec.onChange(e.target.value);
  switch (spec.control) {
    case 'input':
      return <input {...wired} {...spec.attrs} value={spec.value} onChange={onChange} />;
    case 'textarea':
      return <textarea {...wired} {...spec.attrs} value={spec.value} onChange={onChange} />;
    case 'select':
      return (
        <select {...wired} value={spec.value} onChange={onChange}>
          {spec.empty !== undefined && <option value="">{spec.empty}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
  }
}

/** The declared fields in their order, each with its label, hint and error. */
export function FieldList({ wiring, fields }: { wiring: FieldWiring; fields: readonly FieldSpec[] }) {
  return (
    <>
      {fields.map((spec) => (
        <Field
          key={spec.path}
          wiring={wiring}
          path={spec.path}
          label={spec.label}
          hint={spec.hint}
          wide={spec.wide}
        >
          {(wired) => control(spec, wired)}
        </Field>
      ))}
    </>
  );
}
