import { useMemo } from 'react';
import type { Scope } from '../../auth/auth.schema.ts';
import type { AppConfig } from '../api.ts';
import { scopeLabel } from '../auth/scope.ts';
import { useFetched } from '../ui/useFetched.ts';
import { reportsApi, type AreaSummary } from './api.ts';
import { levelsToWalk, type AreaLists } from './own-areas.ts';

export interface ScopeLists {
  /** The area lists that decide whether a target lies inside the scope (`insideScope`). */
  lists: AreaLists;
  /** How the scope reads, e.g. „Gemeinde Musterhausen“ (by key until its level's list is loaded). */
  label: string;
}

/**
 * The public area lists a planner bound to `scope` needs to know which areas of `targetLevel` are
 * their own (null: a city template, only the scope's name is needed); nothing for anyone else. The
 * lists are the cached ones of the area picker. Should one fail to load, it counts as empty: the
 * form then says the report is published, which the server does for any area it cannot place.
 */
export function useScopeLists(
  scope: Scope | null,
  targetLevel: string | null,
  levels: AppConfig['levels'],
): ScopeLists {
  const keys = useMemo(
    () =>
      scope
        ? [...new Set([scope.level, ...(targetLevel ? levelsToWalk(levels, scope, targetLevel) : [])])]
        : [],
    [scope, targetLevel, levels],
  );
  const loaded = useFetched(keys.length ? `scope-lists#${keys.join('#')}` : null, () =>
    Promise.all(keys.map((k) => reportsApi.areas(k).catch(() => []))),
  );
  return useMemo(() => {
    const lists: Record<string, readonly AreaSummary[] | undefined> = {};
    keys.forEach((k, i) => (lists[k] = loaded.data?.[i]));
    return { lists, label: scopeLabel(scope, levels, scope ? lists[scope.level] : undefined) };
  }, [keys, loaded.data, scope, levels]);
}
