import { useId } from 'react';
import type { AppConfig } from '../api.ts';
import { DateSelect } from '../ui/DateSelect.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { CODE_VIEW } from './matrix.ts';
import { mt } from './texts.ts';
import type { IndexDefinition } from './types.ts';

type Level = AppConfig['levels'][number];

interface MonitoringControlsProps {
  /** Stored indices; while they load, only the current key is offered. */
  indices: readonly Pick<IndexDefinition, 'key' | 'name'>[];
  index: string;
  levels: readonly Level[];
  level: string;
  dates: readonly string[];
  date: string;
  /** Parts of the shown index (map views), plus the combined code. */
  parts: readonly { key: string; label: string }[];
  view: string;
  onIndex: (key: string) => void;
  onLevel: (key: string) => void;
  onDate: (date: string) => void;
  onView: (view: string) => void;
}

/** Index, Ebene, Stichtag and what the map is coloured by. */
export function MonitoringControls(props: MonitoringControlsProps) {
  const { indices, index, levels, level, dates, date, parts, view } = props;
  const id = useId();
  const options = indices.some((i) => i.key === index) ? indices : [{ key: index, name: index }, ...indices];
  const views = [...parts, ...(parts.length > 1 ? [{ key: CODE_VIEW, label: mt.controls.code }] : [])];
  return (
    <section className="controls" aria-label={mt.controls.region}>
      <div className="controls__row">
        <div className="field field--grow">
          <label htmlFor={`${id}-index`}>{mt.controls.index}</label>
          <select
            id={`${id}-index`}
            value={index}
            onChange={(e) => props.onIndex(e.target.value)}
            data-testid="index-select"
          >
            {options.map((i) => (
              <option key={i.key} value={i.key}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <DateSelect
          id={`${id}-date`}
          label={mt.controls.date}
          dates={dates}
          value={date}
          onChange={props.onDate}
          data-testid="index-date-select"
        />
        <LevelSwitch
          name={`${id}-level`}
          legend={mt.controls.level}
          levels={levels}
          value={level}
          onChange={props.onLevel}
          data-testid="index-level-switch"
        />
        {views.length > 1 && (
          <fieldset className="field segmented" data-testid="index-view-switch">
            <legend>{mt.controls.view}</legend>
            <div className="segmented__options">
              {views.map((v) => (
                <label key={v.key} className="segmented__option">
                  <input
                    type="radio"
                    name={`${id}-view`}
                    value={v.key}
                    checked={v.key === view}
                    onChange={() => props.onView(v.key)}
                  />
                  <span>{v.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>
    </section>
  );
}
