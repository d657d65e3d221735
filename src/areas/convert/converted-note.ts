/**
 * The „umgerechnet“ mark in words: one sentence for monitoring, reports and the web, with the
 * method names of `messages.ts`, so every output says a conversion the same way.
 */
import { formatDate } from '../../core/format.ts';
import { methodNames } from './messages.ts';

/**
 * „umgerechnet vom Gebietsstand 01.01.2021 (flächengewichtet)“.
 * @param c.method the stored method key (`methodNames`; an unknown key is shown as it is)
 * @param c.from valid_from of the Gebietsstand the counts were converted from (YYYY-MM-DD)
 * @example convertedNote({ method: 'area', from: '2021-01-01' })
 * // 'umgerechnet vom Gebietsstand 01.01.2021 (flächengewichtet)'
 */
export function convertedNote(c: { method: string; from: string }): string {
  const names: Readonly<Record<string, string>> = methodNames;
  return `umgerechnet vom Gebietsstand ${formatDate(c.from)} (${names[c.method] ?? c.method})`;
}

/**
 * The converted Stichtage of a finding in one sentence per source Gebietsstand and method,
 * joined by „; “ — under a warning or a change, whose numbers compare these values.
 * @param marks Stichtage with their mark, oldest first
 * @example convertedDatesText([{ date: '2019-12-31', method: 'area', from: '2000-01-01' },
 *   { date: '2020-12-31', method: 'area', from: '2000-01-01' }])
 * // 'Werte vom 31.12.2019 und 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)'
 */
export function convertedDatesText(marks: readonly { date: string; method: string; from: string }[]): string {
  const groups = new Map<string, { note: string; dates: string[] }>();
  for (const m of marks) {
    const key = `${m.from}|${m.method}`;
    const g = groups.get(key) ?? { note: convertedNote(m), dates: [] };
    g.dates.push(formatDate(m.date));
    groups.set(key, g);
  }
  return [...groups.values()]
    .map(({ note, dates }) => {
      const list = dates.length > 1 ? `${dates.slice(0, -1).join(', ')} und ${dates.at(-1)!}` : dates[0]!;
      return `${dates.length > 1 ? 'Werte' : 'Wert'} vom ${list} ${note}`;
    })
    .join('; ');
}
