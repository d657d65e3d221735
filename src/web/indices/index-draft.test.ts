import { describe, expect, it } from 'vitest';
import {
  draftFromJson,
  EMPTY_INDEX_DRAFT,
  parseNumber,
  toIndexDefinition,
  toIndexDraft,
} from './index-draft.ts';
import { fieldLabel, indexFormProblems, indexIssue } from './index-issues.ts';
import type { IndexDefinition } from './types.ts';
import { DYNAMICS_CLASSES, STATUS_CLASSES } from './fixture.test-data.ts';

const MSS: IndexDefinition = {
  key: 'berlin_mss',
  name: 'MSS',
  description: 'Berliner Verfahren',
  parts: [
    {
      key: 'status',
      label: 'Status-Index',
      indicators: [
        { indicator: 'arbeitslose_sgb2_anteil', code: 'S1', direction: 1, weight: 1 },
        { indicator: 'sgb2_quote', code: 'S3', direction: 1, weight: 0.75 },
      ],
      classes: STATUS_CLASSES,
    },
    {
      key: 'dynamics',
      label: 'Dynamik-Index',
      indicators: [{ indicator: 'sgb2_quote_veraenderung_2j', code: 'D3', direction: -1, weight: 2.5 }],
      classes: DYNAMICS_CLASSES,
    },
  ],
  standardisation: 'z_population',
  aggregation: 'sum',
  mean: 'arithmetic',
  restandardise: true,
  validity: { minPopulation: 300, excluded: ['0101', '0202'] },
  missing: 'exclude_area',
  codeJoin: '',
};

describe('index draft', () => {
  it('round-trips a definition through the form', () => {
    const draft = toIndexDraft(MSS);
    expect(draft.parts[0]?.indicators[1]?.weight).toBe('0,75');
    expect(draft.parts[1]?.indicators[0]?.direction).toBe('-1');
    expect(draft.parts[0]?.classes[2]?.max).toBe('1,5');
    expect(draft.parts[0]?.classes[0]?.min).toBe('');
    expect(draft.excluded).toBe('0101, 0202');
    expect(draft.parts[0]?.classes[1]?.severity).toBe('0,3333');
    expect(toIndexDefinition(draft)).toEqual(MSS);
    // an edited severity is taken as typed
    draft.parts[0]!.classes[1]!.severity = '0,4';
    expect(toIndexDefinition(draft).parts[0]?.classes[1]?.severity).toBe(0.4);
  });

  it('reads German numbers; empty is open; text stays text for the server to reject', () => {
    expect(parseNumber(' 1,25 ')).toBe(1.25);
    expect(parseNumber('-1')).toBe(-1);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('zwei')).toBe('zwei');
    const draft = toIndexDraft(MSS);
    draft.excluded = '0101;0202\n0303 ';
    expect(toIndexDefinition(draft).validity.excluded).toEqual(['0101', '0202', '0303']);
  });

  it('starts a new index with a status part in MSS classes', () => {
    const def = toIndexDefinition(EMPTY_INDEX_DRAFT);
    expect(def.parts[0]?.classes.map((c) => [c.code, c.min, c.max])).toEqual([
      ['1', null, -1],
      ['2', -1, 1],
      ['3', 1, 1.5],
      ['4', 1.5, null],
    ]);
    expect(def.validity.minPopulation).toBe(300);
  });

  it('reads an exported JSON file (also a one-element list) and rejects other JSON', () => {
    expect(toIndexDefinition(draftFromJson(JSON.parse(JSON.stringify(MSS))))).toEqual(MSS);
    expect(draftFromJson([MSS]).key).toBe('berlin_mss');
    expect(() => draftFromJson({ key: 'x' })).toThrow(/keine Indexdefinition/);
  });
});

describe('index form problems', () => {
  it('maps schema issues to field paths with German messages', () => {
    const problems = indexFormProblems({
      code: 'request.invalid',
      message: 'Ungültige Anfrage',
      details: {
        issues: [
          '/parts/0/indicators/1/weight: Too small: expected number to be >0',
          '/parts/0/indicators/1/weight: Invalid input: expected number, received string',
          '/key: Invalid string: must match pattern /^[a-z][a-z0-9_]{1,62}$/',
          '/parts/1/classes: Die Klassen „hoch“ und „mittel“ überschneiden sich.',
        ],
      },
    });
    expect(Object.keys(problems.fields)).toEqual(['parts.0.indicators.1.weight', 'key', 'parts.1.classes']);
    expect(problems.fields['parts.0.indicators.1.weight']).toBe('Muss größer als 0 sein.');
    expect(problems.fields.key).toMatch(/^Nur Kleinbuchstaben/);
    expect(problems.fields['parts.1.classes']).toBe('Die Klassen „hoch“ und „mittel“ überschneiden sich.');
    expect(problems.summary).toMatch(/^Die Definition ist noch nicht vollständig/);
  });

  it('names fields for the summary', () => {
    expect(fieldLabel('parts.0.indicators.1.weight')).toBe('Teilindex 1, Indikator 2: Gewicht');
    expect(fieldLabel('parts.1.classes')).toBe('Teilindex 2: Klassen');
    expect(fieldLabel('validity.minPopulation')).toBe('Gültigkeit: Mindestzahl Einwohner');
    expect(fieldLabel('name')).toBe('Name');
    expect(indexIssue('Invalid input: expected number, received null', 'parts.0.indicators.0.weight')).toBe(
      'Bitte eine Zahl angeben (Dezimalkomma erlaubt).',
    );
  });

  it('marks unknown indicators at their rows', () => {
    const problems = indexFormProblems(
      {
        code: 'indices.unknown_indicator',
        message: 'Unbekannte(r) Indikator(en): sgb2_quote.',
        details: { indicators: ['sgb2_quote'] },
      },
      MSS,
    );
    expect(problems.fields).toEqual({
      'parts.0.indicators.1.indicator': 'Diesen Indikator gibt es nicht im Katalog.',
    });
  });

  it('puts a duplicate key at the key field', () => {
    const problems = indexFormProblems({ code: 'indices.duplicate', message: 'Gibt es schon.', details: {} });
    expect(problems.fields.key).toBe('Gibt es schon.');
  });
});
