import { useId, useMemo, useState } from 'react';
import { api, messageOf, type AppConfig } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import type { AreaRef } from './measures-api.ts';
import { mt } from './texts.ts';

interface AreaPickerProps {
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  value: readonly AreaRef[];
  onChange: (areas: AreaRef[]) => void;
}

/**
 * The areas a measure works in: a level, then several of its areas. Areas chosen on another
 * level stay as they are (a measure may name a district and single Sozialräume).
 */
export function AreaPicker({ levels, defaultLevel, value, onChange }: AreaPickerProps) {
  const id = useId();
  const [level, setLevel] = useState(
    () => value[0]?.level ?? levels.find((l) => l.key === defaultLevel)?.key ?? levels.at(-1)?.key ?? '',
  );
  const areas = useFetched(level ? `areas#${level}` : null, () => api.areas(level));
  const options = useMemo(
    () =>
      (areas.data?.features ?? [])
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [areas.data],
  );
  const chosen = value.filter((a) => a.level === level).map((a) => a.key);
  return (
    <fieldset className="form-grid__wide area-picker">
      <legend>{mt.form.areasLegend}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-level`}>{mt.form.areaLevel}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
            {levels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-areas`}>{mt.form.areas}</label>
          <select
            id={`${id}-areas`}
            multiple
            size={8}
            value={chosen}
            aria-describedby={`${id}-chosen`}
            onChange={(e) =>
              onChange([
                ...value.filter((a) => a.level !== level),
                ...Array.from(e.target.selectedOptions, (o) => ({ level, key: o.value })),
              ])
            }
          >
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <p id={`${id}-chosen`} className="field__hint">
            {mt.form.areasChosen(value.length)}
          </p>
          {areas.error && (
            <p className="field__error" role="alert">
              {messageOf(areas.error)}
            </p>
          )}
        </div>
      </div>
    </fieldset>
  );
}
