/** The history rules of a delivery, without a database (delivery-plan.ts). */
import { describe, expect, it } from 'vitest';
import { planDelivery, roundCoordinate, type DeliveredFacility } from './delivery-plan.ts';
import type { VersionRow } from './facility.repository.ts';

const OPTS = { type: 'kita', validFrom: '2024-01-01', closeMissing: false, fileName: 'kitas.csv', csv: true };

const delivered = (key: string, changes: Partial<DeliveredFacility> = {}): DeliveredFacility => ({
  row: 2,
  key,
  name: `Kita ${key}`,
  capacity: 50,
  carrier: 'AWO',
  address: 'Hauptstr. 1, 12345 Musterstadt',
  lon: 13.4,
  lat: 52.5,
  properties: {},
  areaId: 7,
  ...changes,
});

let nextId = 1;
const stored = (
  key: string,
  from: string | null,
  to: string | null,
  changes: Partial<VersionRow> = {},
): VersionRow => ({
  id: nextId++,
  type: 'kita',
  key,
  name: `Kita ${key}`,
  capacity: 50,
  carrier: 'AWO',
  address: 'Hauptstr. 1, 12345 Musterstadt',
  lon: 13.4,
  lat: 52.5,
  area_id: 7,
  valid_from: from,
  valid_to: to,
  ...changes,
});

describe('planDelivery', () => {
  it('adds new facilities, leaves unchanged ones and versions changed ones', () => {
    const open = stored('A', '2020-01-01', null);
    const moved = stored('B', null, null);
    const emptied = stored('C', '2019-01-01', null);
    const plan = planDelivery(
      [open, moved, emptied],
      [delivered('A'), delivered('B', { lon: 13.41 }), delivered('C', { capacity: null }), delivered('D')],
      OPTS,
    );
    expect(plan.counts).toEqual({ new: 1, changed: 2, unchanged: 1, closed: 0 });
    expect(plan.close).toEqual([moved.id, emptied.id]);
    expect(plan.insert.map((v) => [v.key, v.validFrom, v.validTo])).toEqual([
      ['B', '2024-01-01', null],
      ['C', '2024-01-01', null],
      ['D', '2024-01-01', null],
    ]);
  });

  it('corrects a version of the same day in place instead of adding one of no length', () => {
    const today = stored('A', '2024-01-01', null);
    const plan = planDelivery([today], [delivered('A', { capacity: 60 })], OPTS);
    expect(plan.close).toEqual([]);
    expect(plan.insert).toEqual([]);
    expect(plan.correct).toEqual([
      expect.objectContaining({ id: today.id, capacity: 60, validFrom: '2024-01-01' }),
    ]);
  });

  it('fills the time before a version that starts later', () => {
    const planned = stored('A', '2024-08-01', null, { capacity: 80 });
    const same = stored('B', '2024-08-01', null);
    const plan = planDelivery([planned, same], [delivered('A'), delivered('B')], OPTS);
    // a different state before the planned one: its own version up to the planned start
    expect(plan.insert).toEqual([
      expect.objectContaining({ key: 'A', capacity: 50, validFrom: '2024-01-01', validTo: '2024-08-01' }),
    ]);
    // the same state: the facility existed already, its start moves to the delivery's date
    expect(plan.correct).toEqual([expect.objectContaining({ id: same.id, validFrom: '2024-01-01' })]);
    expect(plan.counts.changed).toBe(2);
  });

  it('reopens a closed facility as a new version, but refuses a delivery older than its history', () => {
    const closed = stored('A', '2018-01-01', '2022-06-30');
    const reopened = planDelivery([closed], [delivered('A')], OPTS);
    expect(reopened.counts.new).toBe(1);
    expect(reopened.insert[0]).toMatchObject({ key: 'A', validFrom: '2024-01-01' });

    const late = planDelivery([closed], [delivered('A')], { ...OPTS, validFrom: '2021-01-01' });
    expect(late.insert).toEqual([]);
    expect(late.problems).toEqual([
      expect.objectContaining({ row: 2, code: 'import.later_history', severity: 'error' }),
    ]);
    expect(late.problems[0]!.message).toBe(
      '„kitas.csv“, Zeile 2 (Nr. „A“): Für diese Einrichtung ist schon ein Stand bis zum 2022-06-30 ' +
        'gespeichert, also nach dem 2021-01-01, ab dem die Lieferung gilt. Eine ältere Lieferung kann die ' +
        'spätere Geschichte nicht ändern; bitte das Datum (--valid-from) prüfen.',
    );
  });

  it('closes missing facilities only when asked, and never planned ones', () => {
    const running = stored('A', '2020-01-01', null);
    const sameDay = stored('B', '2024-01-01', null);
    const planned = stored('C', '2025-01-01', null);
    const gone = stored('D', '2010-01-01', '2015-01-01');
    const versions = [running, sameDay, planned, gone];
    expect(planDelivery(versions, [], OPTS).counts.closed).toBe(0);
    const plan = planDelivery(versions, [], { ...OPTS, closeMissing: true });
    expect(plan.close).toEqual([running.id]);
    expect(plan.remove).toEqual([sameDay.id]);
    expect(plan.counts.closed).toBe(2);
  });

  it('rounds coordinates to 7 decimals, about a centimetre', () => {
    expect(roundCoordinate(13.383012345678)).toBe(13.3830123);
  });
});
