import { formatDate } from '../../core/format.ts';

interface DateSelectProps {
  /** Id of the select (the label points to it). */
  id: string;
  label: string;
  /** Stichtage, ascending; offered newest first. */
  dates: readonly string[];
  value: string;
  onChange: (date: string) => void;
  /** Stichtage of a projection among `dates`: labelled „Prognose“. */
  projected?: ReadonlySet<string>;
  'data-testid'?: string;
}

/**
 * The Stichtag field: a labelled select of the dates, newest first, in German date format; the
 * Stichtage of a projection marked as such.
 */
export function DateSelect({
  id,
  label,
  dates,
  value,
  onChange,
  projected,
  'data-testid': testId,
}: DateSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {[...dates].reverse().map((d) => (
          <option key={d} value={d}>
            {projected?.has(d) ? `${formatDate(d)} (Prognose)` : formatDate(d)}
          </option>
        ))}
      </select>
    </div>
  );
}
