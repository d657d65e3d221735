export interface CheckOption {
  value: string;
  label: string;
  /** Options of one group (theme) are shown under its name. */
  group?: string;
}

/** Several of a list as checkboxes in a labelled group, optionally under group names. */
export function CheckList(props: {
  id: string;
  legend: string;
  hint?: string;
  options: readonly CheckOption[];
  value: readonly string[] | undefined;
  onChange: (value: string[]) => void;
}) {
  const { id, legend, hint, options, onChange } = props;
  const chosen = new Set(props.value ?? []);
  const toggle = (value: string, on: boolean) =>
    // keep the order of the options (catalogue order)
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v))));
  const groups = new Map<string, CheckOption[]>();
  for (const o of options) groups.set(o.group ?? '', [...(groups.get(o.group ?? '') ?? []), o]);
  let n = 0;
  return (
    <fieldset
      className="field form-grid__wide template-checklist"
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <div className="template-checklist__box">
        {[...groups].map(([group, list]) => (
          <div
            key={group}
            role={group ? 'group' : undefined}
            aria-labelledby={group ? `${id}-g${n}` : undefined}
          >
            {group && (
              <p id={`${id}-g${n}`} className="template-checklist__group">
                {group}
              </p>
            )}
            <div className="template-checklist__options">
              {list.map((o) => {
                const inputId = `${id}-${n++}`;
                return (
                  <label key={o.value} className="template-checklist__option" htmlFor={inputId}>
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={chosen.has(o.value)}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                    />
                    <span>{o.label}</span>
                  </label>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
