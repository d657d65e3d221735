/**
 * The open-data catalogue in DCAT-AP.de as JSON-LD: the prefixes of its inline context, the
 * vocabularies' URIs it points to (EU data themes and file types, IANA media types, the dcatde
 * licences) and a loose zod schema for the OpenAPI document. The context is inline so that any
 * JSON-LD processor reads the document without fetching anything.
 */
import { z } from 'zod';

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
export const dataTheme = (code: 'SOCI' | 'ECON' | 'EDUC' | 'HEAL' | 'REGI') => `${EU}/data-theme/${code}`;
export const fileType = (code: 'CSV' | 'JSON' | 'GEOJSON') => `${EU}/file-type/${code}`;
export const LANGUAGE_DE = `${EU}/language/DEU`;
export const mediaTypeUri = (type: string) => `http://www.iana.org/assignments/media-types/${type}`;

/** DCAT-AP.de's licence vocabulary (http://dcat-ap.de/def/licenses). */
export const LICENCE_BASE = 'http://dcat-ap.de/def/licenses/';

export const DCATDE_VERSION = 'http://dcat-ap.de/def/dcatde/2.0';

/** A JSON-LD node: keys are prefixed terms, `@id`, `@type`; values as JSON-LD allows. */
const Node = z.record(z.string(), z.unknown());

export const Catalogue = z
  .object({
    '@context': z.record(z.string(), z.string()),
    '@id': z.string(),
    '@type': z.literal('dcat:Catalog'),
    'dcat:dataset': z.array(Node),
    'dcat:service': z.array(Node),
  })
  .loose()
  .describe('DCAT-AP.de-Katalog (JSON-LD, Kontext eingebettet)');
export type Catalogue = z.infer<typeof Catalogue>;
