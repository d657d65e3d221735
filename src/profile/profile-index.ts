/**
 * The composite-index part of an area profile: the area's current classes, its class history and
 * its rank with the Monte Carlo robustness interval, from the indices module (src/indices).
 */
import type { User } from '../auth/auth.schema.ts';
import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { indexHistory, indexResult, indexRobustness, requireIndex } from '../indices/index.service.ts';
import type { ProfileIndex } from './profile.schema.ts';

/** The index a profile shows when none is asked for (if it exists). */
export const DEFAULT_INDEX = 'berlin_mss';
/** Monte Carlo runs per profile request: enough for a stable 5–95 % interval of one area, quick. */
export const ROBUSTNESS_RUNS = 1000;
export const ROBUSTNESS_SEED = 1;

/** Whether an error only says "this index cannot be computed here" (then the profile goes on without). */
const notComputable = (e: unknown) => e instanceof LagebildError && e.status >= 400 && e.status < 500;

/**
 * The area in the index `key` (default: berlin_mss if stored; `none`: no index).
 * An explicitly requested index that does not exist is an error (404); the default index is
 * silently left out when it is missing. An index that cannot be computed at the Stichtag (e.g.
 * its dynamics need an earlier Stichtag) gives `current: null` but keeps the history.
 */
export async function profileIndex(
  db: Db,
  user: User | null,
  requested: string | undefined,
  level: string,
  areaKey: string,
  date: string,
): Promise<ProfileIndex | null> {
  if (requested === 'none') return null;
  const key = requested ?? DEFAULT_INDEX;
  const definition = await requireIndex(db, key).catch((e: unknown) => {
    if (requested === undefined && notComputable(e)) return null;
    throw e;
  });
  if (!definition) return null;
  const optional = <T>(p: Promise<T>): Promise<T | null> =>
    p.catch((e: unknown) => {
      if (notComputable(e)) return null;
      throw e;
    });
  const [result, history, robustness] = await Promise.all([
    optional(indexResult(db, user, key, level, date)),
    optional(indexHistory(db, user, key, level, areaKey)),
    optional(indexRobustness(db, user, key, level, date, { runs: ROBUSTNESS_RUNS, seed: ROBUSTNESS_SEED })),
  ]);
  const own = result?.areas.find((a) => a.id === areaKey);
  const robust = robustness?.areas.find((a) => a.id === areaKey);
  return {
    key,
    name: result?.name ?? definition.name,
    parts: (result?.parts ?? definition.parts).map((p) => ({
      key: p.key,
      label: p.label,
      classes: p.classes.map((c) => ({ code: c.code, label: c.label, severity: c.severity })),
    })),
    current: own
      ? {
          valid: own.valid,
          invalidReason: own.invalidReason,
          code: own.code,
          parts: Object.fromEntries(
            Object.entries(own.parts).map(([k, p]) => [k, { index: p.index, class: p.class }]),
          ),
        }
      : null,
    history: history?.points ?? [],
    robustness:
      robust && robustness
        ? {
            runs: robustness.runs,
            seed: robustness.seed,
            rank: robust.baseRank,
            rankOf: robustness.areas.length,
            medianRank: robust.medianRank,
            rankLow: robust.rankLow,
            rankHigh: robust.rankHigh,
            classStability: robust.classStability,
            robust: robust.robust,
          }
        : null,
  };
}
