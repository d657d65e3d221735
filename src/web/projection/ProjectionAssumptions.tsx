import { useId, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { formatControlInput, parseControlInput, type ControlPoint } from './control-input.ts';
import type { PopulationProjection } from './projection-api.ts';
import { pt } from './texts.ts';

type Variant = PopulationProjection['variant'];

/** What the population projection on the page is computed with. */
export interface Assumptions {
  variant: Variant;
  /** City totals to control to; empty: none. */
  control: ControlPoint[];
}

export const MAIN_ASSUMPTIONS: Assumptions = { variant: 'main', control: [] };

const VARIANTS: readonly Variant[] = ['main', 'low', 'high'];

export interface ProjectionAssumptionsProps {
  base: string;
  /** The last projected Stichtag: the Eckwerte must reach it. */
  to: string;
  applied: Assumptions;
  onApply: (next: Assumptions) => void;
}

/**
 * „Annahmen der Prognose“: the variant and the Eckwerte der Stadt, typed one per line. They take
 * effect with „Annahmen übernehmen“, after a check that names the wrong line (control-input.ts) —
 * not at every keystroke, which would compute a projection for every half-typed number.
 */
export function ProjectionAssumptions({ base, to, applied, onApply }: ProjectionAssumptionsProps) {
  const id = useId();
  const a = pt.assumptions;
  const [variant, setVariant] = useState<Variant>(applied.variant);
  const [text, setText] = useState(() => formatControlInput(applied.control));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseControlInput(text, base, to);
    if (!parsed.ok) {
      setError(parsed.message);
      // the message is read where the field is: move there to correct it
      document.getElementById(`${id}-control`)?.focus();
      return;
    }
    setError(null);
    setText(formatControlInput(parsed.points));
    onApply({ variant, control: parsed.points });
  };

  return (
    <section aria-labelledby={`${id}-title`} data-testid="projection-assumptions-form">
      <h2 id={`${id}-title`}>{a.title}</h2>
      <form className="projection-assumptions" onSubmit={submit} noValidate>
        <fieldset className="field projection-assumptions__variants" aria-describedby={`${id}-variant-hint`}>
          <legend>{a.variant}</legend>
          {VARIANTS.map((v) => (
            <label key={v} className="checkbox-field projection-assumptions__option">
              <input
                type="radio"
                name={`${id}-variant`}
                value={v}
                checked={variant === v}
                onChange={() => setVariant(v)}
              />
              {pt.variants[v]}
            </label>
          ))}
          <p id={`${id}-variant-hint`} className="field__hint">
            {a.variantHint}
          </p>
        </fieldset>
        <div className={`field projection-assumptions__control${error ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-control`}>{a.control}</label>
          <textarea
            id={`${id}-control`}
            rows={4}
            value={text}
            placeholder={`${formatDate(to)}: 512.000`}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-control-hint${error ? ` ${id}-control-error` : ''}`}
            data-testid="control-input"
          />
          <p id={`${id}-control-hint`} className="field__hint">
            {a.controlHint}
          </p>
          {error && (
            <p id={`${id}-control-error`} className="field__error" role="alert" data-testid="control-error">
              {error}
            </p>
          )}
        </div>
        <div>
          <button type="submit" className="button button--primary">
            {a.apply}
          </button>
        </div>
      </form>
      <p className="muted">{a.scope}</p>
    </section>
  );
}
