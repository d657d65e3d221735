import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './router.ts';

describe('parseRoute', () => {
  it('knows the pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'atlas' });
    expect(parseRoute('/indikatoren')).toEqual({ page: 'catalogue' });
    expect(parseRoute('/indikatoren/')).toEqual({ page: 'catalogue' });
    expect(parseRoute('/indikatoren/sgb2_quote')).toEqual({ page: 'sheet', key: 'sgb2_quote' });
    expect(parseRoute('/indikatoren/sgb2_quote/bearbeiten')).toEqual({ page: 'edit', key: 'sgb2_quote' });
    expect(parseRoute(paths.create)).toEqual({ page: 'create' });
    expect(parseRoute('/import')).toEqual({ page: 'import' });
    expect(parseRoute(paths.import)).toEqual({ page: 'import' });
  });

  it('answers unknown paths with notFound', () => {
    expect(parseRoute('/karte')).toEqual({ page: 'notFound' });
    expect(parseRoute('/indikatoren/a/b')).toEqual({ page: 'notFound' });
    expect(parseRoute('/import/x')).toEqual({ page: 'notFound' });
    expect(parseRoute('/indikatoren/%E0%A4%A')).toEqual({ page: 'notFound' });
  });

  it('builds paths that parse back', () => {
    expect(parseRoute(paths.sheet('alq'))).toEqual({ page: 'sheet', key: 'alq' });
    expect(parseRoute(paths.edit('alq'))).toEqual({ page: 'edit', key: 'alq' });
    expect(parseRoute(paths.monitoring)).toEqual({ page: 'monitoring' });
    expect(parseRoute(paths.indexEditor(null))).toEqual({ page: 'indexEditor', key: null });
    expect(parseRoute(paths.indexEditor('berlin_mss'))).toEqual({ page: 'indexEditor', key: 'berlin_mss' });
    expect(parseRoute(paths.warnings)).toEqual({ page: 'warnings' });
    expect(parseRoute(paths.profile('planungsraum', '01100101'))).toEqual({
      page: 'profile',
      level: 'planungsraum',
      key: '01100101',
    });
    expect(parseRoute(paths.typology)).toEqual({ page: 'typology' });
    expect(parseRoute(paths.compare)).toEqual({ page: 'compare' });
    expect(parseRoute(paths.statements)).toEqual({ page: 'statements' });
    expect(parseRoute('/versorgung/stellungnahmen/x')).toEqual({ page: 'notFound' });
  });

  it('knows the account pages', () => {
    expect(parseRoute('/benutzer')).toEqual({ page: 'users' });
    expect(parseRoute(paths.users)).toEqual({ page: 'users' });
    expect(parseRoute('/konto/')).toEqual({ page: 'account' });
    expect(parseRoute(paths.account)).toEqual({ page: 'account' });
    expect(parseRoute('/benutzer/admin')).toEqual({ page: 'notFound' });
  });

  it('knows the variables page', () => {
    expect(parseRoute('/variablen')).toEqual({ page: 'variables' });
    expect(parseRoute(paths.variables)).toEqual({ page: 'variables' });
    expect(parseRoute('/variablen/ew')).toEqual({ page: 'notFound' });
  });

  it('knows the reports page and the template editor', () => {
    expect(parseRoute('/berichte')).toEqual({ page: 'reports' });
    expect(parseRoute(paths.reports)).toEqual({ page: 'reports' });
    expect(parseRoute(paths.reportTemplate(null))).toEqual({ page: 'reportTemplate', key: null });
    expect(parseRoute(paths.reportTemplate('steckbrief_kurz'))).toEqual({
      page: 'reportTemplate',
      key: 'steckbrief_kurz',
    });
    expect(parseRoute('/berichte/vorlagen')).toEqual({ page: 'notFound' });
    expect(parseRoute('/berichte/x/y')).toEqual({ page: 'notFound' });
  });

  it('knows the area import page beside the area profiles', () => {
    expect(parseRoute('/gebiete/import')).toEqual({ page: 'areaImport' });
    expect(parseRoute('/gebiete/import/')).toEqual({ page: 'areaImport' });
    expect(parseRoute(paths.areaImport)).toEqual({ page: 'areaImport' });
    expect(parseRoute('/gebiete/import/101')).toEqual({ page: 'profile', level: 'import', key: '101' });
    expect(parseRoute('/gebiete/importieren')).toEqual({ page: 'notFound' });
  });

  it('refuses incomplete monitoring and area paths', () => {
    expect(parseRoute('/monitoring/indizes')).toEqual({ page: 'notFound' });
    expect(parseRoute('/gebiete/sozialraum')).toEqual({ page: 'notFound' });
    expect(parseRoute('/fruehwarnung/x')).toEqual({ page: 'notFound' });
  });
});
