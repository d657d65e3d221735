/** Typed client of `GET /api/profiles/:level/:key` (types from the server's zod schema). */
import type { Steckbrief } from '../../profile/profile.schema.ts';
import { cachedGet, enc, q } from '../api.ts';

export type { Steckbrief };
export type ProfileIndicator = Steckbrief['themes'][number]['indicators'][number];
export type ProfileIndex = NonNullable<Steckbrief['index']>;
export type ProfileWarning = Steckbrief['warnings'][number];

/** The Steckbrief of one area at a Stichtag (default: the latest). */
export function fetchSteckbrief(level: string, key: string, date: string | null): Promise<Steckbrief> {
  const params: Record<string, string> = date ? { date } : {};
  const search = q(params);
  return cachedGet<Steckbrief>(`/api/profiles/${enc(level)}/${enc(key)}${search ? `?${search}` : ''}`);
}
