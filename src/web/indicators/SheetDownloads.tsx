import { useId, useState } from 'react';
import { downloads, type AppConfig, type Indicator } from '../api.ts';
import { formatDate } from '../../core/format.ts';
import { t } from '../texts.ts';
import { lastAtlasSelection } from '../url-state.ts';
import { defaultDate } from '../ui/dates.ts';
import { DateSelect } from '../ui/DateSelect.tsx';

type Level = AppConfig['levels'][number];

interface SheetDownloadsProps {
  indicator: Indicator;
  /** Map levels (rank ≥ 1), coarse to fine; not empty. */
  levels: readonly Level[];
  defaultLevel: string | null;
  /** Stichtage with data, ascending; not empty. */
  dates: readonly string[];
  /** The Datenstand the downloads start with (see defaultDate). */
  currentDate: string | null;
  /** Planners see counts in the files; everyone else protected values only. */
  protectedOnly: boolean;
}

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
] as const;

/** Values of one level and Stichtag as CSV or XLSX (the level and year of the atlas to start with). */
export function SheetDownloads({
  indicator,
  levels,
  defaultLevel,
  dates,
  currentDate,
  protectedOnly,
}: SheetDownloadsProps) {
  const id = useId();
  const fromAtlas = lastAtlasSelection();
  const [level, setLevel] = useState(
    () =>
      levels.find((l) => l.key === fromAtlas.level)?.key ??
      levels.find((l) => l.key === defaultLevel)?.key ??
      levels.at(-1)?.key ??
      '',
  );
  const [date, setDate] = useState(() =>
    fromAtlas.date && dates.includes(fromAtlas.date)
      ? fromAtlas.date
      : defaultDate({ dates: [...dates], currentDate }),
  );

  return (
    <section className="sheet__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.sheet.downloadTitle}</h2>
      <p>
        {t.sheet.downloadIntro(formatDate(date))}
        {protectedOnly && <> {t.sheet.downloadPublic}</>}
      </p>
      <div className="controls__row">
        <div className="field">
          <label htmlFor={`${id}-level`}>{t.sheet.level}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
            {levels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <DateSelect id={`${id}-date`} label={t.sheet.date} dates={dates} value={date} onChange={setDate} />
        <div className="button-row">
          {FORMATS.map(({ format, label }) => (
            <a
              key={format}
              className="button"
              href={downloads.values(indicator.key, level, date, format)}
              download
              data-testid={`download-${format}`}
            >
              {t.sheet.download(label)}
            </a>
          ))}
        </div>
      </div>
    </section>
  );
}
