import { describe, expect, it } from 'vitest';
import type { Facility } from './facility-api.ts';
import {
  draftPoint,
  editorReducer,
  saveStep,
  type Editor,
  type EditorAction,
} from './use-facility-editor.ts';

const open: Facility = {
  id: 12,
  type: 'kita',
  key: 'kita-012',
  name: 'Kita Löwenzahn',
  capacity: 45,
  parts: { plaetze_u3: 9 },
  carrier: 'Stadt Musterstadt',
  address: null,
  lon: 7.6543219,
  lat: 51.6198764,
  area: '102',
  validFrom: '2020-08-01',
  validTo: null,
  status: 'in Betrieb',
};

const PARTS = [{ key: 'plaetze_u3', name: 'Plätze für Kinder unter 3 Jahren' }];
const TODAY = '2025-03-01';

/** The editor after these actions, from none. */
const after = (...actions: EditorAction[]): Editor | null => actions.reduce(editorReducer, null);
const creating = () => after({ type: 'create', today: TODAY, parts: PARTS })!;
const editing = () => after({ type: 'edit', open, today: TODAY, parts: PARTS })!;

describe('starting', () => {
  it('opens an empty form for a new facility, waiting for a click on the map', () => {
    expect(creating()).toEqual({
      mode: 'create',
      open: null,
      draft: {
        name: '',
        carrier: '',
        capacity: '',
        address: '',
        validFrom: TODAY,
        lon: '',
        lat: '',
        parts: { plaetze_u3: '' },
      },
      picking: true,
      problems: {},
      busy: false,
      error: null,
    });
  });

  it('fills the form of a change with the open version, from today, not yet moving it', () => {
    const e = editing();
    expect(e.mode).toBe('edit');
    expect(e.open).toBe(open);
    expect(e.picking).toBe(false);
    expect(e.draft).toMatchObject({ name: 'Kita Löwenzahn', capacity: '45', validFrom: TODAY });
    expect(e.draft.parts).toEqual({ plaetze_u3: '9' });
  });

  it('starts afresh over an editor with problems and an error', () => {
    const e = after(
      { type: 'create', today: TODAY, parts: [] },
      { type: 'invalid', problems: { name: 'Bitte ausfüllen.' } },
      { type: 'failed', message: 'nein' },
      { type: 'edit', open, today: TODAY, parts: [] },
    );
    expect(e).toMatchObject({ mode: 'edit', problems: {}, error: null, busy: false });
  });
});

describe('typing and placing', () => {
  it('changes a field or a part and forgets the server’s refusal', () => {
    const refused = editorReducer(creating(), { type: 'failed', message: 'Abgelehnt' });
    const named = editorReducer(refused, { type: 'change', field: 'name', value: 'Kita Süd' });
    expect(named).toMatchObject({ draft: { name: 'Kita Süd' }, error: null });
    const part = editorReducer(refused, { type: 'part', key: 'plaetze_u3', value: '10' });
    expect(part).toMatchObject({ draft: { parts: { plaetze_u3: '10' } }, error: null });
  });

  it('takes a click on the map as the position, rounded to six decimals, and stops picking', () => {
    const e = editorReducer(creating(), { type: 'pick', lon: 7.123456789, lat: 51.987654321 });
    expect(e).toMatchObject({ picking: false, draft: { lon: '7.123457', lat: '51.987654' } });
    expect(editorReducer(e, { type: 'picking', picking: true })?.picking).toBe(true);
  });

  it('does nothing without a form open', () => {
    const none: EditorAction[] = [
      { type: 'change', field: 'name', value: 'x' },
      { type: 'part', key: 'plaetze_u3', value: '1' },
      { type: 'picking', picking: true },
      { type: 'pick', lon: 7, lat: 51 },
      { type: 'saving' },
      { type: 'failed', message: 'x' },
      { type: 'select' },
    ];
    for (const action of none) expect(editorReducer(null, action)).toBeNull();
  });
});

describe('choosing another facility and closing', () => {
  it('drops a change in progress but keeps a new facility', () => {
    expect(editorReducer(editing(), { type: 'select' })).toBeNull();
    const e = creating();
    expect(editorReducer(e, { type: 'select' })).toBe(e);
  });

  it('closes either', () => {
    expect(editorReducer(creating(), { type: 'close' })).toBeNull();
    expect(editorReducer(editing(), { type: 'close' })).toBeNull();
  });
});

describe('saving', () => {
  it('sends nothing while the draft has problems, and shows them', () => {
    const step = saveStep(creating(), 'kita');
    expect(step).toEqual({
      action: {
        type: 'invalid',
        problems: {
          name: 'Bitte ausfüllen.',
          lon: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
        },
      },
    });
    if (!('action' in step)) throw new Error('expected no request');
    expect(editorReducer(creating(), step.action)?.problems).toHaveProperty('name');
  });

  it('creates a new facility of the type shown', () => {
    const e = after(
      { type: 'create', today: TODAY, parts: PARTS },
      { type: 'change', field: 'name', value: ' Kita Süd ' },
      { type: 'change', field: 'capacity', value: '40' },
      { type: 'pick', lon: 7.6, lat: 51.6 },
    )!;
    expect(saveStep(e, 'kita')).toEqual({
      request: {
        kind: 'create',
        body: {
          type: 'kita',
          name: 'Kita Süd',
          capacity: 40,
          carrier: null,
          address: null,
          lon: 7.6,
          lat: 51.6,
          validFrom: TODAY,
        },
      },
    });
  });

  it('sends only what differs from the open version, and nothing when nothing does', () => {
    const unchanged = saveStep(editing(), 'kita');
    expect(unchanged).toEqual({ action: { type: 'unchanged' } });
    if (!('action' in unchanged)) throw new Error('expected no request');
    expect(editorReducer(editing(), unchanged.action)).toMatchObject({
      problems: {},
      error: 'Es wurde nichts geändert.',
    });

    const renamed = editorReducer(editing(), { type: 'change', field: 'name', value: 'Kita Pusteblume' })!;
    expect(saveStep(renamed, 'kita')).toEqual({
      request: { kind: 'change', id: 12, body: { name: 'Kita Pusteblume', validFrom: TODAY } },
    });
  });

  it('is busy while the server answers and shows its refusal after', () => {
    const busy = editorReducer(editorReducer(creating(), { type: 'invalid', problems: { name: 'x' } }), {
      type: 'saving',
    });
    expect(busy).toMatchObject({ busy: true, problems: {}, error: null });
    expect(editorReducer(busy, { type: 'failed', message: 'Abgelehnt' })).toMatchObject({
      busy: false,
      error: 'Abgelehnt',
    });
  });
});

describe('the draft point on the map', () => {
  it('shows a new facility once it has a position', () => {
    expect(draftPoint(null)).toBeNull();
    expect(draftPoint(creating())).toBeNull();
    expect(draftPoint(editorReducer(creating(), { type: 'pick', lon: 7.6, lat: 51.6 }))).toEqual({
      lon: 7.6,
      lat: 51.6,
    });
  });

  it('shows a change only while moving or once moved, not at the facility’s own place', () => {
    expect(draftPoint(editing())).toBeNull();
    const moving = editorReducer(editing(), { type: 'picking', picking: true });
    expect(draftPoint(moving)).toEqual({ lon: 7.654322, lat: 51.619876 });
    const moved = editorReducer(moving, { type: 'pick', lon: 7.7, lat: 51.6 });
    expect(draftPoint(moved)).toEqual({ lon: 7.7, lat: 51.6 });
  });
});
