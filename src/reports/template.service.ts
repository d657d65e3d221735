/**
 * Report templates in the database: the built-ins of `templates.ts` are installed when missing,
 * can be edited and reset to their shipped definition, but not deleted (they would come back on
 * the next start); the city's own templates are created, replaced, imported and deleted freely.
 * Every change keeps the set consistent: an `area_profiles` block names an area template.
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { ImportResult, TemplateList } from './report-store.schema.ts';
import type { ReportTemplate } from './report.schema.ts';
import * as repo from './template.repository.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';
import { raise, unknownTemplate } from './report-model.ts';

const BUILTIN_ORDER = Object.keys(BUILTIN_TEMPLATES);

/**
 * Inserts every built-in template that is not stored yet. Idempotent; a template a user has
 * changed is never overwritten.
 * @returns the number of templates inserted
 */
export function ensureReportTemplates(db: Db): Promise<number> {
  return repo.insertMissingBuiltins(db, Object.values(BUILTIN_TEMPLATES));
}

export async function listTemplateSummaries(db: Db): Promise<TemplateList> {
  const stored = await repo.listTemplates(db, BUILTIN_ORDER);
  return {
    templates: stored.map(({ template: t, builtin, updatedAt }) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      scope: t.scope,
      builtin,
      updatedAt,
    })),
  };
}

/** @throws reports.unknown_template (404) */
export async function requireTemplate(db: Db, key: string): Promise<repo.StoredTemplate> {
  return (await repo.findTemplate(db, key)) ?? raise(unknownTemplate(key));
}

/**
 * Looks templates up in the database (the city's edited versions), then among the built-ins — for
 * the area template a Sozialbericht's appendix names.
 */
export const storedTemplates =
  (db: Db) =>
  async (key: string): Promise<ReportTemplate | null> =>
    (await repo.findTemplate(db, key))?.template ?? BUILTIN_TEMPLATES[key] ?? null;

/** Keys of the templates an `area_profiles` block of `t` uses. */
const profileTemplates = (t: ReportTemplate) =>
  t.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === 'area_profiles' ? [b.template] : [])));

/**
 * Every `area_profiles` block of the templates in `changed` names a template of scope `area` in
 * `all`, and no template that others use for their area profiles became a city template.
 * @throws reports.invalid_template (400) naming template and reference in German
 */
function checkReferences(all: Map<string, ReportTemplate>, changed: readonly ReportTemplate[]) {
  const changedKeys = new Set(changed.map((t) => t.key));
  for (const t of all.values()) {
    for (const ref of profileTemplates(t)) {
      // only what this change can break: the changed templates and references to them
      if (!changedKeys.has(t.key) && !changedKeys.has(ref)) continue;
      const target = all.get(ref);
      if (!target)
        throw badRequest(
          'reports.invalid_template',
          `Die Vorlage „${t.name}“ verwendet für die Steckbriefe der Gebiete die Vorlage „${ref}“, die es nicht gibt.`,
          { template: t.key, reference: ref },
        );
      if (target.scope !== 'area')
        throw badRequest(
          'reports.invalid_template',
          `Die Vorlage „${t.name}“ verwendet für die Steckbriefe der Gebiete die Vorlage „${target.name}“, ` +
            'die nicht für ein einzelnes Gebiet gilt (Geltungsbereich „area“ nötig).',
          { template: t.key, reference: ref },
        );
    }
  }
}

/** Stores `templates` (creating or replacing) after checking them against the stored set. */
async function store(db: Db, templates: ReportTemplate[], user: User): Promise<void> {
  const all = new Map((await repo.listTemplates(db, BUILTIN_ORDER)).map((s) => [s.template.key, s.template]));
  for (const t of templates) all.set(t.key, t);
  checkReferences(all, templates);
  await repo.upsertTemplates(db, templates, user.id);
}

/**
 * Creates or replaces the template `key`.
 * @throws reports.key_mismatch (400) when the body names another key; reports.invalid_template (400)
 */
export async function putTemplate(db: Db, key: string, template: ReportTemplate, user: User) {
  if (template.key !== key)
    throw badRequest(
      'reports.key_mismatch',
      `Der Schlüssel der Vorlage („${template.key}“) passt nicht zur Adresse („${key}“).`,
      { template: key, body: template.key },
    );
  await db.transaction((tx) => store(tx, [template], user));
  return template;
}

/**
 * Imports templates (the JSON export of this or another installation): all or nothing.
 * @throws reports.duplicate_template (400) when a key occurs twice; reports.invalid_template (400)
 */
export async function importTemplates(
  db: Db,
  templates: ReportTemplate[],
  user: User,
): Promise<ImportResult> {
  const keys = templates.map((t) => t.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup)
    throw badRequest('reports.duplicate_template', `Die Vorlage „${dup}“ steht zweimal in der Datei.`, {
      template: dup,
    });
  await db.transaction((tx) => store(tx, templates, user));
  return { imported: keys };
}

/**
 * Deletes one of the city's own templates.
 * @throws reports.builtin_template (409) for a built-in; reports.template_in_use (409) when another
 *   template uses it for its area profiles; reports.unknown_template (404)
 */
export async function removeTemplate(db: Db, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await requireTemplate(tx, key);
    if (stored.builtin)
      throw new LagebildError(
        'reports.builtin_template',
        `Die Vorlage „${stored.template.name}“ ist eingebaut und kann nicht gelöscht, nur geändert oder zurückgesetzt werden.`,
        409,
        { template: key },
      );
    const users = (await repo.listTemplates(tx, BUILTIN_ORDER))
      .map((s) => s.template)
      .filter((t) => profileTemplates(t).includes(key));
    if (users.length)
      throw new LagebildError(
        'reports.template_in_use',
        `Die Vorlage „${stored.template.name}“ wird von ${users.map((t) => `„${t.name}“`).join(', ')} ` +
          'für die Steckbriefe der Gebiete verwendet und kann nicht gelöscht werden.',
        409,
        { template: key, usedBy: users.map((t) => t.key) },
      );
    await repo.deleteTemplate(tx, key);
  });
}

/**
 * Restores a built-in template to the definition shipped with this version of Lagebild.
 * @throws reports.not_builtin (409) for the city's own templates; reports.unknown_template (404)
 */
export async function resetTemplate(db: Db, key: string, user: User): Promise<ReportTemplate> {
  const shipped = BUILTIN_TEMPLATES[key];
  if (!shipped) {
    await requireTemplate(db, key);
    throw new LagebildError(
      'reports.not_builtin',
      `Die Vorlage „${key}“ ist nicht eingebaut; es gibt keine ausgelieferte Fassung, auf die sie zurückgesetzt werden könnte.`,
      409,
      { template: key },
    );
  }
  await db.transaction((tx) => store(tx, [shipped], user));
  return shipped;
}
