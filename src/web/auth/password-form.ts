/** Checks of the password forms before anything is sent (the server checks again). */
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules.ts';
import { ut } from './texts.ts';

/**
 * The problem with a new password and its repetition, or null.
 * @example newPasswordProblem('kurz', 'kurz') // 'Das Passwort muss mindestens 10 Zeichen lang sein.'
 */
export function newPasswordProblem(next: string, repeat: string = next): string | null {
  if (next.length < MIN_PASSWORD_LENGTH) return ut.tooShort(MIN_PASSWORD_LENGTH);
  if (next !== repeat) return ut.mismatch;
  return null;
}
