import { useId, useState } from 'react';
import type { ClassificationMethod, ClassificationSpec } from '../../classification/classification.schema.ts';
import { MAX_CLASSES, METHODS, MIN_CLASSES, sameSpec } from '../../classification/defaults.ts';
import { formatBreaks, parseBreaks } from '../../classification/spec-text.ts';
import { classificationTexts as tx } from '../../classification/texts.ts';

interface ClassificationControlProps {
  /** The classification on the map. */
  spec: ClassificationSpec;
  /** The indicator's default (stored or the app's). */
  defaultSpec: ClassificationSpec;
  /** Breaks to start from when a person switches to fixed breaks (e.g. the current ones, rounded). */
  suggestBreaks: () => number[];
  onChange: (spec: ClassificationSpec) => void;
  /** Saves `spec` as the indicator's default; absent for people who may not. */
  onSave?: () => Promise<void>;
}

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);
const counted = (method: ClassificationMethod) => method !== 'fixed' && method !== 'categorical';

/**
 * Method, number of classes and (fixed) breaks of the map, plus „Als Standard speichern“ for
 * planners. Native selects and a text field: keyboard use and labels come with them.
 */
export function ClassificationControl({
  spec,
  defaultSpec,
  suggestBreaks,
  onChange,
  onSave,
}: ClassificationControlProps) {
  const id = useId();
  const [breaksText, setBreaksText] = useState(() => formatBreaks(spec.breaks ?? []));
  const [breaksError, setBreaksError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const breaksKey = (spec.breaks ?? []).join(';');

  // The field follows the map when the breaks change from outside (other indicator, reset, address):
  // adjusted during render, as React recommends instead of an effect.
  const [shownKey, setShownKey] = useState(breaksKey);
  if (shownKey !== breaksKey) {
    setShownKey(breaksKey);
    setBreaksText(formatBreaks(spec.breaks ?? []));
    setBreaksError(null);
  }

  const isDefault = sameSpec(spec, defaultSpec);

  const changeMethod = (method: ClassificationMethod) => {
    if (method === 'fixed') {
      const breaks = spec.breaks?.length ? spec.breaks : suggestBreaks();
      onChange({ method, classes: spec.classes, breaks: breaks.length ? breaks : [0] });
    } else onChange({ method, classes: spec.classes });
  };

  const applyBreaks = () => {
    const read = parseBreaks(breaksText);
    if (!read.ok) {
      setBreaksError(read.message);
      return;
    }
    setBreaksError(null);
    if (!sameSpec(spec, { ...spec, breaks: read.breaks })) onChange({ ...spec, breaks: read.breaks });
  };

  const save = () => {
    if (!onSave) return;
    setSaving(true);
    setSaveError(null);
    onSave().then(
      () => setSaving(false),
      (error: unknown) => {
        setSaving(false);
        setSaveError(error instanceof Error ? error.message : String(error));
      },
    );
  };

  return (
    <fieldset className="classification-control" data-testid="classification-control">
      <legend className="visually-hidden">{tx.control.group}</legend>
      <div className="field">
        <label htmlFor={`${id}-method`}>{tx.control.method}</label>
        <select
          id={`${id}-method`}
          value={spec.method}
          onChange={(e) => changeMethod(e.target.value as ClassificationMethod)}
          data-testid="classification-method"
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {tx.methods[m]}
            </option>
          ))}
        </select>
      </div>
      {counted(spec.method) && (
        <div className="field">
          <label htmlFor={`${id}-classes`}>{tx.control.classes}</label>
          <select
            id={`${id}-classes`}
            value={spec.classes}
            onChange={(e) => onChange({ method: spec.method, classes: Number(e.target.value) })}
            data-testid="classification-classes"
          >
            {/* a stored default of 10 (deciles) stays selectable */}
            {(spec.classes > MAX_CLASSES ? [...CLASS_COUNTS, spec.classes] : CLASS_COUNTS).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {spec.method === 'fixed' && (
        <div className={`field classification-control__breaks${breaksError ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-breaks`}>{tx.control.breaks}</label>
          <input
            id={`${id}-breaks`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={breaksText}
            onChange={(e) => setBreaksText(e.target.value)}
            onBlur={applyBreaks}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyBreaks();
              }
            }}
            aria-invalid={breaksError ? true : undefined}
            aria-describedby={`${id}-breaks-hint`}
            data-testid="classification-breaks"
          />
        </div>
      )}
      <div className="classification-control__actions">
        {isDefault ? (
          <span className="muted classification-control__default">{tx.control.isDefault}</span>
        ) : (
          <button type="button" className="button" onClick={() => onChange(defaultSpec)}>
            {tx.control.reset}
          </button>
        )}
        {onSave && !isDefault && (
          <button
            type="button"
            className="button button--primary"
            onClick={save}
            disabled={saving}
            aria-busy={saving}
          >
            {saving ? tx.control.saving : tx.control.save}
          </button>
        )}
        {saveError && (
          <p className="field__error" role="alert">
            {saveError}
          </p>
        )}
      </div>
      {spec.method === 'fixed' && (
        // on a line of its own below the fields, so that fields and buttons stay aligned
        <p
          id={`${id}-breaks-hint`}
          className={`classification-control__message ${breaksError ? 'field__error' : 'field__hint'}`}
          role={breaksError ? 'alert' : undefined}
        >
          {breaksError ?? tx.control.breaksHint}
        </p>
      )}
    </fieldset>
  );
}
