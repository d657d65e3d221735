import { describe, expect, it } from 'vitest';
import { formProblems } from './indicator-issues.ts';

const draft = { numerator: 'foo', denominator: 'ew' };

describe('formProblems', () => {
  it('maps the schema issues of a 400 to fields, in German', () => {
    const problems = formProblems(
      {
        code: 'request.invalid',
        message: 'Ungültige Anfrage: …',
        details: {
          issues: [
            '/name: Too small: expected string to have >=1 characters',
            '/periodYears: Für Veränderungen und Trends die Jahre angeben.',
            '/key: Invalid string: must match pattern /^[a-z][a-z0-9_]{1,62}$/',
            '/decimals: Too big: expected number to be <=4',
          ],
        },
      },
      draft,
    );
    expect(problems.fields).toEqual({
      name: 'Bitte ausfüllen.',
      periodYears: 'Für Veränderungen und Trends die Jahre angeben.',
      key: expect.stringContaining('Kleinbuchstaben') as string,
      decimals: 'Höchstens 4.',
    });
    expect(problems.summary).toContain('nicht gespeichert');
  });

  it('marks unknown variables and keeps the server message as summary', () => {
    const message = 'Unbekannte Zählgröße(n): foo. Bitte zuerst die Daten importieren.';
    const problems = formProblems(
      { code: 'indicators.unknown_variable', message, details: { variables: ['foo'] } },
      draft,
    );
    expect(problems).toEqual({ fields: { numerator: 'Diese Zählgröße gibt es nicht.' }, summary: message });
  });

  it('puts a duplicate key on the key field', () => {
    const message = 'Den Indikator „x“ gibt es schon.';
    expect(formProblems({ code: 'indicators.duplicate', message, details: {} }, draft).fields).toEqual({
      key: message,
    });
  });

  it('keeps the message of an issue without a field', () => {
    const message = 'Ungültige Anfrage: (Anfrage): Invalid input';
    const problems = formProblems(
      { code: 'request.invalid', message, details: { issues: ['(Anfrage): Invalid input'] } },
      draft,
    );
    expect(problems).toEqual({ fields: {}, summary: message });
  });
});
