import { describe, expect, it } from 'vitest';
import type { WarningEntry } from '../../warnings/warning.schema.ts';
import {
  filterEntries,
  INDEX_THEME,
  NO_FILTERS,
  readView,
  summarise,
  themesOf,
  writeView,
} from './filter.ts';

const entry = (
  area: string,
  areaName: string,
  parent: string,
  theme: string | null,
  severity: 'hoch' | 'mittel',
) => ({ area, areaName, parent, theme, severity, rule: 'r', reason: '' }) as WarningEntry;

const ENTRIES = [
  entry('101', 'Am Mühlenbach', '1', 'Soziale Lage', 'hoch'),
  entry('102', 'Kanalviertel', '1', 'Arbeit', 'mittel'),
  entry('201', 'Overbeck', '2', null, 'hoch'),
  entry('101', 'Am Mühlenbach', '1', 'Arbeit', 'mittel'),
];
const areas = (list: WarningEntry[]) => list.map((e) => e.area);

describe('filterEntries', () => {
  it('keeps everything without filters', () => {
    expect(filterEntries(ENTRIES, NO_FILTERS)).toEqual(ENTRIES);
  });
  it('filters by theme; the index theme selects entries without an indicator theme', () => {
    expect(areas(filterEntries(ENTRIES, { ...NO_FILTERS, theme: 'Arbeit' }))).toEqual(['102', '101']);
    expect(areas(filterEntries(ENTRIES, { ...NO_FILTERS, theme: INDEX_THEME }))).toEqual(['201']);
  });
  it('filters by parent area, by search (without diacritics) and by severity, combined', () => {
    expect(areas(filterEntries(ENTRIES, { ...NO_FILTERS, parent: '2' }))).toEqual(['201']);
    expect(areas(filterEntries(ENTRIES, { ...NO_FILTERS, search: ' muhlen' }))).toEqual(['101', '101']);
    expect(areas(filterEntries(ENTRIES, { ...NO_FILTERS, search: '102' }))).toEqual(['102']);
    expect(
      areas(filterEntries(ENTRIES, { theme: 'Arbeit', parent: '1', search: 'MÜHLEN', severity: 'mittel' })),
    ).toEqual(['101']);
    expect(filterEntries(ENTRIES, { ...NO_FILTERS, severity: 'hoch', theme: 'Arbeit' })).toEqual([]);
  });
});

describe('summarise', () => {
  it('counts distinct areas and entries per severity', () => {
    expect(summarise(ENTRIES)).toEqual({ areas: 3, high: 2, medium: 2 });
    expect(summarise([])).toEqual({ areas: 0, high: 0, medium: 0 });
  });
});

describe('themesOf', () => {
  it('keeps the catalogue order without duplicates', () => {
    expect(themesOf([{ theme: 'B' }, { theme: 'A' }, { theme: 'B' }])).toEqual(['B', 'A']);
  });
});

describe('view in the address', () => {
  it('round-trips and leaves empty filters out', () => {
    const view = {
      level: 'sozialraum',
      date: '2024-12-31',
      theme: 'Soziale Lage',
      parent: '1',
      search: 'Mühle',
      severity: 'hoch' as const,
    };
    const query = writeView(view);
    expect(query).toBe(
      '?ebene=sozialraum&stichtag=2024-12-31&thema=Soziale+Lage&bezirk=1&suche=M%C3%BChle&dringlichkeit=hoch',
    );
    expect(readView(query)).toEqual(view);
    expect(writeView({ ...NO_FILTERS, level: null, date: null })).toBe('');
    expect(readView('?dringlichkeit=egal&suche=')).toEqual({ ...NO_FILTERS, level: null, date: null });
  });
});
