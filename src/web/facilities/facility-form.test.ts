import { describe, expect, it } from 'vitest';
import type { Facility } from './facility-api.ts';
import {
  changeBody,
  createBody,
  draftOf,
  draftPosition,
  draftProblems,
  emptyDraft,
  parseNumber,
} from './facility-form.ts';

const open: Facility = {
  id: 7,
  type: 'kita',
  key: 'kita-007',
  name: 'Kita Pusteblume',
  capacity: 60,
  parts: { plaetze_u3: 12, plaetze_ue3: 48 },
  carrier: null,
  address: 'Marktstraße 3',
  lon: 7.6912345,
  lat: 51.6312345,
  area: '101',
  validFrom: null,
  validTo: null,
  status: 'in Betrieb',
};

const KITA_PARTS = [
  { key: 'plaetze_u3', name: 'Plätze für Kinder unter 3 Jahren' },
  { key: 'plaetze_ue3', name: 'Plätze für Kinder ab 3 Jahren' },
];

describe('parseNumber', () => {
  it('reads German and English numbers', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber(' 60 ')).toBe(60);
    expect(parseNumber('7,69')).toBe(7.69);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('zwölf')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });
});

describe('a new facility', () => {
  it('asks for a name, a position and a valid capacity', () => {
    const draft = emptyDraft('2025-03-01');
    expect(draftProblems(draft)).toEqual({
      name: 'Bitte ausfüllen.',
      lon: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
    });
    expect(draftProblems({ ...draft, name: 'Kita', capacity: '-1', lon: '200', lat: '51' })).toEqual({
      capacity: 'Die Kapazität darf nicht negativ sein.',
      lon: 'Ein Längengrad liegt zwischen −180 und 180.',
    });
    expect(
      draftProblems({ ...draft, name: 'Kita', capacity: 'viele', lon: '7,6', lat: 'x', validFrom: '' }),
    ).toEqual({
      capacity: 'Bitte eine Zahl angeben.',
      lat: 'Bitte eine Zahl angeben.',
      validFrom: 'Bitte ein Datum angeben.',
    });
  });

  it('becomes the body of POST /api/facilities', () => {
    const draft = {
      ...emptyDraft('2025-03-01'),
      name: ' Kita Neu ',
      capacity: '45',
      lon: '7,7',
      lat: '51.6',
    };
    expect(draftProblems(draft)).toEqual({});
    expect(draftPosition(draft)).toEqual({ lon: 7.7, lat: 51.6 });
    expect(createBody('kita', draft)).toEqual({
      type: 'kita',
      name: 'Kita Neu',
      capacity: 45,
      carrier: null,
      address: null,
      lon: 7.7,
      lat: 51.6,
      validFrom: '2025-03-01',
    });
  });
});

describe('a change', () => {
  it('sends only what differs from the open version, with the day it holds from', () => {
    const draft = draftOf(open, '2025-03-01');
    expect(draft.lon).toBe('7.691235');
    expect(changeBody(open, draft)).toBeNull();
    expect(changeBody(open, { ...draft, capacity: '75', carrier: 'AWO' })).toEqual({
      capacity: 75,
      carrier: 'AWO',
      validFrom: '2025-03-01',
    });
    expect(changeBody(open, { ...draft, address: '' })).toEqual({ address: null, validFrom: '2025-03-01' });
    expect(changeBody(open, { ...draft, lon: '7.7' })).toEqual({
      lon: 7.7,
      lat: 51.631235,
      validFrom: '2025-03-01',
    });
  });

  it('shows the capacity parts of the type and sends the ones that changed', () => {
    const draft = draftOf(open, '2025-03-01', KITA_PARTS);
    expect(draft.parts).toEqual({ plaetze_u3: '12', plaetze_ue3: '48' });
    expect(changeBody(open, draft)).toBeNull();
    expect(changeBody(open, { ...draft, parts: { plaetze_u3: '15', plaetze_ue3: '48' } })).toEqual({
      parts: { plaetze_u3: 15 },
      validFrom: '2025-03-01',
    });
    expect(changeBody(open, { ...draft, parts: { plaetze_u3: '12', plaetze_ue3: ' ' } })).toEqual({
      parts: { plaetze_ue3: null },
      validFrom: '2025-03-01',
    });
    expect(draftProblems({ ...draft, parts: { plaetze_u3: 'zwölf', plaetze_ue3: '-2' } })).toEqual({
      'parts.plaetze_u3': 'Bitte eine Zahl angeben.',
      'parts.plaetze_ue3': 'Die Kapazität darf nicht negativ sein.',
    });
  });
});

describe('a new facility with capacity parts', () => {
  it('starts with an empty field per part and sends only those filled in', () => {
    const draft = emptyDraft('2025-03-01', KITA_PARTS);
    expect(draft.parts).toEqual({ plaetze_u3: '', plaetze_ue3: '' });
    const filled = {
      ...draft,
      name: 'Kita',
      lon: '7,7',
      lat: '51,6',
      parts: { plaetze_u3: '10', plaetze_ue3: '' },
    };
    expect(createBody('kita', filled)).toMatchObject({ parts: { plaetze_u3: 10 } });
    expect(createBody('kita', { ...filled, parts: { plaetze_u3: '', plaetze_ue3: '' } })).not.toHaveProperty(
      'parts',
    );
  });
});
