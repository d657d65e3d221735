/**
 * The open-data catalogue (DCAT-AP.de, JSON-LD) of what Lagebild already publishes: one dataset
 * per published indicator with the public value exports (CSV, JSON) per area level at the
 * Datenstand, one dataset „Gebietsgliederung“ per level with its GeoJSON, and the OGC API as the
 * data service behind the levels. It describes only public routes and reads the indicators as an
 * anonymous visitor (`user = null`), so the answer is the same whoever asks and every link works
 * without a login.
 */
import type { Db } from '../db/db.ts';
import { getTerritory } from '../areas/area.repository.ts';
import { listIndicators } from '../indicators/indicator.service.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { levelExtents, type LevelExtent } from '../ogc/ogc.repository.ts';
import { readCity } from '../setup/city.service.ts';
import {
  CONTEXT,
  DCATDE_VERSION,
  LANGUAGE_DE,
  LICENCE_BASE,
  dataTheme,
  fileType,
  mediaTypeUri,
  type Catalogue,
} from './opendata.schema.ts';

type Node = Record<string, unknown>;

const id = (uri: string) => ({ '@id': uri });
const date = (d: string) => ({ '@value': d, '@type': 'xsd:date' });

/**
 * The dcatde licence URI the city's licence text names, or null. Portals (GovData) accept only
 * these URIs; anything else is published as the text itself.
 */
export function licenceUri(text: string): string | null {
  const t = text.toLowerCase().replace(/[–—_]/g, '-').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (t.startsWith(LICENCE_BASE)) return text.trim();
  const dlde = /datenlizenz deutschland|\bdl-de\b/.test(t);
  if (dlde && /zero|null/.test(t)) return `${LICENCE_BASE}dl-zero-de/2.0`;
  if (dlde && /namensnennung|\bby\b/.test(t))
    return `${LICENCE_BASE}dl-by-de/${/\b1\.0\b/.test(t) ? '1.0' : '2.0'}`;
  if (/\bcc0\b|cc-zero|cc zero|creative commons zero/.test(t)) return `${LICENCE_BASE}cc-zero`;
  const cc = /\bcc\b|creative commons/.test(t) || /\bcc-by/.test(t);
  if (cc && /4\.0/.test(t)) {
    if (/by-sa|weitergabe unter gleichen bedingungen|sharealike|share-alike/.test(t))
      return `${LICENCE_BASE}cc-by-sa/4.0`;
    if (/\bby\b|namensnennung|attribution/.test(t)) return `${LICENCE_BASE}cc-by/4.0`;
  }
  return null;
}

/** dct:license: the dcatde URI where the text names one, else the text as a licence document. */
function licenceNode(text: string): Node | null {
  const uri = licenceUri(text);
  if (uri) return id(uri);
  if (!text.trim()) return null;
  return { '@type': 'dct:LicenseDocument', 'dct:title': text.trim() };
}

/** EU data theme of an indicator's German theme; social planning is „Bevölkerung und Gesellschaft“. */
export function themeUri(theme: string): string {
  const t = theme.toLowerCase();
  if (/arbeit|wirtschaft|beschäftigung|einkommen/.test(t)) return dataTheme('ECON');
  if (/bildung|schule|kultur|sport/.test(t)) return dataTheme('EDUC');
  if (/gesundheit|pflege/.test(t)) return dataTheme('HEAL');
  return dataTheme('SOCI');
}

/**
 * dct:accrualPeriodicity takes the EU frequency vocabulary; the indicators' update cycle is free
 * German text, so only the cycles it clearly names are given.
 */
export function frequencyUri(cycle: string): string | null {
  const t = cycle.toLowerCase();
  const code = /halbjährlich/.test(t)
    ? 'ANNUAL_2'
    : /vierteljährlich|quartal/.test(t)
      ? 'QUARTERLY'
      : /monatlich/.test(t)
        ? 'MONTHLY'
        : /jährlich/.test(t)
          ? 'ANNUAL'
          : null;
  return code && `http://publications.europa.eu/resource/authority/frequency/${code}`;
}

/** Where the app is reachable, as the client asked for it (like the OGC API's links). */
export interface CatalogueUrls {
  /** e.g. `https://lagebild.example.org` */
  origin: string;
}

const FORMATS = [
  { format: 'csv', media: 'text/csv', fileType: fileType('CSV'), label: 'CSV' },
  { format: 'json', media: 'application/json', fileType: fileType('JSON'), label: 'JSON' },
] as const;

const germanDate = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** dct:spatial of the city: its official geocoding URI where the key is an AGS, else a named place. */
function spatialOf(territory: { key: string; name: string; kind: string }) {
  const level = /^\d{8}$/.test(territory.key)
    ? 'municipalityKey'
    : /^\d{5}$/.test(territory.key)
      ? 'districtKey'
      : null;
  if (level)
    return {
      spatial: id(`http://dcat-ap.de/def/politicalGeocoding/${level}/${territory.key}`),
      geocoding: {
        'dcatde:politicalGeocodingURI': id(
          `http://dcat-ap.de/def/politicalGeocoding/${level}/${territory.key}`,
        ),
        'dcatde:politicalGeocodingLevelURI': id(
          `http://dcat-ap.de/def/politicalGeocoding/Level/${level === 'districtKey' ? 'administrativeDistrict' : 'municipality'}`,
        ),
      },
    };
  return {
    spatial: { '@type': 'dct:Location', 'dct:title': territory.name, 'dct:identifier': territory.key },
    geocoding: {},
  };
}

export async function buildCatalogue(db: Db, urls: CatalogueUrls): Promise<Catalogue> {
  const [territory, city, indicators, dates, datenstand, levels] = await Promise.all([
    getTerritory(db),
    readCity(db),
    // user null: exactly what the public sees — published indicators only
    listIndicators(db, null),
    listDates(db),
    currentDate(db),
    levelExtents(db),
  ]);
  const { origin } = urls;
  const cityName = territory?.name ?? 'Lagebild';
  const cityKey = territory?.key ?? 'lagebild';
  const catalogUrl = `${origin}/api/opendata/catalog`;
  const publisherName = city?.publisher.trim() || cityName;
  const publisher: Node = {
    '@id': `${catalogUrl}#herausgeber`,
    '@type': 'foaf:Organization',
    'foaf:name': publisherName,
    'foaf:homepage': id(`${origin}/`),
  };
  const contactPoint: Node = {
    '@type': 'vcard:Organization',
    'vcard:fn': publisherName,
    'vcard:hasURL': id(`${origin}/`),
  };
  const licence = licenceNode(city?.licence ?? '');
  const withLicence = licence ? { 'dct:license': licence } : {};
  const place = territory
    ? spatialOf(territory)
    : { spatial: { '@type': 'dct:Location', 'dct:title': cityName }, geocoding: {} };
  const temporal =
    dates.length > 0
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': date(dates[0]!),
            'dcat:endDate': date(dates.at(-1)!),
          },
        }
      : {};
  const common = {
    'dct:publisher': id(publisher['@id'] as string),
    'dcat:contactPoint': contactPoint,
    'dct:spatial': place.spatial,
    ...place.geocoding,
    'dct:language': id(LANGUAGE_DE),
    'dcatde:dcatapProfile': id(DCATDE_VERSION),
    ...withLicence,
  };
  const serviceId = `${catalogUrl}#ogc-api`;

  const distribution = (
    datasetId: string,
    suffix: string,
    f: { media: string; fileType: string; label: string },
    title: string,
    url: string,
    extra: Node = {},
  ): Node => ({
    '@id': `${datasetId}-${suffix}`,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dcat:accessURL': id(url),
    'dcat:downloadURL': id(url),
    'dcat:mediaType': id(mediaTypeUri(f.media)),
    'dct:format': id(f.fileType),
    ...withLicence,
    ...extra,
  });

  const indicatorDataset = (ind: Indicator): Node => {
    const datasetId = `${catalogUrl}#indikator-${ind.key}`;
    const distributions = datenstand
      ? levels.flatMap((level) =>
          FORMATS.map((f) => {
            const q = new URLSearchParams({
              format: f.format,
              indicator: ind.key,
              level: level.key,
              date: datenstand,
            });
            return distribution(
              datasetId,
              `${level.key}-${f.format}`,
              f,
              `${ind.name} – ${level.name}, Stichtag ${germanDate(datenstand)} (${f.label})`,
              `${origin}/api/exports/values?${q}`,
              {
                'dct:description': `Werte je Gebiet der Ebene „${level.name}“ und für die Gesamtstadt, geheimhaltungsgeprüft. Andere Stichtage: Parameter date=JJJJ-MM-TT.`,
                'dct:temporal': {
                  '@type': 'dct:PeriodOfTime',
                  'dcat:startDate': date(datenstand),
                  'dcat:endDate': date(datenstand),
                },
              },
            );
          }),
        )
      : [];
    return {
      '@id': datasetId,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${cityKey}-lagebild-indikator-${ind.key}`,
      'dct:title': ind.name,
      'dct:description':
        [
          ind.description.trim(),
          ind.unit && `Einheit: ${ind.unit}.`,
          ind.source.trim() && `Quelle: ${ind.source.trim()}.`,
        ]
          .filter(Boolean)
          .join(' ') || ind.name,
      'dcat:keyword': [...new Set([ind.theme, 'Sozialplanung', 'Sozialraum', 'kleinräumige Statistik'])],
      'dcat:theme': id(themeUri(ind.theme)),
      ...(frequencyUri(ind.updateCycle)
        ? { 'dct:accrualPeriodicity': id(frequencyUri(ind.updateCycle)!) }
        : {}),
      ...temporal,
      ...common,
      'dcat:distribution': distributions,
    };
  };

  const levelDataset = (level: LevelExtent): Node => {
    const datasetId = `${catalogUrl}#gebietsgliederung-${level.key}`;
    const geojson = { media: 'application/geo+json', fileType: fileType('GEOJSON'), label: 'GeoJSON' };
    const geometryUrl = (detail: string) =>
      `${origin}/api/areas/geojson?${new URLSearchParams({ level: level.key, detail })}`;
    return {
      '@id': datasetId,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${cityKey}-lagebild-gebietsgliederung-${level.key}`,
      'dct:title': `Gebietsgliederung: ${level.name}`,
      'dct:description': `Die ${level.areaCount} Gebiete der Ebene „${level.name}“ von ${cityName} mit Schlüssel, Name und Grenzen (WGS84).`,
      'dcat:keyword': ['Gebietsgliederung', level.name, 'Geodaten', 'Sozialraum'],
      'dcat:theme': [id(dataTheme('REGI')), id(dataTheme('SOCI'))],
      ...common,
      'dcat:distribution': [
        distribution(
          datasetId,
          'geojson-full',
          geojson,
          `${level.name}: Grenzen, vollständig (GeoJSON)`,
          geometryUrl('full'),
        ),
        distribution(
          datasetId,
          'geojson-display',
          geojson,
          `${level.name}: Grenzen, vereinfacht für Karten (GeoJSON)`,
          geometryUrl('display'),
        ),
        {
          '@id': `${datasetId}-ogc`,
          '@type': 'dcat:Distribution',
          'dct:title': `${level.name}: OGC API – Features`,
          'dcat:accessURL': id(`${origin}/ogc/collections/${encodeURIComponent(level.key)}`),
          'dcat:accessService': id(serviceId),
          'dcat:mediaType': id(mediaTypeUri('application/geo+json')),
          'dct:format': id(fileType('GEOJSON')),
          ...withLicence,
        },
      ],
    };
  };

  const levelDatasets = levels.map(levelDataset);
  return {
    '@context': { ...CONTEXT },
    '@id': catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': `Offene Daten der Sozialplanung: ${cityName}`,
    'dct:description': `Kleinräumige Indikatoren und Gebietsgliederungen von ${cityName} aus Lagebild: geheimhaltungsgeprüfte Werte der veröffentlichten Indikatoren als CSV und JSON, die Gebiete als GeoJSON und über die OGC API – Features.`,
    'dct:publisher': publisher,
    'foaf:homepage': id(`${origin}/`),
    'dct:language': id(LANGUAGE_DE),
    ...(dates.length > 0 ? { 'dct:modified': date(dates.at(-1)!) } : {}),
    'dct:spatial': place.spatial,
    ...withLicence,
    'dcat:themeTaxonomy': id(`http://publications.europa.eu/resource/authority/data-theme`),
    'dcat:dataset': [...indicators.map(indicatorDataset), ...levelDatasets],
    'dcat:service': [
      {
        '@id': serviceId,
        '@type': 'dcat:DataService',
        'dct:title': 'OGC API – Features: Gebiete und öffentliche Indikatorwerte',
        'dcat:endpointURL': id(`${origin}/ogc`),
        'dcat:endpointDescription': id(`${origin}/api/docs/json`),
        'dct:conformsTo': id('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'),
        'dcat:servesDataset': levelDatasets.map((d) => id(d['@id'] as string)),
        'dct:publisher': id(publisher['@id'] as string),
        ...withLicence,
      },
    ],
  };
}
