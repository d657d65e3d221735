import { convertedDatesText } from '../../areas/convert/converted-note.ts';
import { Link } from '../ui/Link.tsx';
import { paths } from '../router.ts';
import type { ProfileWarning } from './api.ts';
import { pt } from './texts.ts';

/**
 * The early-warning entries of the area at the Stichtag, most urgent first; an entry that
 * compares values converted from an earlier Gebietsstand says so, as the Frühwarnung list does.
 */
export function WarningsList({ warnings }: { warnings: readonly ProfileWarning[] }) {
  return (
    <>
      {warnings.length === 0 ? (
        <p className="muted">{pt.warnings.none}</p>
      ) : (
        <ul className="profile-warnings" data-testid="profile-warnings">
          {warnings.map((w, i) => (
            <li
              key={`${w.rule}|${w.indicator ?? ''}|${i}`}
              className={`profile-warning profile-warning--${w.severity}`}
            >
              <span className="profile-warning__severity">
                <span className="visually-hidden">{pt.warnings.severityLabel}: </span>
                {pt.warnings.severity[w.severity] ?? w.severity}
              </span>
              <span>
                <strong>{w.ruleName}</strong>
                <br />
                {w.reason}
                {w.converted && (
                  <>
                    <br />
                    <span className="muted" data-testid="profile-warning-converted">
                      {convertedDatesText(w.converted)}
                    </span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="profile-noprint">
        <Link to={paths.warnings}>{pt.warnings.all}</Link>
      </p>
    </>
  );
}
