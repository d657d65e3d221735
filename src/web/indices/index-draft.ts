/**
 * The index definition as the editor holds it (pure): numbers as the text people type (German
 * decimal comma allowed), the excluded areas as one line of keys. `toDefinition` turns it back;
 * what is not a number stays text, so the server's check names the field.
 */
import type { IndexDefinition } from './types.ts';

export interface IndicatorDraft {
  indicator: string;
  code: string;
  direction: '1' | '-1';
  weight: string;
}

export interface ClassDraft {
  code: string;
  label: string;
  min: string;
  minInclusive: boolean;
  max: string;
  maxInclusive: boolean;
  severity: string;
  /** The stored severity (e.g. 1/3) while the shown, rounded text is unchanged. */
  severityExact?: number;
}

export interface PartDraft {
  key: string;
  label: string;
  indicators: IndicatorDraft[];
  classes: ClassDraft[];
}

export interface IndexDraft {
  key: string;
  name: string;
  description: string;
  parts: PartDraft[];
  standardisation: IndexDefinition['standardisation'];
  aggregation: IndexDefinition['aggregation'];
  mean: IndexDefinition['mean'];
  restandardise: boolean;
  minPopulation: string;
  /** Area keys, separated by commas, semicolons or white space. */
  excluded: string;
  missing: IndexDefinition['missing'];
  codeJoin: string;
}

/** A number as people type it: `1,5` or `1.5`; thousands dots are not expected in these fields. */
const numberText = (value: number | null): string => (value === null ? '' : String(value).replace('.', ','));

/** Severities like 1/3 are shown with four decimals; the exact value is kept unless edited. */
const severityText = (value: number): string => numberText(Math.round(value * 1e4) / 1e4);

/**
 * Reads a typed number; empty → null; anything else that is no number stays text for the server
 * to reject at the right field.
 * @example parseNumber('1,5') // 1.5
 * @example parseNumber('') // null
 * @example parseNumber('viel') // 'viel'
 */
export function parseNumber(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

export const emptyIndicator = (): IndicatorDraft => ({
  indicator: '',
  code: '',
  direction: '1',
  weight: '1',
});
export const emptyClass = (): ClassDraft => ({
  code: '',
  label: '',
  min: '',
  minInclusive: false,
  max: '',
  maxInclusive: true,
  severity: '0,5',
});

/** MSS status classes, the start of a new index (docs/methods.md §3). */
const MSS_STATUS: ClassDraft[] = [
  { code: '1', label: 'hoch', min: '', minInclusive: false, max: '-1', maxInclusive: false, severity: '0' },
  {
    code: '2',
    label: 'mittel',
    min: '-1',
    minInclusive: true,
    max: '1',
    maxInclusive: true,
    severity: '0,33',
  },
  {
    code: '3',
    label: 'niedrig',
    min: '1',
    minInclusive: false,
    max: '1,5',
    maxInclusive: true,
    severity: '0,67',
  },
  {
    code: '4',
    label: 'sehr niedrig',
    min: '1,5',
    minInclusive: false,
    max: '',
    maxInclusive: false,
    severity: '1',
  },
];

export const emptyPart = (index: number): PartDraft =>
  index === 0
    ? {
        key: 'status',
        label: 'Status-Index',
        indicators: [emptyIndicator()],
        classes: MSS_STATUS.map((c) => ({ ...c })),
      }
    : { key: '', label: '', indicators: [emptyIndicator()], classes: [emptyClass()] };

/** A new index: one status part with the MSS classes, the MSS method. */
export const EMPTY_INDEX_DRAFT: IndexDraft = {
  key: '',
  name: '',
  description: '',
  parts: [emptyPart(0)],
  standardisation: 'z_population',
  aggregation: 'sum',
  mean: 'arithmetic',
  restandardise: true,
  minPopulation: '300',
  excluded: '',
  missing: 'exclude_area',
  codeJoin: '',
};

/** The editor's copy of a stored definition. */
export function toIndexDraft(d: IndexDefinition): IndexDraft {
  return {
    key: d.key,
    name: d.name,
    description: d.description,
    parts: d.parts.map((p) => ({
      key: p.key,
      label: p.label,
      indicators: p.indicators.map((i) => ({
        indicator: i.indicator,
        code: i.code,
        direction: i.direction === -1 ? '-1' : '1',
        weight: numberText(i.weight),
      })),
      classes: p.classes.map((c) => ({
        code: c.code,
        label: c.label,
        min: numberText(c.min),
        minInclusive: c.minInclusive,
        max: numberText(c.max),
        maxInclusive: c.maxInclusive,
        severity: severityText(c.severity),
        severityExact: c.severity,
      })),
    })),
    standardisation: d.standardisation,
    aggregation: d.aggregation,
    mean: d.mean,
    restandardise: d.restandardise,
    minPopulation: numberText(d.validity.minPopulation),
    excluded: d.validity.excluded.join(', '),
    missing: d.missing,
    codeJoin: d.codeJoin,
  };
}

/**
 * The definition to send. Typed as IndexDefinition for the API call; fields that are no numbers
 * are sent as text on purpose and come back as field errors.
 */
export function toIndexDefinition(draft: IndexDraft): IndexDefinition {
  const definition = {
    key: draft.key.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    parts: draft.parts.map((p) => ({
      key: p.key.trim(),
      label: p.label.trim(),
      indicators: p.indicators.map((i) => ({
        indicator: i.indicator,
        code: i.code.trim(),
        direction: i.direction === '-1' ? -1 : 1,
        weight: parseNumber(i.weight),
      })),
      classes: p.classes.map((c) => ({
        code: c.code.trim(),
        label: c.label.trim(),
        min: parseNumber(c.min),
        minInclusive: c.minInclusive,
        max: parseNumber(c.max),
        maxInclusive: c.maxInclusive,
        severity:
          c.severityExact !== undefined && c.severity === severityText(c.severityExact)
            ? c.severityExact
            : parseNumber(c.severity),
      })),
    })),
    standardisation: draft.standardisation,
    aggregation: draft.aggregation,
    mean: draft.mean,
    restandardise: draft.restandardise,
    validity: {
      minPopulation: parseNumber(draft.minPopulation),
      excluded: draft.excluded
        .split(/[\s,;]+/)
        .map((k) => k.trim())
        .filter(Boolean),
    },
    missing: draft.missing,
    codeJoin: draft.codeJoin,
  };
  return definition as IndexDefinition;
}

/** Fields a file may leave out: those of a new index. */
const EMPTY_DEFINITION_DEFAULTS = toIndexDefinition(EMPTY_INDEX_DRAFT);

const PART_DEFAULTS: Pick<IndexDefinition['parts'][number], 'indicators' | 'classes'> = {
  indicators: [],
  classes: [],
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A definition read from a JSON file (an export of this editor), for the form; the server checks
 * it on saving. Throws a German message when the file is no index definition at all.
 */
export function draftFromJson(json: unknown): IndexDraft {
  const candidate: unknown = Array.isArray(json) && json.length === 1 ? (json as unknown[])[0] : json;
  if (!isRecord(candidate) || !Array.isArray(candidate.parts) || !isRecord(candidate.validity))
    throw new Error(
      'Die Datei enthält keine Indexdefinition (erwartet: ein Objekt mit „parts“ und „validity“).',
    );
  const d = candidate as unknown as IndexDefinition;
  const defaults = EMPTY_DEFINITION_DEFAULTS;
  try {
    return toIndexDraft({
      ...defaults,
      ...d,
      validity: { ...defaults.validity, ...d.validity },
      parts: d.parts.map((p) => ({ ...PART_DEFAULTS, ...p })),
    });
  } catch {
    throw new Error('Die Indexdefinition in der Datei ist unvollständig.');
  }
}
