/**
 * German names of the kinds of organisations, bodies and meetings, in one place for the API's
 * Word minutes and the web pages (Akteure und Gremien).
 */
export const ORGANISATION_KINDS = [
  'traeger',
  'wohlfahrtsverband',
  'jobcenter',
  'verein',
  'amt',
  'sonstige',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const BODY_KINDS = [
  'stadtteilarbeitskreis',
  'sozialraumkonferenz',
  'fachplanungskonferenz',
  'steuerungsgruppe',
  'ausschuss',
  'rat',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const MEETING_STATUSES = ['geplant', 'durchgefuehrt'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const organisationKindLabel: Record<OrganisationKind, string> = {
  traeger: 'Träger',
  wohlfahrtsverband: 'Wohlfahrtsverband',
  jobcenter: 'Jobcenter',
  verein: 'Verein',
  amt: 'Amt',
  sonstige: 'Sonstige',
};

export const bodyKindLabel: Record<BodyKind, string> = {
  stadtteilarbeitskreis: 'Stadtteilarbeitskreis',
  sozialraumkonferenz: 'Sozialraumkonferenz',
  fachplanungskonferenz: 'Fachplanungskonferenz',
  steuerungsgruppe: 'Steuerungsgruppe',
  ausschuss: 'Ausschuss',
  rat: 'Rat',
};

export const meetingStatusLabel: Record<MeetingStatus, string> = {
  geplant: 'geplant',
  durchgefuehrt: 'durchgeführt',
};

/**
 * The address of an area's Steckbrief in the web app (as src/web/router.ts `paths.profile`).
 * @example steckbriefPath('sozialraum', '0101') // '/gebiete/sozialraum/0101'
 */
export const steckbriefPath = (level: string, key: string) =>
  `/gebiete/${encodeURIComponent(level)}/${encodeURIComponent(key)}`;

/**
 * A Steckbrief address read back into level and area key; null when it is none.
 * @example parseSteckbriefPath('/gebiete/sozialraum/0101') // { level: 'sozialraum', key: '0101' }
 */
export function parseSteckbriefPath(path: string): { level: string; key: string } | null {
  const m = /^(?:https?:\/\/[^/]+)?\/gebiete\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(path.trim());
  if (!m) return null;
  try {
    return { level: decodeURIComponent(m[1]!), key: decodeURIComponent(m[2]!) };
  } catch {
    return null;
  }
}
