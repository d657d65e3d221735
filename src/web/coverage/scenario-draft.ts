/**
 * The form of one planned change as text fields, checked before anything is sent, and a planned
 * change in words for the scenario list.
 */
import { formatDate, formatNumber } from '../../core/format.ts';
import { parseNumber } from '../facilities/facility-form.ts';
import type { ScenarioChange, ScenarioChangeInput } from './coverage-api.ts';
import { st } from './texts.ts';

export type ChangeKind = ScenarioChangeInput['kind'];

export interface ChangeDraft {
  kind: ChangeKind;
  type: string;
  name: string;
  capacity: string;
  lon: string;
  lat: string;
  /** Number (key) of an existing facility (closure, capacity). */
  facility: string;
  level: string;
  area: string;
  /** One `variable = count` a line. */
  population: string;
  /** Supply by facility property (places per age group), one `property = number` a line; optional. */
  properties: string;
  /** Empty: from the beginning of the scenario. */
  validFrom: string;
}

export type ChangeField = keyof ChangeDraft;

export const emptyChange = (type: string, level: string): ChangeDraft => ({
  kind: 'opening',
  type,
  name: '',
  capacity: '',
  lon: '',
  lat: '',
  facility: '',
  level,
  area: '',
  population: '',
  properties: '',
  validFrom: '',
});

/**
 * Reads `ew = 1200` lines (also `ew: 1200`, `ew=1.200`) into a record: the population of a
 * quarter by variable, or the supply of a facility by property.
 * @returns the record, or the number (1-based) of the first line that is no such pair
 * @example parseCounts('ew = 1200\new_u3 = 60') // { ok: true, population: { ew: 1200, ew_u3: 60 } }
 */
export function parseCounts(
  text: string,
): { ok: true; population: Record<string, number> } | { ok: false; badLine: number } {
  const result: Record<string, number> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([A-Za-z0-9_]+)\s*[=:]\s*(.+)$/.exec(line);
    const value = match ? parseNumber(match[2]!) : Number.NaN;
    if (!match || !Number.isFinite(value) || value < 0) return { ok: false, badLine: i + 1 };
    result[match[1]!] = (result[match[1]!] ?? 0) + value;
  }
  return { ok: true, population: result };
}

/**
 * The change to send, or the German message per field of what is missing or wrong.
 * @example changeInput({ ...emptyChange('kita', 'sozialraum'), kind: 'closure', facility: 'kita-001' })
 * // { change: { kind: 'closure', type: 'kita', facility: 'kita-001' }, problems: {} }
 */
export function changeInput(draft: ChangeDraft): {
  change: ScenarioChangeInput | null;
  problems: Partial<Record<ChangeField, string>>;
} {
  const problems: Partial<Record<ChangeField, string>> = {};
  const E = st.change;
  const from = draft.validFrom.trim();
  if (from && !/^\d{4}-\d{2}-\d{2}$/.test(from)) problems.validFrom = E.date;
  const validFrom = from ? { validFrom: from } : {};
  const capacity = parseNumber(draft.capacity);
  const needCapacity = () => {
    if (!Number.isFinite(capacity) || capacity < 0) problems.capacity = E.number;
  };
  const needFacility = () => {
    if (!draft.facility) problems.facility = E.required;
  };
  const withSupply = draft.kind === 'opening' || draft.kind === 'capacity';
  const props = withSupply ? parseCounts(draft.properties) : parseCounts('');
  if (!props.ok) problems.properties = E.populationLine(props.badLine);
  const properties = props.ok && Object.keys(props.population).length ? { properties: props.population } : {};
  let change: ScenarioChangeInput | null = null;
  switch (draft.kind) {
    case 'opening': {
      if (!draft.name.trim()) problems.name = E.required;
      needCapacity();
      const lon = parseNumber(draft.lon);
      const lat = parseNumber(draft.lat);
      if (!Number.isFinite(lon) || lon < -180 || lon > 180) problems.lon = E.position;
      if (!Number.isFinite(lat) || lat < -90 || lat > 90) problems.lat = E.position;
      change = {
        kind: 'opening',
        type: draft.type,
        name: draft.name.trim(),
        capacity,
        ...properties,
        lon,
        lat,
        ...validFrom,
      };
      break;
    }
    case 'closure':
      needFacility();
      change = { kind: 'closure', type: draft.type, facility: draft.facility, ...validFrom };
      break;
    case 'capacity':
      needFacility();
      needCapacity();
      change = {
        kind: 'capacity',
        type: draft.type,
        facility: draft.facility,
        capacity,
        ...properties,
        ...validFrom,
      };
      break;
    case 'quarter': {
      if (!draft.area) problems.area = E.required;
      const parsed = parseCounts(draft.population);
      if (!parsed.ok) problems.population = E.populationLine(parsed.badLine);
      else if (Object.keys(parsed.population).length === 0) problems.population = E.populationEmpty;
      const name = draft.name.trim();
      change = {
        kind: 'quarter',
        ...(name ? { name } : {}),
        level: draft.level,
        area: draft.area,
        population: parsed.ok ? parsed.population : {},
        ...validFrom,
      };
      break;
    }
  }
  return { change: Object.keys(problems).length ? null : change, problems };
}

/** Names the page knows: facility types with their unit, facilities by type and key, areas. */
export interface ChangeNames {
  type: (key: string) => { name: string; unit: string };
  facility: (type: string, key: string) => string;
  area: (level: string, key: string) => string;
}

/**
 * A planned change in words.
 * @example describeChange({ id: 1, kind: 'closure', type: 'kita', facility: 'kita-001' }, names)
 * // 'Kindertageseinrichtung Kita Sonnenschein (kita-001) schließt, von Beginn an'
 */
export function describeChange(change: ScenarioChange | ScenarioChangeInput, names: ChangeNames): string {
  const D = st.describe;
  const from = D.from(change.validFrom ? formatDate(change.validFrom) : null);
  const amount = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1);
  const pairs = (record: Record<string, number> | undefined, sign = '') =>
    Object.entries(record ?? {})
      .map(([k, v]) => `${k} ${sign}${amount(v)}`)
      .join(', ');
  const extra = (record: Record<string, number> | undefined) =>
    record && Object.keys(record).length ? ` (${pairs(record)})` : '';
  switch (change.kind) {
    case 'opening': {
      const t = names.type(change.type);
      return `${D.opening(t.name, change.name, amount(change.capacity), t.unit)}${extra(change.properties)}, ${from}`;
    }
    case 'closure':
      return `${D.closure(names.type(change.type).name, names.facility(change.type, change.facility))}, ${from}`;
    case 'capacity': {
      const t = names.type(change.type);
      return `${D.capacity(t.name, names.facility(change.type, change.facility), amount(change.capacity), t.unit)}${extra(change.properties)}, ${from}`;
    }
    case 'quarter': {
      const people = pairs(change.population, '+');
      return `${D.quarter(change.name || D.quarterName, names.area(change.level, change.area), people)}, ${from}`;
    }
  }
}
