/**
 * The role of a consultation (oparl:Consultation, Beratung): what the body did with the paper in
 * that meeting, as far as Lagebild knows it.
 *
 * - A Steckbrief or a report is an analysis laid before the body for information: nothing in it
 *   is put to a vote, so its role is „Kenntnisnahme“; whether the consultation is the last one
 *   Lagebild cannot know, so `authoritative` is left out.
 * - A measure records who decided it (body and day, as free text). The meeting of that body on
 *   that day is its „Beschlussfassung“, authoritative; a meeting before the decision is a
 *   „Vorberatung“, not authoritative; a later one is not authoritative, with no role named.
 */
import type { DocRef } from './oparl.urls.ts';

export interface ConsultationRole {
  role?: string;
  authoritative?: boolean;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/**
 * @param kind what the paper is
 * @param decision of a measure: the body that decided it and the day (ISO)
 * @param meeting the body's name and the meeting's day (ISO)
 * @example consultationRole('measure', { body: 'Rat', date: '2025-03-12' }, { body: 'Rat', date: '2025-03-12' })
 * // { role: 'Beschlussfassung', authoritative: true }
 */
export function consultationRole(
  kind: DocRef['kind'],
  decision: { body: string; date: string } | null,
  meeting: { body: string; date: string },
): ConsultationRole {
  if (kind !== 'measure') return { role: 'Kenntnisnahme' };
  if (!decision) return {};
  if (decision.date === meeting.date && same(decision.body, meeting.body))
    return { role: 'Beschlussfassung', authoritative: true };
  if (meeting.date < decision.date) return { role: 'Vorberatung', authoritative: false };
  return { authoritative: false };
}
