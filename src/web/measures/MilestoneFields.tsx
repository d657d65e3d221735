import type { FieldWiring } from '../ui/form-field.tsx';
import { FieldError } from '../ui/form-field.tsx';
import type { MilestoneDraft } from './measure-draft.ts';
import { mt } from './texts.ts';

interface MilestoneFieldsProps {
  wiring: FieldWiring;
  value: readonly MilestoneDraft[];
  onChange: (milestones: MilestoneDraft[]) => void;
}

/** The milestones of an entry: title, due date and done, one row each, added and removed. */
export function MilestoneFields({ wiring, value, onChange }: MilestoneFieldsProps) {
  const f = mt.form;
  const setRow = (i: number, patch: Partial<MilestoneDraft>) =>
    onChange(value.map((row, j) => (i === j ? { ...row, ...patch } : row)));
  return (
    <fieldset className="form-grid__wide milestone-fields">
      <legend>{f.milestones}</legend>
      {value.map((row, i) => (
        <div key={i} className="milestone-fields__row">
          <div className="field field--grow">
            <label htmlFor={wiring.id(`milestones.${i}.title`)}>{f.milestoneTitle(i + 1)}</label>
            <input
              {...wiring.control(`milestones.${i}.title`)}
              type="text"
              value={row.title}
              onChange={(e) => setRow(i, { title: e.target.value })}
            />
            <FieldError wiring={wiring} path={`milestones.${i}.title`} />
          </div>
          <div className="field">
            <label htmlFor={wiring.id(`milestones.${i}.due`)}>{f.milestoneDue(i + 1)}</label>
            <input
              {...wiring.control(`milestones.${i}.due`)}
              type="date"
              value={row.due}
              onChange={(e) => setRow(i, { due: e.target.value })}
            />
            <FieldError wiring={wiring} path={`milestones.${i}.due`} />
          </div>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={row.done}
              onChange={(e) => setRow(i, { done: e.target.checked })}
            />
            {f.milestoneDone(i + 1)}
          </label>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {f.removeMilestone(i + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...value, { title: '', due: '', done: false }])}
      >
        {f.addMilestone}
      </button>
    </fieldset>
  );
}
