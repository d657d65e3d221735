import type { ReactNode } from 'react';
import type { AppConfig, Indicator } from '../api.ts';
import { DateSelect } from '../ui/DateSelect.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { t } from '../texts.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import type { InputState, TypologyInputs } from './typology-inputs.ts';

interface TypologyControlsProps {
  /** Prefix of the field ids (the page's useId). */
  id: string;
  /** Accessible name of the controls region. */
  label: string;
  levels: AppConfig['levels'];
  indicators: readonly Indicator[];
  /** The page's current choice (see useTypologyInputs). */
  inputs: TypologyInputs;
  /** A level was chosen (pages reset what depends on it). */
  onLevel: (key: string) => void;
  /** Another Stichtag or indicator selection. */
  onChange: (patch: Pick<Partial<InputState>, 'date' | 'indicators'>) => void;
  /** Further fields of the page in the same row, after Ebene and Stichtag. */
  children?: ReactNode;
}

/** The controls of the typology and compare pages: Ebene, Stichtag, page fields, indicators. */
export function TypologyControls({
  id,
  label,
  levels,
  indicators,
  inputs,
  onLevel,
  onChange,
  children,
}: TypologyControlsProps) {
  return (
    <section className="controls" aria-label={label}>
      <div className="controls__row">
        <LevelSwitch
          name={`${id}-level`}
          legend={t.controls.level}
          levels={levels}
          value={inputs.level.key}
          onChange={onLevel}
        />
        <DateSelect
          id={`${id}-date`}
          label={t.controls.date}
          dates={inputs.dates}
          value={inputs.date}
          onChange={(date) => onChange({ date })}
        />
        {children}
      </div>
      <IndicatorPicker
        indicators={indicators}
        selected={inputs.selected}
        defaults={inputs.defaults}
        onChange={(keys) => onChange({ indicators: keys })}
      />
    </section>
  );
}
