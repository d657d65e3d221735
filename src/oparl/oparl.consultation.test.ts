import { describe, expect, it } from 'vitest';
import { consultationRole } from './oparl.consultation.ts';
import { parseDocKey, docKey, type DocRef } from './oparl.urls.ts';
import { deletedObjects, withDeleted } from './oparl.deleted.ts';
import type { OparlAgendaItem } from './oparl.schema.ts';
import { urlsOf } from './oparl.urls.ts';

describe('consultationRole', () => {
  const meeting = { body: 'Ausschuss für Soziales', date: '2025-03-12' };
  it('takes note of analyses and names no authority over them', () => {
    expect(consultationRole('report', null, meeting)).toEqual({ role: 'Kenntnisnahme' });
    expect(consultationRole('steckbrief', null, meeting)).toEqual({ role: 'Kenntnisnahme' });
  });
  it('finds the meeting that decided a measure by body (any case) and day', () => {
    expect(
      consultationRole('measure', { body: ' ausschuss für soziales', date: '2025-03-12' }, meeting),
    ).toEqual({
      role: 'Beschlussfassung',
      authoritative: true,
    });
    expect(consultationRole('measure', { body: 'Rat', date: '2025-03-12' }, meeting)).toEqual({
      authoritative: false,
    });
    expect(consultationRole('measure', { body: 'Rat', date: '2025-06-01' }, meeting)).toEqual({
      role: 'Vorberatung',
      authoritative: false,
    });
    expect(consultationRole('measure', null, meeting)).toEqual({});
  });
});

describe('document keys and tombstones', () => {
  it('reads back every key it writes, and nothing else', () => {
    const refs: DocRef[] = [
      { kind: 'steckbrief', level: 'stadtteil', key: '0815' },
      { kind: 'report', id: 5 },
      { kind: 'measure', id: 12 },
    ];
    for (const ref of refs) expect(parseDocKey(docKey(ref))).toEqual(ref);
    for (const bad of ['report/x', 'steckbrief/stadt', 'minutes/3', 'measure/1/2'])
      expect(parseDocKey(bad)).toBeNull();
  });

  it('makes minimal objects, and a live object wins over its tombstone', () => {
    const u = urlsOf({ origin: 'https://x.example', base: 'https://x.example/oparl/v1' });
    const row = { created: null, modified: '2025-01-01T00:00:00Z', position: 3 };
    const dead = deletedObjects(
      [
        { kind: 'agenda-item', ref: '7', ...row },
        { kind: 'file', ref: 'report/2', ...row },
        { kind: 'file', ref: 'measure/2', ...row },
        { kind: 'consultation', ref: '7/steckbrief/stadt/09162000', ...row },
        { kind: 'meeting', ref: 'kaputt', ...row },
      ],
      u,
    );
    expect(dead.agendaItems).toEqual([
      {
        id: u.agendaItem(7),
        type: 'https://schema.oparl.org/1.1/AgendaItem',
        order: 3,
        modified: row.modified,
        deleted: true,
      },
    ]);
    expect(dead.files.map((f) => [f.id, f.accessUrl])).toEqual([
      [u.file({ kind: 'report', id: 2 }), u.file({ kind: 'report', id: 2 })],
    ]);
    expect(dead.consultations.map((c) => c.item)).toEqual([7]);
    expect(dead.meetings).toEqual([]);
    const live: OparlAgendaItem = {
      id: u.agendaItem(7),
      type: 'https://schema.oparl.org/1.1/AgendaItem',
      order: 1,
      name: 'TOP',
    };
    expect(withDeleted([live], dead.agendaItems)).toEqual([live]);
  });
});
