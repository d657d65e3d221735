import { describe, expect, it } from 'vitest';
import { germanIssue } from './form-issues.ts';

describe('germanIssue', () => {
  it('translates the common zod messages and leaves others alone', () => {
    expect(germanIssue('Invalid input: expected number, received null', 'decimals')).toBe(
      'Bitte eine ganze Zahl angeben.',
    );
    expect(germanIssue('Too big: expected string to have <=200 characters', 'name')).toBe(
      'Höchstens 200 Zeichen.',
    );
    expect(germanIssue('Diese Formel braucht einen Nenner.', 'denominator')).toBe(
      'Diese Formel braucht einen Nenner.',
    );
  });
});
