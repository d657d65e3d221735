import { badRequest } from '../../core/errors.ts';
import { column, type CsvTable } from './key-csv.ts';
import { deriveMessages } from './messages.ts';

/** How the parent of each child area is found. */
export type ParentRule =
  /** The first `length` characters of the child key (Köln: Stadtteil 101 → Stadtbezirk 1). */
  | { kind: 'prefix'; length: number }
  /** A key table: child key → parent key, optionally the parent's name. */
  | { kind: 'table'; table: CsvTable; childField: string; parentField: string; parentNameField?: string };

/** Parent key per child key, and parent names where the rule gives them. */
export type ParentAssignment = { parentOf: Map<string, string>; names: Map<string, string> };

/**
 * Assigns every child key its parent key.
 *
 * @param childKeys keys of the current areas of the child level
 * @param from level key of the children, for messages
 * @throws 400 `areas.derive_*` with a German message: prefix not shorter than a key, column not
 *   in the table, empty cell, conflicting rows, children missing from the table
 * @example assignParents(['101', '102', '201'], { kind: 'prefix', length: 1 }, 'stadtteil').parentOf.get('201') // '2'
 */
export function assignParents(
  childKeys: readonly string[],
  rule: ParentRule,
  from: string,
): ParentAssignment {
  return rule.kind === 'prefix' ? byPrefix(childKeys, rule.length) : byTable(childKeys, rule, from);
}

function byPrefix(childKeys: readonly string[], length: number): ParentAssignment {
  if (!Number.isInteger(length) || length < 1)
    throw badRequest('areas.derive_invalid_prefix', deriveMessages.invalidPrefix(length), { length });
  const short = childKeys.filter((k) => k.length <= length);
  if (short.length > 0)
    throw badRequest('areas.derive_prefix_too_long', deriveMessages.prefixTooLong(length, short), {
      length,
      keys: short.slice(0, 20),
    });
  return { parentOf: new Map(childKeys.map((k) => [k, k.slice(0, length)])), names: new Map() };
}

function byTable(
  childKeys: readonly string[],
  rule: Extract<ParentRule, { kind: 'table' }>,
  from: string,
): ParentAssignment {
  const { table } = rule;
  const childCol = column(table, rule.childField);
  const parentCol = column(table, rule.parentField);
  const nameCol = rule.parentNameField ? column(table, rule.parentNameField) : undefined;
  const fromTable = new Map<string, string>();
  const names = new Map<string, string>();
  for (const { line, cells } of table.rows) {
    const child = cells[childCol] ?? '';
    const parent = cells[parentCol] ?? '';
    if (!child && !parent) continue;
    for (const [col, value] of [
      [childCol, child],
      [parentCol, parent],
    ] as const) {
      if (!value)
        throw badRequest(
          'areas.derive_empty_cell',
          deriveMessages.tableEmptyCell(table.fileName, line, col),
          {
            file: table.fileName,
            line,
            field: col,
          },
        );
    }
    const known = fromTable.get(child);
    if (known !== undefined && known !== parent)
      throw badRequest(
        'areas.derive_table_conflict',
        deriveMessages.tableConflict(table.fileName, line, child, known, parent),
        { file: table.fileName, line, child },
      );
    fromTable.set(child, parent);
    const name = nameCol ? cells[nameCol] : undefined;
    if (name && !names.has(parent)) names.set(parent, name);
  }
  const missing = childKeys.filter((k) => !fromTable.has(k));
  if (missing.length > 0)
    throw badRequest(
      'areas.derive_child_not_in_table',
      deriveMessages.childNotInTable(table.fileName, from, missing),
      { file: table.fileName, keys: missing.slice(0, 50), missing: missing.length },
    );
  return { parentOf: new Map(childKeys.map((k) => [k, fromTable.get(k)!])), names };
}

/**
 * Names from a names table: the first column is the parent key, the second its name (a header
 * line first, as in every CSV export).
 */
export function namesFromTable(table: CsvTable): Map<string, string> {
  const [keyCol, nameCol] = table.columns;
  const names = new Map<string, string>();
  if (!keyCol || !nameCol) return names;
  for (const { cells } of table.rows) {
    const key = cells[keyCol];
    const name = cells[nameCol];
    if (key && name) names.set(key, name);
  }
  return names;
}
