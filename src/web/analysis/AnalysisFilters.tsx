/**
 * Filters of the atlas: value range of the current indicator (decimal comma accepted) and parent
 * areas (districts). Numbers apply on Enter or when the field is left, so typing never redraws.
 */
import { memo, useId, useState } from 'react';
import type { Indicator, IndicatorValues } from '../api.ts';
import { formatNumber } from '../../core/format.ts';
import { useFetched } from '../ui/useFetched.ts';
import { analysisApi } from './analysis-api.ts';
import { parseGermanNumber, valueExtent } from './filter.ts';
import { at } from './texts.ts';
import type { AnalysisView } from './view-params.ts';

interface AnalysisFiltersProps {
  indicator: Indicator;
  values: IndicatorValues | undefined;
  view: AnalysisView;
  /** Key and name of the parent level (e.g. Stadtbezirk), or null. */
  parentLevel: { key: string; name: string } | null;
  /** Number of areas passing the filters and of all areas. */
  shown: number;
  total: number;
  onChange: (change: Partial<AnalysisView>) => void;
}

const shownNumber = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

function NumberField(props: {
  label: string;
  value: number | null;
  placeholder: string;
  testId: string;
  onCommit: (n: number | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(shownNumber(props.value));
  const [invalid, setInvalid] = useState(false);
  // the applied value changed elsewhere (reset, address): show it (adjusted while rendering)
  const [applied, setApplied] = useState(props.value);
  if (applied !== props.value) {
    setApplied(props.value);
    setText(shownNumber(props.value));
    setInvalid(false);
  }
  const commit = () => {
    const n = parseGermanNumber(text);
    setInvalid(n === undefined);
    if (n !== undefined && n !== props.value) props.onCommit(n);
  };
  return (
    <div className={`field analysis-number${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={props.placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        data-testid={props.testId}
      />
      {invalid && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {at.filters.invalidNumber}
        </span>
      )}
    </div>
  );
}

function Filters(props: AnalysisFiltersProps) {
  const { indicator, values, view, parentLevel, onChange } = props;
  const id = useId();
  const parents = useFetched(parentLevel ? parentLevel.key : null, () => analysisApi.areas(parentLevel!.key));
  const extent = values ? valueExtent(values.values) : null;
  const hint = (i: 0 | 1) => (extent ? formatNumber(extent[i], indicator.decimals) : '');
  const filtered = view.min !== null || view.max !== null || view.parents.length > 0;
  const toggleParent = (key: string, on: boolean) =>
    onChange({ parents: on ? [...view.parents, key] : view.parents.filter((p) => p !== key) });

  return (
    <section className="analysis-filters" aria-labelledby={`${id}-title`} data-testid="analysis-filters">
      <h2 id={`${id}-title`} className="analysis-filters__title">
        {at.filters.title}
      </h2>
      <div className="analysis-filters__row">
        <NumberField
          label={`${at.filters.min}${indicator.unit ? ` (${indicator.unit})` : ''}`}
          value={view.min}
          placeholder={hint(0)}
          testId="filter-min"
          onCommit={(min) => onChange({ min })}
        />
        <NumberField
          label={`${at.filters.max}${indicator.unit ? ` (${indicator.unit})` : ''}`}
          value={view.max}
          placeholder={hint(1)}
          testId="filter-max"
          onCommit={(max) => onChange({ max })}
        />
        {parentLevel && parents.latest && parents.latest.length > 1 && (
          <fieldset className="analysis-parents" data-testid="filter-parents">
            <legend>{parentLevel.name}</legend>
            <div className="analysis-parents__options">
              {parents.latest.map((p) => (
                <label key={p.id} className="analysis-parents__option">
                  <input
                    type="checkbox"
                    checked={view.parents.includes(p.id)}
                    onChange={(e) => toggleParent(p.id, e.target.checked)}
                  />
                  <span>{p.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="analysis-filters__status">
          <p role="status" data-testid="filter-status">
            {at.filters.shown(props.shown, props.total)}
          </p>
          {filtered && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onChange({ min: null, max: null, parents: [] })}
            >
              {at.filters.reset}
            </button>
          )}
        </div>
      </div>
      {extent && <p className="muted analysis-filters__hint">{at.filters.rangeHint(hint(0), hint(1))}</p>}
    </section>
  );
}

/** Filters of the atlas (memoised: the atlas renders on every hover). */
export const AnalysisFilters = memo(Filters);
