import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../api.ts';
import { Controls } from './Controls.tsx';
import { PartialLevelNotice } from './PartialLevelNotice.tsx';

type Level = AppConfig['levels'][number];

const level = (key: string, name: string, rank: number, partial = false, partialIn?: string[]): Level => ({
  key,
  name,
  rank,
  parent: null,
  areaCount: 3,
  partial,
  ...(partialIn && { partialIn }),
});

const KREIS_LEVELS = [
  level('gemeinde', 'Gemeinde', 1),
  level('sozialraum', 'Sozialraum', 2, true, ['Musterhausen']),
  level('wohnplatz', 'Wohnplatz', 3),
];

const notice = (l: Level) => renderToStaticMarkup(createElement(PartialLevelNotice, { level: l }));

describe('a level that covers only part of the territory in the atlas', () => {
  it('says so beside the map, naming where the level exists', () => {
    expect(notice(KREIS_LEVELS[1]!)).toContain(
      'Diese Ebene gibt es nur in einem Teil des Gebiets (in Musterhausen). Übrige Gebiete werden auf ihr nicht gezeigt.',
    );
    expect(notice(level('sozialraum', 'Sozialraum', 2, true, ['A', 'B']))).toContain('(in A und B)');
    expect(notice(level('sozialraum', 'Sozialraum', 2, true, ['A', 'B', 'C', 'D']))).toContain(
      '(u. a. in A, B und C)',
    );
    expect(notice(level('sozialraum', 'Sozialraum', 2, true))).toContain(
      'Diese Ebene gibt es nur in einem Teil des Gebiets. Übrige',
    );
    expect(notice(KREIS_LEVELS[1]!)).toContain('data-testid="partial-level-note"');
  });

  it('says nothing for a level that covers the whole territory', () => {
    expect(notice(KREIS_LEVELS[0]!)).toBe('');
    expect(notice(KREIS_LEVELS[2]!)).toBe('');
  });

  it('marks the partial level in the level switch, and only that one', () => {
    const html = renderToStaticMarkup(
      createElement(Controls, {
        indicators: [],
        indicator: {
          key: 'einwohner',
          name: 'Einwohner',
        } as unknown as Parameters<typeof Controls>[0]['indicator'],
        dates: ['2024-12-31'],
        projected: new Set<string>(),
        date: '2024-12-31',
        levels: KREIS_LEVELS,
        level: 'sozialraum',
        onIndicator: () => undefined,
        onDate: () => undefined,
        onLevel: () => undefined,
      }),
    );
    const labels = [...html.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(labels).toContain('Sozialraum (nur teilweise)');
    expect(labels).toContain('Gemeinde');
    expect(labels).toContain('Wohnplatz');
    expect(labels).not.toContain('Gemeinde (nur teilweise)');
  });
});
