import { useEffect, useEffectEvent, useId, useState } from 'react';
import { Link } from '../ui/Link.tsx';
import { formatNumber } from '../../core/format.ts';
import { paths } from '../router.ts';
import { useFetched } from '../ui/useFetched.ts';
import { tt } from './texts.ts';
import { typologyApi, type SimilarResult } from './typology-api.ts';
import { convertedMarks } from '../indices/converted.ts';
import { DEFAULT_TOLERANCE, germanNumber, parseGermanNumber } from './typology-url.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

interface SimilarAreasProps {
  level: string;
  date: string;
  area: string;
  areaName: string;
  indicators: readonly string[];
  tolerance: number;
  band: 'sd' | 'percent';
  session: string;
  onTolerance: (tolerance: number, band: 'sd' | 'percent') => void;
  /** Take an area as B of the comparison. */
  onPick: (key: string) => void;
}

/** „Vergleichbare Gebiete“ for area A: the tolerance band, and the areas inside it, nearest first. */
export function SimilarAreas(props: SimilarAreasProps) {
  const { level, date, area, areaName, indicators, tolerance, band, session } = props;
  const id = useId();
  // what is typed: committed after a pause, so „0,75“ is not asked for as „0“, „0,7“ and „0,75“
  const [draft, setDraft] = useState(germanNumber(tolerance));
  const [committed, setCommitted] = useState(tolerance);
  if (committed !== tolerance) {
    setCommitted(tolerance);
    setDraft(germanNumber(tolerance));
  }
  const commit = useEffectEvent((v: number) => props.onTolerance(v, band));
  useEffect(() => {
    const v = parseGermanNumber(draft);
    if (v === null || v === committed) return;
    const timer = setTimeout(() => commit(v), 400);
    return () => clearTimeout(timer);
  }, [draft, committed]);
  const key = `${level}|${date}|${area}|${indicators.join(',')}|${tolerance}|${band}|${session}`;
  const similar = useFetched(indicators.length ? key : null, () =>
    typologyApi.similar(level, date, area, indicators, tolerance, band),
  );
  const shown = similar.data;
  return (
    <section className="typology-section" aria-labelledby={`${id}-title`} data-testid="similar-areas">
      <h2 id={`${id}-title`}>{tt.compare.similarTitle(areaName)}</h2>
      <p className="muted">{tt.compare.similarIntro}</p>
      <div className="controls__row similar-controls">
        <div className="field">
          <label htmlFor={`${id}-tolerance`}>{tt.compare.tolerance}</label>
          <div className="tolerance-field">
            <input
              id={`${id}-tolerance`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={parseGermanNumber(draft) === null}
              aria-describedby={`${id}-unit`}
              data-testid="tolerance-input"
            />
            <span id={`${id}-unit`} className="muted">
              {band === 'sd' ? tt.compare.unitSd : tt.compare.unitPercent}
            </span>
          </div>
        </div>
        <fieldset className="field segmented">
          <legend>{tt.compare.band}</legend>
          <div className="segmented__options">
            {(['sd', 'percent'] as const).map((b) => (
              <label key={b} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-band`}
                  checked={band === b}
                  onChange={() => props.onTolerance(DEFAULT_TOLERANCE[b], b)}
                />
                <span>{b === 'sd' ? tt.compare.bandSd : tt.compare.bandPercent}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {similar.error && (
        <p className="alert" role="alert">
          {similar.error.message}
        </p>
      )}
      {similar.loading && <p className="muted">{tt.compare.loading}</p>}
      {shown && (
        <>
          <p role="status">{tt.compare.similarCount(shown.similar.length, shown.incomplete)}</p>
          <SimilarTable
            shown={shown}
            level={level}
            areaName={areaName}
            captionId={`${id}-caption`}
            onPick={props.onPick}
          />
          {shown.similar.length === 0 && <p className="muted">{tt.compare.noSimilar}</p>}
        </>
      )}
    </section>
  );
}

const Mark = ({ marker }: { marker: string | undefined }) => (
  <ConvertedMark marker={marker} className="typology-table__converted" testId="similar-converted" />
);

interface SimilarTableProps {
  shown: SimilarResult;
  level: string;
  areaName: string;
  captionId: string;
  onPick: (key: string) => void;
}

/** The reference area, the band and the similar areas, with the „umgerechnet“ marks of their inputs. */
export function SimilarTable({ shown, level, areaName, captionId, onPick }: SimilarTableProps) {
  const fmt = (v: number, j: number) => formatNumber(v, shown.indicators[j]?.decimals ?? 1);
  // numbered in the table's order, as the index table numbers its areas
  const converted = convertedMarks({
    areas: [shown.reference, ...shown.similar].map((a) => ({ id: a.key, converted: a.converted })),
  });
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="typology-table" data-testid="similar-table">
          <caption id={captionId} className="visually-hidden">
            {tt.compare.similarCaption(areaName)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{tt.compare.areas}</th>
              <th scope="col" className="num">
                {tt.compare.distance}
              </th>
              {shown.indicators.map((i) => (
                <th key={i.key} scope="col" className="num">
                  {i.name}
                  {i.unit && <span className="typology-table__unit"> ({i.unit})</span>}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{tt.compare.compareWith}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="similar-table__reference">
              <th scope="row">
                {shown.reference.name}
                <Mark marker={converted.markers.get(shown.reference.key)} />
              </th>
              <td className="num">–</td>
              {shown.reference.values.map((v, j) => (
                <td key={j} className="num">
                  {fmt(v, j)}
                </td>
              ))}
              <td />
            </tr>
            <tr className="similar-table__band">
              <th scope="row">{tt.compare.bandRow}</th>
              <td className="num" />
              {shown.indicators.map((i, j) => (
                <td key={i.key} className="num">
                  {fmt(i.low, j)} – {fmt(i.high, j)}
                </td>
              ))}
              <td />
            </tr>
            {shown.similar.map((s) => (
              <tr key={s.key} data-key={s.key}>
                <th scope="row">
                  <Link to={paths.profile(level, s.key)}>{s.name}</Link>
                  <Mark marker={converted.markers.get(s.key)} />
                </th>
                <td className="num">{formatNumber(s.distance, 2)}</td>
                {s.values.map((v, j) => (
                  <td key={j} className="num">
                    {fmt(v, j)}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onPick(s.key)}
                    aria-label={`${s.name} ${tt.compare.compareWith}`}
                  >
                    {tt.compare.compareWith}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConvertedNotes
        notes={converted.notes}
        className="typology-table__notes muted"
        testId="similar-converted-notes"
        label={tt.typology.convertedNotes}
      />
    </>
  );
}
