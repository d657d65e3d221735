/** Choosing the Stichtag of a request among the dates with data. */
import { notFound } from '../core/errors.ts';

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Position of the Stichtag asked for in `dates`; without one, of the Datenstand `current` (see
 * `currentDate` in observations/observation.repository.ts), else of the latest date.
 * @param code the stable error code of the caller's domain, e.g. `profile.unknown_date`
 * @throws 404 `code` when there are no values at that Stichtag (German message)
 * @example pickStichtag(['2023-12-31', '2024-12-31'], undefined, '2023-12-31', 'x') // 0
 */
export function pickStichtag(
  dates: readonly string[],
  date: string | undefined,
  current: string | null,
  code: string,
): number {
  const wanted = date ?? (current !== null && dates.includes(current) ? current : dates.at(-1));
  const at = wanted === undefined ? -1 : dates.indexOf(wanted);
  if (at < 0)
    throw notFound(
      code,
      date === undefined
        ? 'Es liegen noch keine Stichtage vor.'
        : `Für den Stichtag ${day(date)} liegen keine Werte vor.`,
      { date },
    );
  return at;
}
