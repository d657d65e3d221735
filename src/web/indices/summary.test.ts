import { describe, expect, it } from 'vitest';
import { buildMatrix } from './matrix.ts';
import { indexSummary } from './summary.ts';
import { RESULT } from './fixture.test-data.ts';
import { levelDative } from '../../core/level-names.ts';

describe('indexSummary', () => {
  it('states valid areas, the worst classes and both together, in German', () => {
    expect(indexSummary(buildMatrix(RESULT), 'Sozialraum', null)).toBe(
      'Von 7 Sozialräumen gehen 6 in den Index ein; 1 ist ungültig. ' +
        '2 von 6 Sozialräumen haben im Status-Index die Klasse „sehr niedrig“, 2 im Dynamik-Index die ' +
        'Klasse „negativ“; 1 Gebiet vereint beides (Code 4-).',
    );
  });

  it('adds the robustness once known', () => {
    const robust = { areas: [{ robust: true }, { robust: false }, { robust: false }] };
    expect(indexSummary(buildMatrix(RESULT), 'Stadtbezirk', robust as never, '')).toMatch(
      /Stadtbezirken .* Bei 2 Gebieten ist die Klasse nicht robust\.$/,
    );
  });

  it('says so when no area counts, and leaves out the robustness of none', () => {
    const none = { ...RESULT, areas: RESULT.areas.map((a) => ({ ...a, valid: false })) };
    expect(indexSummary(buildMatrix(none), 'Sozialraum', { areas: [] })).toBe(
      'Von 7 Sozialräumen geht kein Gebiet in den Index ein.',
    );
  });

  it('speaks of a single part without a second clause', () => {
    const single = { ...RESULT, parts: RESULT.parts.slice(0, 1) };
    expect(indexSummary(buildMatrix(single), 'Sozialraum', null)).toMatch(
      /2 von 6 Sozialräumen haben im Status-Index die Klasse „sehr niedrig“\.$/,
    );
  });

  it('knows the dative plural of common level names', () => {
    expect(levelDative('Planungsraum')).toBe('Planungsräumen');
    expect(levelDative('Wahlbezirk')).toBe('Gebieten (Wahlbezirk)');
  });
});
