interface LevelSwitchProps {
  /** Name of the radio group (unique on the page). */
  name: string;
  legend: string;
  /** Levels to choose from, in the order shown. */
  levels: readonly { key: string; name: string }[];
  /** Key of the chosen level. */
  value: string;
  onChange: (key: string) => void;
  'data-testid'?: string;
}

/** The Ebene switch: a fieldset of radio buttons, one a level, shown as a segmented control. */
export function LevelSwitch({
  name,
  legend,
  levels,
  value,
  onChange,
  'data-testid': testId,
}: LevelSwitchProps) {
  return (
    <fieldset className="field segmented" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="segmented__options">
        {levels.map((l) => (
          <label key={l.key} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={l.key}
              checked={l.key === value}
              onChange={() => onChange(l.key)}
            />
            <span>{l.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
