/** The fixed categories of remarks with their German names: one place for server and web (no zod). */
export const REMARK_CATEGORIES = {
  spielen: 'Spielen und Freizeit',
  treffpunkte: 'Treffpunkte und Nachbarschaft',
  gruen: 'Grün und Umwelt',
  verkehr: 'Wege und Verkehr',
  sicherheit: 'Sicherheit',
  versorgung: 'Einkaufen und Versorgung',
  sonstiges: 'Sonstiges',
} as const;
