import { Link } from '../ui/Link.tsx';
import { paths } from '../router.ts';
import type { ProfileWarning } from './api.ts';
import { pt } from './texts.ts';

/** The early-warning entries of the area at the Stichtag, most urgent first. */
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
