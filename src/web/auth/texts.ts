/** German texts of the account pages: Benutzerverwaltung and Passwort ändern. */
import type { Role } from './api.ts';

export const ut = {
  roles: {
    admin: 'Administration',
    planner: 'Planung',
    viewer: 'Lesezugriff',
    partner: 'Partner (extern)',
  } satisfies Record<Role, string>,
  tooShort: (min: number) => `Das Passwort muss mindestens ${min} Zeichen lang sein.`,
  mismatch: 'Die beiden neuen Passwörter stimmen nicht überein.',
  loginFirst: 'Bitte melden Sie sich zuerst an.',
  login: 'Anmelden',

  /** In the header: role and, for a bound account, its area („Planung · Gemeinde Musterhausen“). */
  roleInScope: (role: string, area: string) => `${role} · ${area}`,

  account: {
    title: 'Passwort ändern',
    docTitle: 'Passwort ändern – Lagebild',
    intro: (name: string) =>
      `Angemeldet als ${name}. Nach der Änderung enden alle anderen Sitzungen dieses Kontos.`,
    current: 'Bisheriges Passwort',
    next: 'Neues Passwort',
    repeat: 'Neues Passwort wiederholen',
    hint: (min: number) =>
      `Mindestens ${min} Zeichen; ein langer Satz ist leichter zu merken als Sonderzeichen.`,
    submit: 'Passwort ändern',
    submitting: 'Wird geändert …',
    done: 'Das Passwort wurde geändert.',
  },

  users: {
    title: 'Benutzer',
    docTitle: 'Benutzer – Lagebild',
    intro:
      'Konten anlegen, Passwörter neu setzen, Konten einer Organisation zuordnen, ihre Zuständigkeit festlegen und Konten deaktivieren. Ein Planungskonto mit Zuständigkeit bearbeitet Daten nur in diesem Gebiet und sieht anderswo nur geschützte Werte. Deaktivierte Benutzer können sich nicht anmelden; ihre Sitzungen enden sofort.',
    needsRole: 'Die Benutzerverwaltung ist der Administration vorbehalten.',
    loading: 'Benutzer werden geladen …',
    caption: 'Alle Konten',
    username: 'Benutzername',
    displayName: 'Name',
    role: 'Rolle',
    state: 'Zustand',
    active: 'aktiv',
    inactive: 'deaktiviert',
    lastLogin: 'Letzte Anmeldung',
    never: 'noch nie',
    actions: 'Aktionen',
    organisation: 'Organisation',
    organisationOf: (username: string) => `Organisation von ${username}`,
    noOrganisation: '– keine –',
    saveOrganisation: 'Zuordnen',
    partnerNeedsOrganisation:
      'Ohne Organisation sieht dieses Partnerkonto keine Gremien: Partner lesen nur die Gremien, in denen ihre Organisation Mitglied ist.',
    organisationsMissing: 'Die Organisationen konnten nicht geladen werden.',
    linked: (username: string, organisation: string) =>
      `„${username}“ gehört jetzt zur Organisation „${organisation}“.`,
    unlinked: (username: string) => `„${username}“ gehört zu keiner Organisation mehr.`,
    scope: 'Zuständigkeit',
    scopeOf: (username: string) => `Zuständigkeit von ${username}`,
    wholeTerritory: 'ganzes Gebiet',
    saveScope: 'Festlegen',
    scopeAdmin: 'Die Administration ist immer für das ganze Gebiet zuständig.',
    scopeSet: (username: string, area: string) => `„${username}“ ist jetzt zuständig für ${area}.`,
    scopeCleared: (username: string) => `„${username}“ ist jetzt für das ganze Gebiet zuständig.`,
    scopeAreasMissing: 'Die Gebiete für die Zuständigkeit konnten nicht geladen werden.',
    rowLabel: (action: string, username: string) => `${action}: ${username}`,
    reset: 'Passwort neu setzen',
    deactivate: 'Deaktivieren',
    activate: 'Wieder aktivieren',
    you: '(Sie)',
    confirmDeactivate: (username: string) => `„${username}“ deaktivieren?`,
    confirmDeactivateText:
      'Das Konto kann sich dann nicht mehr anmelden, und alle seine Sitzungen enden sofort. Sie können es später wieder aktivieren.',
    deactivated: (username: string) => `„${username}“ wurde deaktiviert.`,
    activated: (username: string) => `„${username}“ ist wieder aktiv.`,
    resetTitle: (username: string) => `Neues Passwort für „${username}“`,
    resetText: 'Alle Sitzungen des Kontos enden. Teilen Sie das neue Passwort auf sicherem Weg mit.',
    resetField: 'Neues Passwort',
    resetSubmit: 'Passwort setzen',
    resetDone: (username: string) => `Das Passwort von „${username}“ wurde neu gesetzt.`,
    cancel: 'Abbrechen',
    createHeading: 'Konto anlegen',
    password: 'Passwort',
    create: 'Anlegen',
    creating: 'Wird angelegt …',
    created: (username: string) => `„${username}“ wurde angelegt.`,
    usernameHint: 'Kleinbuchstaben, Ziffern, Punkt, Unterstrich, Bindestrich',
  },
} as const;

/** A date and time of the API (ISO 8601) as Germans read it. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
