import { describe, expect, it } from 'vitest';
import { frequencyUri, licenceUri, themeUri } from './opendata.service.ts';

describe('licenceUri', () => {
  it.each([
    ['Datenlizenz Deutschland – Namensnennung – Version 2.0', 'dl-by-de/2.0'],
    ['dl-de/by-2-0', 'dl-by-de/2.0'],
    ['Datenlizenz Deutschland – Zero – Version 2.0', 'dl-zero-de/2.0'],
    ['dl-de/zero-2-0', 'dl-zero-de/2.0'],
    ['CC BY 4.0', 'cc-by/4.0'],
    ['Creative Commons Namensnennung 4.0 International', 'cc-by/4.0'],
    ['CC BY-SA 4.0', 'cc-by-sa/4.0'],
    ['CC0', 'cc-zero'],
    ['http://dcat-ap.de/def/licenses/dl-by-de/2.0', 'dl-by-de/2.0'],
  ])('maps „%s“ to the dcatde licence %s', (text, uri) => {
    expect(licenceUri(text)).toBe(`http://dcat-ap.de/def/licenses/${uri}`);
  });

  it.each(['', 'Eigene Nutzungsbedingungen der Stadt', 'CC BY 3.0'])('names no URI for „%s“', (text) => {
    expect(licenceUri(text)).toBeNull();
  });
});

describe('themeUri', () => {
  it('maps German indicator themes to EU data themes, social matters by default', () => {
    expect(themeUri('Arbeit')).toMatch(/\/ECON$/);
    expect(themeUri('Demografie')).toMatch(/\/SOCI$/);
    expect(themeUri('Kinder und Familie')).toMatch(/\/SOCI$/);
  });
});

describe('frequencyUri', () => {
  it('gives the EU frequency of the cycles it recognises, nothing for free text', () => {
    expect(frequencyUri('jährlich zum 31.12.')).toMatch(/\/frequency\/ANNUAL$/);
    expect(frequencyUri('halbjährlich')).toMatch(/\/frequency\/ANNUAL_2$/);
    expect(frequencyUri('nach Bedarf')).toBeNull();
  });
});
