/**
 * The territory scope (Zuständigkeit) of an account in the web app: which level an administrator
 * picks from, how a scope reads, and how it travels through a select's value.
 */
import type { Scope } from '../../auth/auth.schema.ts';
import { ut } from './texts.ts';

export interface ScopeLevel {
  key: string;
  name: string;
  rank: number;
}

export interface ScopeArea {
  id: string;
  name: string;
}

/**
 * The level an account is bound to: the one directly below the whole territory (rank 1, in a Kreis
 * the Gemeinden), or undefined when there is none.
 */
export const scopeLevel = <L extends ScopeLevel>(levels: readonly L[]): L | undefined =>
  levels.find((l) => l.rank === 1);

/**
 * How a scope reads: „Gemeinde Heiderath“ for an area, the whole territory for none. An area not
 * (or not yet) in the list still shows by its key, so nothing reads as empty.
 */
export function scopeLabel(
  scope: Scope | null | undefined,
  levels: readonly ScopeLevel[] | undefined,
  areas: readonly ScopeArea[] | undefined,
): string {
  if (!scope) return ut.users.wholeTerritory;
  const level = levels?.find((l) => l.key === scope.level)?.name ?? scope.level;
  const area = areas?.find((a) => a.id === scope.key)?.name ?? scope.key;
  return `${level} ${area}`;
}

/** A scope as the value of an option: '' for the whole territory. */
export const scopeValue = (scope: Scope | null | undefined): string =>
  scope ? JSON.stringify([scope.level, scope.key]) : '';

/** The scope an option's value stands for (the inverse of scopeValue). */
export function parseScopeValue(value: string): Scope | null {
  if (!value) return null;
  const [level, key] = JSON.parse(value) as [string, string];
  return { level, key };
}

/** Whether the select shows the account's scope unchanged (then saving sends nothing). */
export const sameScope = (a: Scope | null | undefined, b: Scope | null | undefined): boolean =>
  scopeValue(a) === scopeValue(b);
