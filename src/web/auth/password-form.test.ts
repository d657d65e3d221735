import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './password-form.ts';

describe('newPasswordProblem', () => {
  it('asks for the server’s minimum length and the same password twice', () => {
    expect(newPasswordProblem('kurz', 'kurz')).toBe('Das Passwort muss mindestens 10 Zeichen lang sein.');
    expect(newPasswordProblem('lang-genug-1', 'lang-genug-2')).toBe(
      'Die beiden neuen Passwörter stimmen nicht überein.',
    );
    expect(newPasswordProblem('lang-genug-1', 'lang-genug-1')).toBeNull();
    expect(newPasswordProblem('lang-genug-1')).toBeNull();
  });
});
