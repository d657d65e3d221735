import { describe, expect, it } from 'vitest';
import type { StoredProjection } from './projection-api.ts';
import {
  formatCreated,
  parseMinPopulation,
  projectionAtlasHref,
  storedRunRows,
  suggestedName,
} from './stored-runs.ts';

const run = (over: Partial<StoredProjection>): StoredProjection => ({
  id: 1,
  name: 'Prognose',
  level: 'sozialraum',
  base: '2024-12-31',
  to: '2040-12-31',
  dates: ['2025-12-31', '2040-12-31'],
  method: 'hamilton-perry',
  variant: 'main',
  control: null,
  variables: ['ew'],
  minPopulation: 1000,
  published: false,
  createdAt: '2025-03-04T13:05:00Z',
  createdBy: 'planer',
  ...over,
});
const levels = new Map([['sozialraum', 'Sozialräume']]);

describe('storedRunRows', () => {
  it('shows each run in German words and numbers, in the order given', () => {
    const rows = storedRunRows(
      [
        run({
          id: 3,
          name: 'Obere',
          variant: 'high',
          method: 'cohort-component',
          control: [{ date: '2040-12-31', total: 530000 }],
          minPopulation: 2500,
          createdBy: null,
          level: 'block',
        }),
        run({ id: 2 }),
      ],
      levels,
    );
    expect(rows.map((r) => r.id)).toEqual([3, 2]);
    expect(rows[0]).toMatchObject({
      name: 'Obere',
      level: 'block',
      base: '31.12.2024',
      to: '31.12.2040',
      method: 'Kohorten-Komponenten',
      variant: 'obere Variante',
      control: '31.12.2040: 530.000',
      minPopulation: '2.500',
      createdBy: 'Kommandozeile',
      published: false,
      inAtlas: false,
      atlasHref: null,
    });
    expect(rows[1]).toMatchObject({
      level: 'Sozialräume',
      method: 'Hamilton-Perry',
      variant: 'Hauptvariante',
      control: null,
      minPopulation: '1.000',
      createdBy: 'planer',
    });
  });

  it('marks the newest published run as the one in the atlas, with its link', () => {
    const rows = storedRunRows(
      [
        run({ id: 9 }),
        run({ id: 7, published: true, to: '2035-12-31', dates: ['2030-12-31', '2035-12-31'] }),
        run({ id: 5, published: true }),
      ],
      levels,
    );
    expect(rows.map((r) => [r.id, r.published, r.inAtlas])).toEqual([
      [9, false, false],
      [7, true, true],
      [5, true, false],
    ]);
    expect(rows[1]!.atlasHref).toBe('/?indikator=einwohner&stichtag=2035-12-31&ebene=sozialraum');
    expect(rows[2]!.atlasHref).toBeNull();
  });

  it('has no run in the atlas when none is published', () => {
    expect(storedRunRows([run({ id: 2 }), run({ id: 1 })], levels).some((r) => r.inAtlas)).toBe(false);
    expect(storedRunRows([], levels)).toEqual([]);
  });
});

describe('projectionAtlasHref', () => {
  it('opens all inhabitants on the last projected Stichtag of the level', () => {
    expect(projectionAtlasHref(run({ level: 'stadtbezirk' }))).toBe(
      '/?indikator=einwohner&stichtag=2040-12-31&ebene=stadtbezirk',
    );
    expect(projectionAtlasHref(run({ dates: [] }))).toBe(
      '/?indikator=einwohner&stichtag=2040-12-31&ebene=sozialraum',
    );
  });
});

describe('formatCreated', () => {
  it('writes a time stamp as German date and time, and an unreadable one as it is', () => {
    expect(formatCreated('2025-03-04T13:05:00Z')).toMatch(/^04\.03\.2025, \d{2}:05$/);
    expect(formatCreated('gestern')).toBe('gestern');
  });
});

describe('suggestedName', () => {
  it('names years, variant and Eckwerte', () => {
    expect(suggestedName('2024-12-31', '2040-12-31', 'main', false)).toBe(
      'Bevölkerungsprognose 2024–2040, Hauptvariante',
    );
    expect(suggestedName('2024-12-31', '2035-12-31', 'low', true)).toBe(
      'Bevölkerungsprognose 2024–2035, untere Variante, mit Eckwerten',
    );
  });
});

describe('parseMinPopulation', () => {
  it('reads whole inhabitants, with or without thousands points', () => {
    expect(parseMinPopulation('1000')).toEqual({ ok: true, value: 1000 });
    expect(parseMinPopulation(' 2.500 ')).toEqual({ ok: true, value: 2500 });
    expect(parseMinPopulation('0')).toEqual({ ok: true, value: 0 });
    expect(parseMinPopulation('1.000.000')).toEqual({ ok: true, value: 1_000_000 });
  });

  it('refuses fractions, negatives, empty fields and more than a million', () => {
    for (const text of ['', '12,5', '-1', '1.00', 'tausend', '1000001'])
      expect(parseMinPopulation(text), text).toMatchObject({ ok: false });
  });
});
