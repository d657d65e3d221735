/**
 * The Eckwerte der Stadt as a planner types them — one per line, `31.12.2030: 512.000` — read
 * into control totals, checked as the server checks them (src/projection/control-totals.ts
 * `checkControl`) so that a typing error is named at its line before anything is sent, and written
 * back in the same form.
 */
import { formatDate, formatNumber } from '../../core/format.ts';
import type { PopulationProjection } from './projection-api.ts';

/** A city total (persons) at a Stichtag, as the projection route takes it. */
export type ControlPoint = NonNullable<PopulationProjection['control']>[number];

/** At most this many Eckwerte (the server stores no more with a run). */
export const MAX_CONTROL_POINTS = 60;

export type ControlParse = { ok: true; points: ControlPoint[] } | { ok: false; message: string };

// Stichtag: DD.MM.YYYY, YYYY-MM-DD or only the year; then `:`, `;`, `=`, a tab or spaces; then the
// persons, with or without thousands separators (point, space, no-break space, apostrophe)
const LINE =
  /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{4})(?:\s*[:;=\t]\s*|\s+)(\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+|\d+)$/;

const pad = (n: string) => n.padStart(2, '0');

/** A typed Stichtag as ISO date; a bare year takes the day and month of the base. Null: no date. */
function isoDate(text: string, base: string): string | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${pad(german[2]!)}-${pad(german[1]!)}`
    : /^\d{4}$/.test(text)
      ? `${text}${base.slice(4)}`
      : text;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(iso) ? null : iso;
}

/**
 * Reads the Eckwerte typed one per line and checks them against the projection's base and target:
 * each a Stichtag whole years after the base, once, with a positive number of persons, the last
 * not before the target (held constant the city would stagnate where nobody projected it). Blank
 * lines are skipped; no line at all means no Eckwerte.
 * @param text e.g. `31.12.2030: 512.000\n31.12.2040: 515.000`
 * @param base the Ausgangsstichtag, `YYYY-MM-DD`
 * @param to the last projected Stichtag, `YYYY-MM-DD`
 * @returns the points sorted by date, or a German message naming the line
 * @example parseControlInput('31.12.2030: 512.000', '2024-12-31', '2030-12-31') // { ok: true, points: [{ date: '2030-12-31', total: 512000 }] }
 */
export function parseControlInput(text: string, base: string, to: string): ControlParse {
  const points: ControlPoint[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = `Zeile ${i + 1}`;
    const m = LINE.exec(line);
    if (!m)
      return {
        ok: false,
        message: `${at}: „${line}“ ist kein Eckwert. Erwartet: Stichtag und Einwohnerzahl, z. B. ${formatDate(to)}: 512.000.`,
      };
    const date = isoDate(m[1]!, base);
    if (!date) return { ok: false, message: `${at}: „${m[1]}“ ist kein gültiges Datum.` };
    if (date.slice(4) !== base.slice(4) || date <= base)
      return {
        ok: false,
        message: `${at}: Der Eckwert zum ${formatDate(date)} liegt nicht ganze Jahre nach dem Ausgangsstichtag ${formatDate(base)}; Eckwerte gelten am ${formatDate(base).slice(0, 6)} eines späteren Jahres.`,
      };
    if (points.some((p) => p.date === date))
      return { ok: false, message: `${at}: Für den ${formatDate(date)} ist schon ein Eckwert angegeben.` };
    const total = Number(m[2]!.replace(/\D/g, ''));
    if (!(total > 0))
      return {
        ok: false,
        message: `${at}: Der Eckwert zum ${formatDate(date)} ist keine positive Einwohnerzahl.`,
      };
    points.push({ date, total });
  }
  if (points.length > MAX_CONTROL_POINTS)
    return { ok: false, message: `Es sind höchstens ${MAX_CONTROL_POINTS} Eckwerte möglich.` };
  points.sort((a, b) => a.date.localeCompare(b.date));
  const last = points.at(-1);
  if (last && last.date < to)
    return {
      ok: false,
      message: `Die Eckwerte reichen nur bis ${formatDate(last.date)}; die Prognose bis ${formatDate(to)} braucht einen Eckwert für ihr letztes Jahr.`,
    };
  return { ok: true, points };
}

/**
 * The Eckwerte as the planner types them, one per line.
 * @example formatControlInput([{ date: '2030-12-31', total: 512000 }]) // '31.12.2030: 512.000'
 */
export function formatControlInput(points: readonly ControlPoint[]): string {
  return points.map((p) => `${formatDate(p.date)}: ${formatNumber(p.total, 0)}`).join('\n');
}

/**
 * The Eckwerte in the query of GET /api/projection/population; undefined: none.
 * @example controlQuery([{ date: '2030-12-31', total: 512000 }]) // '2030-12-31:512000'
 */
export function controlQuery(points: readonly ControlPoint[] | null): string | undefined {
  return points?.length ? points.map((p) => `${p.date}:${p.total}`).join(',') : undefined;
}
