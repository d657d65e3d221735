/**
 * Editing the warning rules: create, replace, delete, JSON import (all or nothing), and the
 * default rules for a database without any. Every reference (indicator, index) must exist, so a
 * rule can be evaluated.
 */
import type { User } from '../auth/auth.schema.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { listIndicators as listAllIndicators } from '../indicators/indicator.repository.ts';
import { listIndices } from '../indices/index.service.ts';
import { DEFAULT_RULES } from './default-rules.ts';
import * as repo from './warning.repository.ts';
import type { WarningRule } from './warning.schema.ts';

/** Indicators and indices named by the rules must exist (unpublished indicators count too). */
async function checkReferences(db: Db, rules: WarningRule[]) {
  const indicators = new Set((await listAllIndicators(db, false)).map((i) => i.key));
  const unknownIndicators = rules
    .map((r) => (r.kind === 'index_class' ? null : r.indicator))
    .filter((k): k is string => k !== null && !indicators.has(k));
  if (unknownIndicators.length)
    throw new LagebildError(
      'monitoring.unknown_indicator',
      `Unbekannte(r) Indikator(en): ${[...new Set(unknownIndicators)].join(', ')}.`,
      422,
      { indicators: unknownIndicators },
    );
  const wanted = rules.flatMap((r) => (r.kind === 'index_class' ? [r.index] : []));
  if (!wanted.length) return;
  const indices = new Set((await listIndices(db)).map((i) => i.key));
  const unknownIndices = wanted.filter((k) => !indices.has(k));
  if (unknownIndices.length)
    throw new LagebildError(
      'monitoring.unknown_index',
      `Unbekannte(r) Index(e): ${[...new Set(unknownIndices)].join(', ')}.`,
      422,
      { indices: unknownIndices },
    );
}

export async function requireRule(db: Db, key: string): Promise<WarningRule> {
  const rule = await repo.findRule(db, key);
  if (!rule)
    throw notFound('monitoring.rule_not_found', `Die Warnregel „${key}“ gibt es nicht.`, { rule: key });
  return rule;
}

export async function createRule(db: Db, user: User, rule: WarningRule): Promise<WarningRule> {
  if (await repo.findRule(db, rule.key))
    throw new LagebildError('monitoring.duplicate_rule', `Die Warnregel „${rule.key}“ gibt es schon.`, 409, {
      rule: rule.key,
    });
  await checkReferences(db, [rule]);
  await repo.upsertRules(db, [rule], user.id);
  return rule;
}

export async function replaceRule(db: Db, user: User, key: string, rule: WarningRule): Promise<WarningRule> {
  if (rule.key !== key)
    throw new LagebildError(
      'monitoring.key_mismatch',
      'Der Schlüssel einer Warnregel kann nicht geändert werden.',
      400,
    );
  await requireRule(db, key);
  await checkReferences(db, [rule]);
  await repo.upsertRules(db, [rule], user.id);
  return rule;
}

export async function removeRule(db: Db, key: string): Promise<void> {
  if (!(await repo.deleteRule(db, key)))
    throw notFound('monitoring.rule_not_found', `Die Warnregel „${key}“ gibt es nicht.`, { rule: key });
}

/** Imports rules (JSON export of another installation): all or nothing; existing keys are replaced. */
export async function importRules(db: Db, user: User, rules: WarningRule[]): Promise<{ imported: number }> {
  const keys = rules.map((r) => r.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup)
    throw new LagebildError(
      'monitoring.duplicate_rule',
      `Die Warnregel „${dup}“ steht zweimal in der Datei.`,
      422,
      {
        rule: dup,
      },
    );
  return db.transaction(async (tx) => {
    await checkReferences(tx, rules);
    await repo.upsertRules(tx, rules, user.id);
    return { imported: rules.length };
  });
}

/**
 * Installs the default rules into a database without rules (called with the indicator
 * catalogue). Like the catalogue, deleting every rule brings the defaults back at the next start.
 */
export async function ensureDefaultRules(db: Db): Promise<void> {
  if ((await repo.countRules(db)) === 0) await repo.upsertRules(db, DEFAULT_RULES, null);
}
