import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { deriveProblems, deriveRequest, type DeriveDraft } from './derive-form.ts';

const draft: DeriveDraft = {
  level: 'stadtbezirk_koeln',
  name: 'Stadtbezirke (Köln)',
  from: 'stadtteil_koeln',
  rule: 'prefix',
  prefix: '1',
  table: null,
  childField: '',
  parentField: '',
  parentNameField: '',
};
const table = {
  fileName: 'bezirke.csv',
  text: 'teil;bezirk;name\n101;1;Innenstadt\n',
  columns: ['teil', 'bezirk', 'name'],
};

describe('deriveRequest', () => {
  it('sends a key prefix as a number', () => {
    expect(deriveRequest(draft)).toEqual({
      body: {
        level: 'stadtbezirk_koeln',
        name: 'Stadtbezirke (Köln)',
        from: 'stadtteil_koeln',
        keyPrefix: 1,
      },
    });
  });

  it('sends a key table with its text and columns, the name column only when chosen', () => {
    const tableDraft = {
      ...draft,
      name: ' ',
      rule: 'table' as const,
      table,
      childField: 'teil',
      parentField: 'bezirk',
    };
    expect(deriveRequest(tableDraft).body).toEqual({
      level: 'stadtbezirk_koeln',
      from: 'stadtteil_koeln',
      keyTable: { fileName: 'bezirke.csv', text: table.text, childField: 'teil', parentField: 'bezirk' },
    });
    expect(deriveRequest({ ...tableDraft, parentNameField: 'name' }).body?.keyTable?.parentNameField).toBe(
      'name',
    );
  });

  it('names each field still missing before anything is sent', () => {
    expect(deriveRequest({ ...draft, level: 'Bezirke', from: '', prefix: '0' }).problems?.fields).toEqual({
      level: 'Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.',
      from: 'Bitte ausfüllen.',
      keyPrefix: 'Bitte eine ganze Zahl ab 1 angeben.',
    });
    expect(deriveRequest({ ...draft, prefix: '1.5' }).problems?.fields).toHaveProperty('keyPrefix');
    expect(deriveRequest({ ...draft, rule: 'table' }).problems?.fields).toEqual({
      keyTable: 'Bitte eine CSV-Datei wählen.',
    });
    expect(deriveRequest({ ...draft, rule: 'table', table, childField: 'teil' }).problems?.fields).toEqual({
      'keyTable.parentField': 'Bitte eine Spalte wählen.',
    });
  });
});

describe('deriveProblems', () => {
  const body = deriveRequest({
    ...draft,
    rule: 'table',
    table,
    childField: 'teil',
    parentField: 'bezirk',
  }).body!;

  it('puts schema issues at their fields, in German, with the code', () => {
    const error = new ApiError(400, 'request.invalid', 'Ungültige Anfrage', {
      issues: [
        '/keyTable/childField: Too small: expected string to have >=1 characters',
        '/level: Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.',
      ],
    });
    expect(deriveProblems(error, body)).toEqual({
      summary: 'Bitte die markierten Angaben prüfen. (Fehlercode: request.invalid)',
      fields: {
        'keyTable.childField': 'Bitte ausfüllen.',
        level: 'Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.',
      },
    });
  });

  it('puts named errors at the field they are about', () => {
    const notAbove = new ApiError(
      400,
      'areas.derive_not_above',
      'Die Ebene „stadtbezirk“ liegt nicht über „stadtteil_koeln“.',
    );
    expect(deriveProblems(notAbove, body)).toEqual({
      summary: 'Bitte die markierten Angaben prüfen. (Fehlercode: areas.derive_not_above)',
      fields: { level: 'Die Ebene „stadtbezirk“ liegt nicht über „stadtteil_koeln“.' },
    });
    const single = new ApiError(400, 'areas.derive_single_parent', 'Alle 86 Gebiete bekämen „1“.');
    expect(deriveProblems(single, body).fields).toEqual({
      'keyTable.parentField': 'Alle 86 Gebiete bekämen „1“.',
    });
    expect(deriveProblems(single, { level: 'b', from: 't', keyPrefix: 1 }).fields).toEqual({
      keyPrefix: 'Alle 86 Gebiete bekämen „1“.',
    });
    const column = new ApiError(400, 'areas.derive_unknown_column', 'Spalte fehlt', { field: 'teil' });
    expect(deriveProblems(column, body).fields).toEqual({ 'keyTable.childField': 'Spalte fehlt' });
  });

  it('keeps other errors as the summary with their code', () => {
    const failed = new ApiError(
      422,
      'areas.derive_dissolve_failed',
      'Die Gebiete von „1“ ließen sich nicht vereinigen.',
    );
    expect(deriveProblems(failed, body)).toEqual({
      summary: 'Die Gebiete von „1“ ließen sich nicht vereinigen. (Fehlercode: areas.derive_dissolve_failed)',
      fields: {},
    });
    expect(deriveProblems(new Error('kaputt'), body)).toEqual({ summary: 'kaputt', fields: {} });
  });
});
