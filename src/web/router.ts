/**
 * Client-side navigation: the path names the page (`/`, `/indikatoren`, `/indikatoren/<key>`, `/import`, …),
 * history.pushState adds an entry, popstate (Back/Forward) switches back. The server answers every
 * non-API path without a file extension with index.html, so every address can be opened directly.
 */
import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { page: 'atlas' }
  | { page: 'catalogue' }
  | { page: 'sheet'; key: string }
  | { page: 'create' }
  | { page: 'edit'; key: string }
  | { page: 'import' }
  | { page: 'monitoring' }
  | { page: 'indexEditor'; key: string | null }
  | { page: 'warnings' }
  | { page: 'profile'; level: string; key: string }
  | { page: 'areaImport' }
  | { page: 'typology' }
  | { page: 'compare' }
  | { page: 'reports' }
  | { page: 'reportTemplate'; key: string | null }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'account' }
  | { page: 'variables' }
  | { page: 'setup' }
  | { page: 'citySettings' }
  | { page: 'facilities' }
  | { page: 'coverage' }
  | { page: 'scenarios' }
  | { page: 'needsPlan' }
  | { page: 'projection' }
  | { page: 'statements' }
  | { page: 'measures' }
  | { page: 'participation' }
  | { page: 'bodies' }
  | { page: 'survey'; token: string }
  | { page: 'remarks' }
  | { page: 'notFound' };

const CATALOGUE = '/indikatoren';
const IMPORT = '/import';
const MONITORING = '/monitoring';
const INDICES = 'indizes';
const NEW_INDEX = 'neu';
const WARNINGS = '/fruehwarnung';
const AREAS = '/gebiete';
// Two segments, an area profile (`/gebiete/<level>/<key>`) has three: no level key can clash.
const AREA_IMPORT = 'import';
const TYPOLOGY = '/typologie';
const COMPARE = '/vergleich';
const REPORTS = '/berichte';
const TEMPLATES = 'vorlagen';
const NEW_TEMPLATE = 'neu';
const USERS = '/benutzer';
const AUDIT = '/protokoll';
const ACCOUNT = '/konto';
const VARIABLES = '/variablen';
const SETUP = '/einrichtung';
const CITY_SETTINGS = '/einstellungen';
const FACILITIES = '/einrichtungen';
const COVERAGE = '/versorgung';
const SCENARIOS = 'szenarien';
const NEEDS_PLAN = 'bedarfsplan';
const PROJECTION = 'prognose';
const STATEMENTS = 'stellungnahmen';
const STEERING = '/steuerung';
const MEASURES = 'massnahmen';
const PARTICIPATION = 'beteiligung';
const BODIES = 'gremien';
/** The public questionnaire behind a survey's link: `/befragung/<token>`. */
const SURVEY = '/befragung';
/** Hinweis geben: remarks on the map, for everyone. */
const REMARKS = '/hinweise';
// Indicator keys are lower case, digits and underscore only: a hyphen never clashes with a key.
const CREATE = 'neuer-indikator';
const EDIT = 'bearbeiten';

export const paths = {
  atlas: '/',
  catalogue: CATALOGUE,
  import: IMPORT,
  create: `${CATALOGUE}/${CREATE}`,
  sheet: (key: string) => `${CATALOGUE}/${encodeURIComponent(key)}`,
  edit: (key: string) => `${CATALOGUE}/${encodeURIComponent(key)}/${EDIT}`,
  monitoring: MONITORING,
  /** The index editor: a stored index by key, or a new one (null). */
  indexEditor: (key: string | null) =>
    `${MONITORING}/${INDICES}/${key === null ? NEW_INDEX : encodeURIComponent(key)}`,
  warnings: WARNINGS,
  /** The area profile (Steckbrief) of one area of a level. */
  profile: (level: string, key: string) => `${AREAS}/${encodeURIComponent(level)}/${encodeURIComponent(key)}`,
  /** Gebiete importieren: upload area geometries, derive a parent level (planners, admins). */
  areaImport: `${AREAS}/${AREA_IMPORT}`,
  typology: TYPOLOGY,
  compare: COMPARE,
  reports: REPORTS,
  /** The report template editor: a stored template by key, or a new one (null). */
  reportTemplate: (key: string | null) =>
    `${REPORTS}/${TEMPLATES}/${key === null ? NEW_TEMPLATE : encodeURIComponent(key)}`,
  /** Benutzerverwaltung (administrators). */
  users: USERS,
  audit: AUDIT,
  /** The logged-in user's own account: change the password. */
  account: ACCOUNT,
  /** Variablen: the catalogue's count series, and variables defined as sums. */
  variables: VARIABLES,
  /** Einrichtung: first administrator, city and levels of an empty installation. */
  setup: SETUP,
  /** Einstellungen der Stadt (administrators). */
  citySettings: CITY_SETTINGS,
  /** Einrichtungen: facilities on the map and as a table; planners edit and import them. */
  facilities: FACILITIES,
  /** Versorgung: coverage of a norm per area, with scenarios beside the Bestand. */
  coverage: COVERAGE,
  /** Szenarien of the coverage (planners). */
  scenarios: `${COVERAGE}/${SCENARIOS}`,
  /** Bedarfsplan: areas ranked by need. */
  needsPlan: `${COVERAGE}/${NEEDS_PLAN}`,
  /** Prognose: population projection and care plan (planners). */
  projection: `${COVERAGE}/${PROJECTION}`,
  /** Stellungnahmen zur Bauleitplanung (planners). */
  statements: `${COVERAGE}/${STATEMENTS}`,
  /** Maßnahmen (Steuerung): programmes, fields of action and measures with goals and progress. */
  measures: `${STEERING}/${MEASURES}`,
  /** Beteiligung (Steuerung, planners): surveys, results and moderation. */
  participation: `${STEERING}/${PARTICIPATION}`,
  /** Gremien (Steuerung; planners, and partners for their organisation's bodies): meetings, minutes, action items. */
  bodies: `${STEERING}/${BODIES}`,
  /** A survey's public questionnaire (anyone with the link). */
  survey: (token: string) => `${SURVEY}/${encodeURIComponent(token)}`,
  /** Hinweis geben: a remark on the map (anyone, without a login) and the approved ones per area. */
  remarks: REMARKS,
};

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The page a path shows; a trailing slash is ignored.
 * @example parseRoute('/indikatoren/sgb2_quote') // { page: 'sheet', key: 'sgb2_quote' }
 */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'atlas' };
  const first = `/${parts[0]}`;
  if (first === IMPORT) return parts.length === 1 ? { page: 'import' } : { page: 'notFound' };
  if (first === WARNINGS) return parts.length === 1 ? { page: 'warnings' } : { page: 'notFound' };
  if (first === TYPOLOGY) return parts.length === 1 ? { page: 'typology' } : { page: 'notFound' };
  if (first === COMPARE) return parts.length === 1 ? { page: 'compare' } : { page: 'notFound' };
  if (first === USERS) return parts.length === 1 ? { page: 'users' } : { page: 'notFound' };
  if (first === AUDIT) return parts.length === 1 ? { page: 'audit' } : { page: 'notFound' };
  if (first === ACCOUNT) return parts.length === 1 ? { page: 'account' } : { page: 'notFound' };
  if (first === VARIABLES) return parts.length === 1 ? { page: 'variables' } : { page: 'notFound' };
  if (first === SETUP) return parts.length === 1 ? { page: 'setup' } : { page: 'notFound' };
  if (first === CITY_SETTINGS) return parts.length === 1 ? { page: 'citySettings' } : { page: 'notFound' };
  if (first === FACILITIES) return parts.length === 1 ? { page: 'facilities' } : { page: 'notFound' };
  if (first === REMARKS) return parts.length === 1 ? { page: 'remarks' } : { page: 'notFound' };
  if (first === COVERAGE) {
    if (parts.length === 1) return { page: 'coverage' };
    if (parts.length === 2 && parts[1] === SCENARIOS) return { page: 'scenarios' };
    if (parts.length === 2 && parts[1] === NEEDS_PLAN) return { page: 'needsPlan' };
    if (parts.length === 2 && parts[1] === PROJECTION) return { page: 'projection' };
    if (parts.length === 2 && parts[1] === STATEMENTS) return { page: 'statements' };
    return { page: 'notFound' };
  }
  if (first === STEERING) {
    if (parts.length === 2 && parts[1] === MEASURES) return { page: 'measures' };
    if (parts.length === 2 && parts[1] === PARTICIPATION) return { page: 'participation' };
    if (parts.length === 2 && parts[1] === BODIES) return { page: 'bodies' };
    return { page: 'notFound' };
  }
  if (first === SURVEY) {
    const token = decode(parts[1] ?? '');
    return parts.length === 2 && token ? { page: 'survey', token } : { page: 'notFound' };
  }
  if (first === REPORTS) {
    if (parts.length === 1) return { page: 'reports' };
    const key = decode(parts[2] ?? '');
    if (parts.length === 3 && parts[1] === TEMPLATES && key)
      return { page: 'reportTemplate', key: key === NEW_TEMPLATE ? null : key };
    return { page: 'notFound' };
  }
  if (first === MONITORING) {
    if (parts.length === 1) return { page: 'monitoring' };
    const key = decode(parts[2] ?? '');
    if (parts.length === 3 && parts[1] === INDICES && key)
      return { page: 'indexEditor', key: key === NEW_INDEX ? null : key };
    return { page: 'notFound' };
  }
  if (first === AREAS) {
    if (parts.length === 2 && parts[1] === AREA_IMPORT) return { page: 'areaImport' };
    const level = decode(parts[1] ?? '');
    const key = decode(parts[2] ?? '');
    return parts.length === 3 && level && key ? { page: 'profile', level, key } : { page: 'notFound' };
  }
  if (first !== CATALOGUE) return { page: 'notFound' };
  if (parts.length === 1) return { page: 'catalogue' };
  const key = decode(parts[1] ?? '');
  if (!key) return { page: 'notFound' };
  if (parts.length === 2) return key === CREATE ? { page: 'create' } : { page: 'sheet', key };
  if (parts.length === 3 && parts[2] === EDIT) return { page: 'edit', key };
  return { page: 'notFound' };
}

const EVENT = 'lagebild:navigate';
/** Set by a navigation inside the app; the next page heading takes the focus (see takeFocusAfterNavigation). */
let focusPending = false;
/** The path on screen: Back/Forward between fragments of one page (skip link) is no page change. */
let shownPath: string | null = null;

function subscribe(onChange: () => void): () => void {
  shownPath ??= window.location.pathname;
  const onPop = () => {
    if (window.location.pathname !== shownPath) focusPending = true;
    shownPath = window.location.pathname;
    onChange();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(EVENT, onChange);
  };
}

const pathname = () => window.location.pathname;

/** The current route; re-renders on navigate() and on Back/Forward. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, pathname);
  return useMemo(() => parseRoute(path), [path]);
}

/** Goes to an address inside the app (path with optional query) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = `${window.location.pathname}${window.location.search}`;
  if (to === current && !options.replace) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  focusPending = true;
  shownPath = window.location.pathname;
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(EVENT));
}

/**
 * True once after a navigation inside the app: the new page moves the focus to its heading, so
 * screen readers announce the page change. A page opened by its address keeps the default focus.
 */
export function takeFocusAfterNavigation(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}
