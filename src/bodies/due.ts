/**
 * Action items as people read them („Was ist fällig“): who owns one, whether it is overdue, and
 * whether it belongs to the person someone asks for. Pure functions.
 */
import type { Owner } from './body.schema.ts';

/** The owner columns of an action item as stored (one of user, organisation, free text, or none). */
export interface OwnerColumns {
  owner_username: string | null;
  owner_display_name: string | null;
  owner_organisation_id: number | null;
  owner_organisation_name: string | null;
  owner_text: string;
}

/**
 * The owner of an action item with a key that names it in the due list's `person` filter.
 * @example ownerOf({ owner_username: null, …, owner_text: 'Frau Meier' }) // { kind: 'text', key: 'text:Frau Meier', name: 'Frau Meier' }
 */
export function ownerOf(r: OwnerColumns): Owner | null {
  if (r.owner_username !== null)
    return { kind: 'user', key: `user:${r.owner_username}`, name: r.owner_display_name ?? r.owner_username };
  if (r.owner_organisation_id !== null)
    return {
      kind: 'organisation',
      key: `organisation:${r.owner_organisation_id}`,
      name: r.owner_organisation_name ?? '',
    };
  if (r.owner_text) return { kind: 'text', key: `text:${r.owner_text}`, name: r.owner_text };
  return null;
}

/**
 * True for an open item due before `today` (both ISO dates, compared as text).
 * @example isOverdue('2025-01-31', false, '2025-02-01') // true
 */
export const isOverdue = (due: string | null, done: boolean, today: string) =>
  !done && due !== null && due < today;

/**
 * Whether `owner` is the person asked for: their key exactly (`user:paula`, `organisation:3`) or a
 * part of their name, ignoring case.
 * @example matchesPerson({ kind: 'user', key: 'user:paula', name: 'Paula Planerin' }, 'planerin') // true
 */
export function matchesPerson(owner: Owner | null, person: string): boolean {
  const asked = person.trim().toLocaleLowerCase('de');
  if (!asked) return true;
  if (!owner) return false;
  return owner.key.toLocaleLowerCase('de') === asked || owner.name.toLocaleLowerCase('de').includes(asked);
}

/** Today's date in UTC (the server runs with TZ=UTC), as the due list compares it. */
export const today = () => new Date().toISOString().slice(0, 10);
