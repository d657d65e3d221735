import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../indicators/catalogue.ts';
import { DEFAULT_RULES } from '../../warnings/default-rules.ts';
import { WarningRule } from '../../warnings/warning.schema.ts';
import { checkDraft, describeCondition, EMPTY_RULE_DRAFT, keyFromName, toDraft } from './rule-draft.ts';

const _ = '\u00a0';
const indices = new Map([
  [
    'berlin_mss',
    {
      name: 'MSS Berlin',
      parts: new Map([
        ['status', 'Status-Index'],
        ['dynamics', 'Dynamik-Index'],
      ]),
    },
  ],
]);

describe('rule drafts', () => {
  it('round-trips every default rule through the form state, valid for the server schema', () => {
    for (const rule of DEFAULT_RULES) {
      const back = checkDraft(toDraft(rule));
      expect(back.issues, rule.key).toBeNull();
      expect(back.rule).toEqual(rule);
      expect(WarningRule.parse(back.rule)).toEqual(rule);
    }
  });

  it('reads decimal commas and names each problem at its field', () => {
    const draft = { ...EMPTY_RULE_DRAFT, name: 'Test', key: 'test', indicator: 'sgb2_quote', value: '12,5' };
    expect(checkDraft(draft).rule).toMatchObject({ kind: 'threshold', value: 12.5, minPopulation: 300 });
    expect(checkDraft({ ...draft, value: '', key: 'Test!', name: ' ', minPopulation: '-1' }).issues).toEqual({
      value: 'Bitte eine Zahl eingeben (Dezimalkomma erlaubt).',
      key: 'Nur Kleinbuchstaben, Ziffern und _ (2 bis 63 Zeichen, beginnt mit einem Buchstaben).',
      name: 'Bitte ausfüllen.',
      minPopulation: 'Bitte eine ganze Zahl von 0 bis 10.000.000 eingeben.',
    });
    expect(checkDraft({ ...draft, kind: 'rising', periods: '1' }).issues).toEqual({
      periods: 'Bitte eine ganze Zahl von 2 bis 20 eingeben.',
    });
    expect(checkDraft({ ...draft, kind: 'rising', indicator: '', minPopulation: '' }).rule).toMatchObject({
      indicator: null,
      minPopulation: null,
      periods: 3,
    });
    expect(checkDraft({ ...draft, kind: 'deviation', k: '0' }).issues).toEqual({
      k: 'Bitte eine Zahl größer als 0 eingeben.',
    });
    expect(checkDraft({ ...draft, kind: 'index_class' }).issues).toEqual({ index: 'Bitte ausfüllen.' });
  });

  it('derives a key from the German name', () => {
    expect(keyFromName('Kinderarmut über 30 %')).toBe('kinderarmut_ueber_30');
    expect(keyFromName('3 Jahre steigend – Straße')).toBe('regel_3_jahre_steigend_strasse');
    expect(keyFromName('Élan')).toBe('elan');
  });
});

describe('describeCondition', () => {
  it('says what each default rule tests, in German with units', () => {
    expect(DEFAULT_RULES.map((r) => describeCondition(r, DEFAULT_CATALOGUE, indices))).toEqual([
      'SGB-II-Quote: 3-mal in Folge ungünstig (steigend; bei „hoch ist gut“ fallend) · nur Gebiete ab 300 Einwohnern',
      `Kinderarmut (SGB II unter 15) über 30,0${_}% · nur Gebiete ab 300 Einwohnern`,
      `Arbeitslosenanteil über 6,0${_}% · beim Überschreiten seit dem letzten Stichtag · nur Gebiete ab 300 Einwohnern`,
      'alle Indikatoren mit Bewertungsrichtung: mehr als 2 Standardabweichungen vom Stadtwert (ungünstige Richtung) · nur Gebiete ab 300 Einwohnern',
      'alle Indikatoren mit Bewertungsrichtung: 4-mal in Folge ungünstig (steigend; bei „hoch ist gut“ fallend) · nur Gebiete ab 300 Einwohnern',
      'MSS Berlin: Klasse „Status-Index“ schlechter',
      'MSS Berlin: Klasse „Dynamik-Index“ schlechter',
    ]);
  });
});
