/** Option parsing shared by commands: dates, numbers, formats and query strings, checked early. */
import { LagebildError } from '../core/errors.ts';

/** A `YYYY-MM-DD` option, checked before any file is read or the database opened. */
export function isoDate(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!ok)
    throw new LagebildError(
      'cli.invalid_date',
      `${option}: „${text}“ ist kein Datum (erwartet JJJJ-MM-TT, z. B. 2024-12-31).`,
    );
  return text;
}

/** A number option (decimal point or comma). */
export function numberOption(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n))
    throw new LagebildError('cli.invalid_number', `${option}: „${text}“ ist keine Zahl.`);
  return n;
}

/** One of `allowed`, else a German error naming them. */
export function choice<T extends string>(text: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new LagebildError(
    'cli.invalid_choice',
    `${option}: „${text}“ ist nicht möglich (möglich: ${allowed.join(', ')}).`,
  );
}

/** `a+b+c` or `a,b` → the variable keys. */
export const variableList = (text: string) =>
  text
    .split(/[+,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A query string of the defined parameters. */
export const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();

/** A number for CSV output: at most two decimals, no thousands separators; empty when null. */
export const csvNumber = (n: number | null) => (n === null ? '' : String(Math.round(n * 100) / 100));

/** `gaussian`, `gravity` (β = 1), `gravity:2`, `step`. */
export function decayOf(text: string) {
  const [kind, arg] = text.split(':');
  if (kind === 'gaussian') return { kind: 'gaussian' as const };
  if (kind === 'step') return { kind: 'step' as const };
  if (kind === 'gravity') return { kind: 'gravity' as const, beta: numberOption(arg, '--decay') ?? 1 };
  throw new LagebildError(
    'cli.invalid_decay',
    `--decay: „${text}“ ist unbekannt (möglich: gaussian, gravity[:β], step).`,
  );
}
