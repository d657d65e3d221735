import { describe, expect, it } from 'vitest';
import { fieldLabel, importProblemText, templateProblems } from './template-issues.ts';

describe('template problems', () => {
  it('names field paths in German', () => {
    expect(fieldLabel('chapters.0.blocks.1.text')).toBe('Kapitel 1, Baustein 2: Text');
    expect(fieldLabel('chapters.2.title')).toBe('Kapitel 3: Überschrift');
    expect(fieldLabel('title')).toBe('Titel des Dokuments');
    expect(fieldLabel('chapters.0.blocks.1.title')).toBe('Kapitel 1, Baustein 2: Titel');
    expect(fieldLabel('chapters.0.blocks.3')).toBe('Kapitel 1, Baustein 4');
    expect(fieldLabel('chapters.0.blocks.0.items.2')).toBe('Kapitel 1, Baustein 1: Punkte');
    expect(fieldLabel('name')).toBe('Name');
  });

  it('places schema issues of a 400 at their fields, first problem first', () => {
    const problems = templateProblems({
      code: 'request.invalid',
      message: 'Ungültige Anfrage',
      details: {
        issues: [
          '/chapters/0/blocks/1/text: Too small: expected string to have >=1 characters',
          '/chapters/0/blocks/1/text: something else',
          '/name: Too small: expected string to have >=1 characters',
        ],
      },
    });
    expect(problems.fields).toEqual({
      'chapters.0.blocks.1.text': 'Bitte ausfüllen.',
      name: 'Bitte ausfüllen.',
    });
    expect(problems.summary).toBe('Die Vorlage ist noch nicht vollständig:');
  });

  it('places a named error at the field of its path', () => {
    const problems = templateProblems({
      code: 'reports.invalid_template',
      message: 'Die Vorlage „x“ ist fehlerhaft: Feld „chapters.0.title“ – Bitte ausfüllen.',
      details: { path: 'chapters.0.title' },
    });
    expect(problems.fields).toEqual({ 'chapters.0.title': problems.summary });
  });

  it('explains a refused import with the place in words and the path in the file', () => {
    const text = importProblemText({
      code: 'request.invalid',
      message: 'Ungültige Anfrage: …',
      details: { issues: ['/1/chapters/0/blocks/2: Indikator oder Thema angeben'] },
    });
    expect(text).toBe(
      'Import abgelehnt, keine Vorlage übernommen. Vorlage 2, Kapitel 1, Baustein 3 (Feld „1.chapters.0.blocks.2“): Indikator oder Thema angeben',
    );
    const named = {
      code: 'reports.duplicate_template',
      message: 'Die Vorlage „a“ steht zweimal in der Datei.',
      details: {},
    };
    expect(importProblemText(named)).toBe(named.message);
  });
});
