import { useId } from 'react';
import type { Indicator } from '../api.ts';
import { byTheme } from '../indicators/catalogue.ts';
import { MAX_INDICATORS } from '../../typology/defaults.ts';
import { tt } from './texts.ts';

interface IndicatorPickerProps {
  indicators: readonly Indicator[];
  selected: readonly string[];
  defaults: readonly string[];
  onChange: (keys: string[]) => void;
}

/**
 * Checkboxes for the indicators of a typology or comparison, grouped by theme, in a disclosure
 * that shows the current choice when closed. The order of the selection follows the catalogue.
 */
export function IndicatorPicker({ indicators, selected, defaults, onChange }: IndicatorPickerProps) {
  const id = useId();
  const chosen = new Set(selected);
  const names = indicators.filter((i) => chosen.has(i.key)).map((i) => i.name);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    // keep catalogue order, so the same choice always gives the same address and request
    onChange(indicators.filter((i) => next.has(i.key)).map((i) => i.key));
  };
  return (
    <details className="indicator-picker" data-testid="indicator-picker">
      <summary>
        <span className="indicator-picker__title">{tt.picker.legend}:</span>{' '}
        <span className="indicator-picker__names">{names.join(', ') || '–'}</span>
      </summary>
      <fieldset className="indicator-picker__body">
        <legend className="visually-hidden">{tt.picker.legend}</legend>
        <p className="muted indicator-picker__hint" id={`${id}-hint`}>
          {tt.picker.hint(selected.length, MAX_INDICATORS)}{' '}
          <button type="button" className="link-button" onClick={() => onChange([...defaults])}>
            {tt.picker.defaults}
          </button>
        </p>
        <div className="indicator-picker__groups">
          {byTheme(indicators).map(([theme, group], g) => (
            <div
              key={theme}
              className="indicator-picker__group"
              role="group"
              aria-labelledby={`${id}-theme${g}`}
            >
              <h3 id={`${id}-theme${g}`} className="indicator-picker__theme">
                {theme}
              </h3>
              {group.map((i) => {
                const on = chosen.has(i.key);
                return (
                  <label key={i.key} className="indicator-picker__option">
                    <input
                      type="checkbox"
                      value={i.key}
                      checked={on}
                      disabled={!on && selected.length >= MAX_INDICATORS}
                      onChange={(e) => toggle(i.key, e.target.checked)}
                      aria-describedby={`${id}-hint`}
                    />
                    <span>{i.name}</span>
                  </label>
                );
              })}
            </div>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
