/**
 * The open-data catalogue over HTTP on the demo city, on every engine: it is JSON-LD a processor
 * reads without fetching anything, lists exactly the published indicators and the area levels,
 * every download link answers anonymously with the media type it declares, licence and publisher
 * follow the city settings, and the answer is the same whoever asks.
 */
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../indicators/indicator.service.ts';
import { listDates } from '../observations/observation.repository.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { Catalogue } from './opendata.schema.ts';

type Node = Record<string, unknown>;
const ORIGIN = 'http://daten.example.org';
const DCAT = 'http://www.w3.org/ns/dcat#';
const ref = (v: unknown) => (v as { '@id': string })['@id'];
/** The path and query of an absolute link, for inject. */
const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const datasets = (c: Catalogue) => c['dcat:dataset'];
const indicatorDatasets = (c: Catalogue) =>
  datasets(c).filter((d) => String(d['@id']).includes('#indikator-'));
const distributions = (c: Catalogue) => datasets(c).flatMap((d) => d['dcat:distribution'] as Node[]);

describe.each(engines)('open-data catalogue on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ url, headers: { host: 'daten.example.org', ...(cookie ? { cookie } : {}) } });
  const catalogue = async (cookie?: string) => {
    const res = await get('/api/opendata/catalog', cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    return res.json<Catalogue>();
  };

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('describes the city as a dcat:Catalog with an inline context', async () => {
    const c = await catalogue();
    expect(c['@context']).toMatchObject({
      dcat: DCAT,
      dct: 'http://purl.org/dc/terms/',
      dcatde: 'http://dcat-ap.de/def/dcatde/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    });
    expect(c['@type']).toBe('dcat:Catalog');
    expect(c['@id']).toBe(`${ORIGIN}/api/opendata/catalog`);
    expect(ref(c['foaf:homepage'])).toBe(`${ORIGIN}/`);
    expect(ref(c['dct:language'])).toBe('http://publications.europa.eu/resource/authority/language/DEU');
    const dates = await listDates(ctx.db);
    expect(c['dct:modified']).toEqual({ '@value': dates.at(-1), '@type': 'xsd:date' });
    expect(String(c['dct:title'])).toMatch(/\S/);
    expect(String(c['dct:description'])).toMatch(/\S/);

    const ind = indicatorDatasets(c)[0]!;
    expect(ind['dct:temporal']).toMatchObject({
      'dcat:startDate': { '@value': dates[0] },
      'dcat:endDate': { '@value': dates.at(-1) },
    });
    expect(ref(ind['dcat:theme'])).toMatch(
      /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/,
    );
    expect(ref(ind['dct:accrualPeriodicity'])).toMatch(/\/frequency\/[A-Z_0-9]+$/);
    expect(ind['dcat:keyword']).toEqual(expect.arrayContaining(['Sozialplanung']));
    expect(ind['dct:spatial']).toBeTruthy();
    // stable: the identifier does not depend on the host the catalogue was asked through
    const other = (
      await ctx.app.inject({ url: '/api/opendata/catalog', headers: { host: 'x.example' } })
    ).json<Catalogue>();
    expect(indicatorDatasets(other).map((d) => d['dct:identifier'])).toEqual(
      indicatorDatasets(c).map((d) => d['dct:identifier']),
    );

    const [service] = c['dcat:service'];
    expect(service).toMatchObject({ '@type': 'dcat:DataService' });
    expect(ref(service!['dcat:endpointURL'])).toBe(`${ORIGIN}/ogc`);
    const levelIds = datasets(c)
      .filter((d) => String(d['@id']).includes('#gebietsgliederung-'))
      .map((d) => d['@id']);
    expect(levelIds.map((i) => String(i).split('#gebietsgliederung-')[1])).toEqual([
      'stadt',
      'stadtbezirk',
      'sozialraum',
    ]);
    expect((service!['dcat:servesDataset'] as Node[]).map(ref)).toEqual(levelIds);
    const landing = await get(local(ref(service!['dcat:endpointURL'])));
    expect(landing.statusCode).toBe(200);
  });

  it('is JSON-LD: expanded and flattened without fetching any context', async () => {
    const c = await catalogue();
    const documentLoader = (url: string) => Promise.reject(new Error(`no remote context: ${url}`));
    const expanded = await jsonld.expand(c, { documentLoader });
    expect(expanded).toHaveLength(1);
    const flat = (await jsonld.flatten(c, undefined, { documentLoader })) as unknown as Node[];
    const ofType = (t: string) => flat.filter((n) => (n['@type'] as string[] | undefined)?.includes(t));
    const published = await listIndicators(ctx.db, null);
    expect(ofType(`${DCAT}Dataset`)).toHaveLength(published.length + 3);
    expect(ofType(`${DCAT}Catalog`)).toHaveLength(1);
    expect(ofType(`${DCAT}DataService`)).toHaveLength(1);
    expect(ofType(`${DCAT}Distribution`)).toHaveLength(distributions(c).length);
    const catalog = ofType(`${DCAT}Catalog`)[0]!;
    expect(catalog[`${DCAT}dataset`]).toHaveLength(published.length + 3);
  });

  it('answers anonymously at every download link with the declared media type', async () => {
    const c = await catalogue();
    const all = distributions(c);
    const media = new Set<string>();
    for (const d of all) {
      expect(ref(d['dcat:accessURL']).startsWith(`${ORIGIN}/`)).toBe(true);
      const download = d['dcat:downloadURL'];
      const url = ref(download ?? d['dcat:accessURL']);
      const res = await get(local(url));
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.rawPayload.length, url).toBeGreaterThan(0);
      if (!download) continue;
      const type = ref(d['dcat:mediaType']).replace('http://www.iana.org/assignments/media-types/', '');
      media.add(type);
      expect(String(res.headers['content-type']).split(';')[0], url).toBe(type);
      const format = ref(d['dct:format']).split('/').at(-1)!;
      expect({ 'text/csv': 'CSV', 'application/json': 'JSON', 'application/geo+json': 'GEOJSON' }[type]).toBe(
        format,
      );
    }
    expect([...media].sort()).toEqual(['application/geo+json', 'application/json', 'text/csv']);
  }, 300_000);

  it('takes licence and publisher from the city settings', async () => {
    const put = (body: object) =>
      ctx.app.inject({ method: 'PUT', url: '/api/city', headers: { cookie: ctx.admin }, payload: body });
    let res = await put({
      publisher: 'Stadt Musterstadt, Amt für Statistik',
      licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    });
    expect(res.statusCode, res.body).toBe(200);
    let c = await catalogue();
    expect(c['dct:publisher']).toMatchObject({ 'foaf:name': 'Stadt Musterstadt, Amt für Statistik' });
    expect(ref(c['dct:license'])).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    for (const d of distributions(c))
      expect(ref(d['dct:license'])).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    expect(ref(indicatorDatasets(c)[0]!['dct:publisher'])).toBe(ref(c['dct:publisher']));

    res = await put({ publisher: 'Sozialamt Musterstadt', licence: 'Nutzung frei mit Quellenangabe' });
    expect(res.statusCode, res.body).toBe(200);
    c = await catalogue();
    expect(c['dct:publisher']).toMatchObject({ 'foaf:name': 'Sozialamt Musterstadt' });
    const text = { '@type': 'dct:LicenseDocument', 'dct:title': 'Nutzung frei mit Quellenangabe' };
    expect(c['dct:license']).toEqual(text);
    expect(distributions(c)[0]!['dct:license']).toEqual(text);
  });

  it('lists exactly the published indicators, the same whoever asks', async () => {
    const published = (await listIndicators(ctx.db, null)).map((i) => i.key).sort();
    const keys = (c: Catalogue) =>
      indicatorDatasets(c)
        .map((d) => String(d['@id']).split('#indikator-')[1]!)
        .sort();
    const anonymous = await catalogue();
    expect(keys(anonymous)).toEqual(published);
    expect(await catalogue(ctx.planner)).toEqual(anonymous);
    expect(await catalogue(ctx.viewer)).toEqual(anonymous);

    const withdrawn = published[0]!;
    const patch = (value: boolean) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${withdrawn}`,
        headers: { cookie: ctx.planner },
        payload: { published: value },
      });
    expect((await patch(false)).statusCode).toBe(200);
    const after = await catalogue(ctx.planner);
    expect(keys(after)).toEqual(published.filter((k) => k !== withdrawn));
    expect(JSON.stringify(after)).not.toContain(`indicator=${withdrawn}&`);
    expect((await patch(true)).statusCode).toBe(200);
    expect(keys(await catalogue())).toEqual(published);
  });
});
