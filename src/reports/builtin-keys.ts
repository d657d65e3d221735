/**
 * The keys of the built-in report templates (templates.ts checks that it defines exactly these),
 * for what needs them without the templates: setup/seed.ts asks at every start whether the
 * database has them all, and loading the templates means loading the report schema.
 */
export const BUILTIN_TEMPLATE_KEYS = [
  'sozialbericht',
  'steckbrief',
  'steckbrief_kurz',
  'beschlussvorlage',
  'stellungnahme',
  'massnahme',
  'bedarfsplan_kita',
  'bedarfsplan_nbz',
  'pflegebedarfsplan',
] as const;

export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number];
