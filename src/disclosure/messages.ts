/**
 * German texts of the disclosure-control domain (Geheimhaltung), kept in one place so that a
 * later translation touches a single file, and the named errors built from them.
 */
import { LagebildError, badRequest } from '../core/errors.ts';

/** Reasons attached to suppressed cells, shown to people next to the "·". */
export const reasons = {
  /** Frequency rule: the count is below the threshold. */
  countBelow: (threshold: number) => `Fallzahl unter ${threshold}`,
  /** Frequency rule with `suppressZero`: a zero is secret as well. */
  zeroCount: () => 'Fallzahl 0 (Nullwerte werden geheim gehalten)',
  numeratorBelow: (threshold: number) => `Zähler unter ${threshold}`,
  denominatorBelow: (threshold: number) => `Nenner unter ${threshold}`,
  numeratorSecret: () => 'Zähler ist geheim gehalten',
  denominatorSecret: () => 'Nenner ist geheim gehalten',
  populationBelow: (minPopulation: number) =>
    `Gebiet mit weniger als ${minPopulation} Einwohnern (keine Quoten)`,
  /** Secondary suppression (Sekundärsperrung). */
  secondary: () => 'Sekundäre Geheimhaltung (verhindert das Zurückrechnen geheimer Werte)',
} as const;

/** Input that does not describe a valid linked additive table. */
export const tableError = (code: string, message: string, details: Record<string, unknown> = {}) =>
  badRequest(`disclosure.${code}`, message, details);

/**
 * The final audit found a suppressed value that can still be recomputed (or narrowed below the
 * required protection) from the published values. Secondary suppression must make this
 * impossible, so the error signals a defect, never bad input: nothing may be published.
 */
export class ResidualDisclosureError extends LagebildError {
  constructor(readonly cells: readonly { id: string; lower?: number; upper?: number }[]) {
    const first = cells[0];
    const shown = !first
      ? ''
      : first.lower === undefined
        ? `z. B. „${first.id}“`
        : `„${first.id}“ liegt zwischen ${first.lower} und ${first.upper}`;
    super(
      'disclosure.residual_disclosure',
      `Geheimhaltung unvollständig: ${cells.length} geheim gehaltene Werte lassen sich aus den veröffentlichten ` +
        `Werten zurückrechnen (${shown}). Die Tabelle wird nicht veröffentlicht.`,
      500,
      { cells },
    );
    this.name = 'ResidualDisclosureError';
  }
}

/** Secondary suppression could not find further cells to hide (e.g. caps pin a value). */
export class UnprotectableError extends LagebildError {
  constructor(readonly cells: readonly string[]) {
    super(
      'disclosure.unprotectable',
      `Geheimhaltung nicht möglich: Für ${cells.length} Werte (z. B. „${cells[0] ?? ''}“) gibt es keine ` +
        'weiteren Zellen, deren Sperrung das Zurückrechnen verhindert.',
      500,
      { cells },
    );
    this.name = 'UnprotectableError';
  }
}

/** The LP solver returned a status that an audit cannot interpret (numerical trouble). */
export class AuditSolverError extends LagebildError {
  constructor(status: number, cell: string) {
    super(
      'disclosure.solver_failed',
      `Prüfung der Geheimhaltung fehlgeschlagen: Der LP-Löser meldet Status ${status} für „${cell}“.`,
      500,
      { status, cell },
    );
    this.name = 'AuditSolverError';
  }
}
