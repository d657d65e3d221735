import { useId, type ReactNode } from 'react';
import type { AppConfig, Indicator } from '../api.ts';
import { byTheme } from '../indicators/catalogue.ts';
import { t } from '../texts.ts';
import { DateSelect } from '../ui/DateSelect.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';

type Level = AppConfig['levels'][number];

interface ControlsProps {
  indicators: readonly Indicator[];
  indicator: Indicator;
  dates: readonly string[];
  /** Projected Stichtage among `dates`. */
  projected: ReadonlySet<string>;
  date: string;
  levels: readonly Level[];
  level: string;
  onIndicator: (key: string) => void;
  onDate: (date: string) => void;
  onLevel: (key: string) => void;
  /** Further controls below the indicator description, e.g. the map classification. */
  children?: ReactNode;
}

/** Indikator, Jahr and Ebene. */
export function Controls(props: ControlsProps) {
  const { indicators, indicator, dates, date, levels, level } = props;
  const id = useId();
  return (
    <section className="controls" aria-label={t.controls.region}>
      <div className="controls__row">
        <div className="field field--grow">
          <label htmlFor={`${id}-indicator`}>{t.controls.indicator}</label>
          <select
            id={`${id}-indicator`}
            value={indicator.key}
            onChange={(e) => props.onIndicator(e.target.value)}
            aria-describedby={`${id}-description`}
            data-testid="indicator-select"
          >
            {byTheme(indicators).map(([theme, group]) => (
              <optgroup key={theme} label={theme}>
                {group.map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.published ? i.name : `${i.name} ${t.controls.unpublished}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <DateSelect
          id={`${id}-date`}
          label={t.controls.date}
          dates={dates}
          projected={props.projected}
          value={date}
          onChange={props.onDate}
          data-testid="date-select"
        />
        <LevelSwitch
          name={`${id}-level`}
          legend={t.controls.level}
          // a level of only some areas says so before it is chosen
          levels={levels.map((l) => (l.partial ? { key: l.key, name: t.controls.partialLevel(l.name) } : l))}
          value={level}
          onChange={props.onLevel}
          data-testid="level-switch"
        />
      </div>
      <p id={`${id}-description`} className="controls__description">
        {indicator.description} <span className="muted">{t.polarity[indicator.polarity]}</span>
      </p>
      {props.children}
    </section>
  );
}
