/**
 * Stichtage of statistics tables → `YYYY-MM-DD`.
 *
 * Accepted: a year (`2023` → 31.12.2023, the usual Stichtag of yearly statistics), a date
 * (`31.12.2023`, `2023-12-31`, `20231231`, also with a time after it), a month (`2023-06`,
 * `202306`, `06/2023`, `06.2023`, `Juni 2023` → last day of the month), a quarter (`2023Q2`,
 * `2. Quartal 2023` → last day of the quarter). XLSX dates arrive as `Date` (UTC midnight),
 * a numeric year cell as a number. Calendar-checked: `31.02.2023` is refused.
 */
import type { CellValue } from './types.ts';

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jan: 1,
  jänner: 1,
  februar: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const endOfMonth = (y: number, m: number): string | null =>
  m >= 1 && m <= 12 ? ymd(y, m, lastDay(y, m)) : null;

/**
 * Parses a Stichtag; null when the cell is none.
 *
 * @example parseDateCell('2012') // '2012-12-31'
 * @example parseDateCell('30.06.2022') // '2022-06-30'
 * @example parseDateCell('202012') // '2020-12-31'
 */
export function parseDateCell(cell: CellValue): string | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? parseDateText(String(cell)) : null;
  if (typeof cell !== 'string') return null;
  return parseDateText(cell.trim());
}

function parseDateText(t: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return ymd(+m[1]!, 12, 31);
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t))) {
    return ymd(+m[1]!, +m[2]!, +m[3]!);
  }
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: [\d:]+)?$/.exec(t))) return ymd(+m[3]!, +m[2]!, +m[1]!);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return ymd(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{4})-?(\d{2})$/.exec(t))) return endOfMonth(+m[1]!, +m[2]!);
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return endOfMonth(+m[2]!, +m[1]!);
  if ((m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(t)) || (m = /^Q([1-4])\s*[/-]?\s*(\d{4})$/i.exec(t))) {
    const [year, quarter] = m[1]!.length === 4 ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return endOfMonth(year, quarter * 3);
  }
  if ((m = /^([1-4])\.\s*Quartal\s+(\d{4})$/i.exec(t))) return endOfMonth(+m[2]!, +m[1]! * 3);
  if ((m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(t))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month === undefined ? null : endOfMonth(+m[2]!, month);
  }
  return null;
}

/** True for a valid `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && ymd(+m[1]!, +m[2]!, +m[3]!) === text;
}

/** GENESIS MONAT01…MONAT12 / QUART1…QUART4 refine the year-end date to the month or quarter end. */
export function refinePeriod(date: string, code: string): string {
  const year = +date.slice(0, 4);
  const m = /^MONAT(\d{2})$/i.exec(code);
  const q = /^QUART([1-4])$/i.exec(code);
  const month = m ? +m[1]! : q ? +q[1]! * 3 : 0;
  if (month < 1 || month > 12) return date;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
