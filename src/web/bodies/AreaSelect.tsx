import { useId, useMemo } from 'react';
import { api, type AppConfig } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';

export interface AreaChoice {
  level: string;
  key: string;
}

interface AreaSelectProps {
  levels: AppConfig['levels'];
  value: AreaChoice;
  /** `name`: the chosen area's name (none for the empty choice). */
  onChange: (value: AreaChoice, name?: string) => void;
  levelLabel: string;
  areaLabel: string;
  /** Label of the empty choice (e.g. „ganze Stadt“); without it an area must be chosen. */
  emptyLabel?: string;
}

/** A level, then one of its areas (current Gebietsstand). */
export function AreaSelect({ levels, value, onChange, levelLabel, areaLabel, emptyLabel }: AreaSelectProps) {
  const id = useId();
  const areas = useFetched(value.level ? `areas#${value.level}` : null, () => api.areas(value.level));
  const options = useMemo(
    () =>
      (areas.data?.features ?? [])
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [areas.data],
  );
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-level`}>{levelLabel}</label>
        <select
          id={`${id}-level`}
          value={value.level}
          onChange={(e) => onChange({ level: e.target.value, key: '' })}
        >
          {levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-area`}>{areaLabel}</label>
        <select
          id={`${id}-area`}
          value={value.key}
          required={emptyLabel === undefined}
          onChange={(e) =>
            onChange(
              { level: value.level, key: e.target.value },
              options.find((a) => a.id === e.target.value)?.name,
            )
          }
        >
          <option value="">{emptyLabel ?? '–'}</option>
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
