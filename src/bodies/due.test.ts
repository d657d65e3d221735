import { describe, expect, it } from 'vitest';
import { isOverdue, matchesPerson, ownerOf, type OwnerColumns } from './due.ts';

const none: OwnerColumns = {
  owner_username: null,
  owner_display_name: null,
  owner_organisation_id: null,
  owner_organisation_name: null,
  owner_text: '',
};

describe('action item owners and due dates', () => {
  it('names the owner by user, organisation or free text, in that order', () => {
    expect(ownerOf(none)).toBeNull();
    expect(ownerOf({ ...none, owner_text: 'Frau Meier' })).toEqual({
      kind: 'text',
      key: 'text:Frau Meier',
      name: 'Frau Meier',
    });
    expect(ownerOf({ ...none, owner_organisation_id: 3, owner_organisation_name: 'Diakonie' })).toEqual({
      kind: 'organisation',
      key: 'organisation:3',
      name: 'Diakonie',
    });
    expect(ownerOf({ ...none, owner_username: 'planer', owner_display_name: 'Paula Planerin' })).toEqual({
      kind: 'user',
      key: 'user:planer',
      name: 'Paula Planerin',
    });
  });

  it('marks only open items due before today as overdue', () => {
    expect(isOverdue('2025-01-31', false, '2025-02-01')).toBe(true);
    expect(isOverdue('2025-02-01', false, '2025-02-01')).toBe(false);
    expect(isOverdue('2025-01-31', true, '2025-02-01')).toBe(false);
    expect(isOverdue(null, false, '2025-02-01')).toBe(false);
  });

  it('finds a person by key or by part of the name, ignoring case', () => {
    const paula = { kind: 'user' as const, key: 'user:planer', name: 'Paula Planerin' };
    expect(matchesPerson(paula, 'user:planer')).toBe(true);
    expect(matchesPerson(paula, 'PLANERIN')).toBe(true);
    expect(matchesPerson(paula, 'organisation:1')).toBe(false);
    expect(matchesPerson(null, 'x')).toBe(false);
    expect(matchesPerson(null, ' ')).toBe(true);
  });
});
