import { useEffect, useRef } from 'react';

export interface FormProblems {
  /** One German sentence above the list. */
  summary: string;
  /** Message per field path. */
  fields: Record<string, string>;
}

/**
 * The error summary above a form (GOV.UK pattern): gets focus when problems arrive, lists every
 * field's message as a link that moves focus to the field. One component for the indicator, index
 * and report template editors.
 */
export function ErrorSummary({
  problems,
  idOf,
  labelOf,
}: {
  problems: FormProblems | null;
  idOf: (path: string) => string;
  labelOf: (path: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems) ref.current?.focus();
  }, [problems]);
  if (!problems) return null;
  const fieldErrors = Object.entries(problems.fields);
  return (
    <div ref={ref} className="alert error-summary" role="alert" tabIndex={-1}>
      <p>{problems.summary}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${idOf(path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(idOf(path))?.focus();
                }}
              >
                {labelOf(path)}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
