/**
 * OParl 1.1 (https://oparl.org/spezifikation/, German standard for council information systems):
 * the objects Lagebild serves under `/oparl/v1`, written from the specification's schema chapter
 * as zod schemas — one source for the responses, their OpenAPI entries and the tests, which check
 * every object a client can reach against them. Only the properties Lagebild fills are listed,
 * each with the type and format the specification gives it; `id` and `type` are required on every
 * object, as in the specification.
 */
import { z } from 'zod';

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** The largest and the default number of objects on a list page (the specification recommends ≤ 100). */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 50;

export type OparlTypeName =
  | 'System'
  | 'Body'
  | 'Organization'
  | 'Person'
  | 'Meeting'
  | 'AgendaItem'
  | 'Paper'
  | 'File'
  | 'Consultation'
  | 'LegislativeTerm';

/** `https://schema.oparl.org/1.1/<Type>`, the value of `type`. */
export const typeUri = <T extends OparlTypeName>(name: T) => `${OPARL_VERSION}${name}` as const;
const Type = <T extends OparlTypeName>(name: T) => z.literal(typeUri(name));

/** An absolute http(s) URL: every reference in OParl is one. */
const Url = z.url({ protocol: /^https?$/ });
/** `date-time` with a time zone (RFC 3339), as OParl requires for points in time. */
const DateTime = z.iso.datetime({ offset: true });
/** `date`: a day without a time zone. */
const Day = z.iso.date();

/** Properties every OParl object may carry (specification: „Übergreifende Aspekte“). */
const common = {
  created: DateTime.optional(),
  modified: DateTime.optional(),
  keyword: z.array(z.string()).optional(),
  web: Url.optional().describe('The same thing as a page for people'),
  deleted: z
    .boolean()
    .optional()
    .describe(
      'true: published once, deleted or withdrawn since; only id, type, created and modified (the time it went) remain',
    ),
};

export const OparlSystem = z
  .object({
    id: Url,
    type: Type('System'),
    oparlVersion: z.literal(OPARL_VERSION),
    body: Url.describe('External list of the bodies (Körperschaften)'),
    name: z.string().optional(),
    website: Url.optional(),
    ...common,
  })
  .describe('oparl:System: the entry point of the OParl interface');
export type OparlSystem = z.infer<typeof OparlSystem>;

export const OparlLegislativeTerm = z
  .object({
    id: Url,
    type: Type('LegislativeTerm'),
    body: Url.optional(),
    name: z.string().optional(),
    startDate: Day.optional(),
    endDate: Day.optional(),
    ...common,
  })
  .describe('oparl:LegislativeTerm (Wahlperiode)');

export const OparlBody = z
  .object({
    id: Url,
    type: Type('Body'),
    system: Url.optional(),
    name: z.string(),
    shortName: z.string().optional(),
    ags: z.string().optional().describe('Amtlicher Gemeindeschlüssel (8 digits)'),
    classification: z.string().optional(),
    organization: Url,
    person: Url,
    meeting: Url,
    paper: Url,
    legislativeTerm: z.array(OparlLegislativeTerm),
    agendaItem: Url.optional(),
    file: Url.optional(),
    legislativeTermList: Url.optional(),
    ...common,
  })
  .describe('oparl:Body: the Kommune of this Lagebild installation');
export type OparlBody = z.infer<typeof OparlBody>;

export const OparlOrganization = z
  .object({
    id: Url,
    type: Type('Organization'),
    body: Url.optional(),
    name: z.string().optional(),
    meeting: Url.optional().describe('External list of its meetings'),
    organizationType: z.string().optional(),
    classification: z.string().optional(),
    ...common,
  })
  .describe('oparl:Organization: a public body (Gremium)');
export type OparlOrganization = z.infer<typeof OparlOrganization>;

export const OparlPerson = z
  .object({ id: Url, type: Type('Person'), body: Url.optional(), name: z.string().optional(), ...common })
  .describe('oparl:Person (Lagebild publishes none: members are accounts or organisations)');

export const OparlFile = z
  .object({
    id: Url,
    type: Type('File'),
    name: z.string().optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    date: Day.optional(),
    size: z.number().int().nonnegative().optional(),
    accessUrl: Url,
    downloadUrl: Url.optional(),
    agendaItem: z.array(Url).optional(),
    paper: z.array(Url).optional(),
    ...common,
  })
  .describe('oparl:File: a public Lagebild document (Steckbrief, stored report)');
export type OparlFile = z.infer<typeof OparlFile>;

export const OparlConsultation = z
  .object({
    id: Url,
    type: Type('Consultation'),
    paper: Url.optional(),
    agendaItem: Url.optional(),
    meeting: Url.optional(),
    organization: z.array(Url).optional(),
    authoritative: z.boolean().optional().describe('The paper is decided for good in this meeting'),
    role: z.string().optional().describe('e.g. „Kenntnisnahme“, „Vorberatung“, „Beschlussfassung“'),
    ...common,
  })
  .describe('oparl:Consultation (Beratung): a paper on the agenda of a meeting');
export type OparlConsultation = z.infer<typeof OparlConsultation>;

export const OparlAgendaItem = z
  .object({
    id: Url,
    type: Type('AgendaItem'),
    meeting: Url.optional(),
    number: z.string().optional(),
    order: z.number().int(),
    name: z.string().optional(),
    public: z.boolean().optional(),
    consultation: Url.optional().describe('The consultation of the paper the item is about'),
    resolutionText: z.string().optional(),
    auxiliaryFile: z.array(OparlFile).optional(),
    ...common,
  })
  .describe('oparl:AgendaItem (Tagesordnungspunkt)');
export type OparlAgendaItem = z.infer<typeof OparlAgendaItem>;

export const OparlMeeting = z
  .object({
    id: Url,
    type: Type('Meeting'),
    name: z.string().optional(),
    meetingState: z.string().optional(),
    start: DateTime.optional(),
    organization: z.array(Url).optional(),
    agendaItem: z.array(OparlAgendaItem).optional(),
    ...common,
  })
  .describe('oparl:Meeting (Sitzung) with its public agenda items');
export type OparlMeeting = z.infer<typeof OparlMeeting>;

export const OparlPaper = z
  .object({
    id: Url,
    type: Type('Paper'),
    body: Url.optional(),
    name: z.string().optional(),
    reference: z.string().optional(),
    date: Day.optional(),
    paperType: z.string().optional(),
    mainFile: OparlFile.optional(),
    consultation: z.array(OparlConsultation).optional(),
    ...common,
  })
  .describe('oparl:Paper: a Steckbrief, stored report or measure on a public agenda');
export type OparlPaper = z.infer<typeof OparlPaper>;

/** A page of an external object list (specification: „Objektlisten und Paginierung“). */
export const oparlList = <T extends z.ZodType>(item: T, what: string) =>
  z
    .object({
      data: z.array(item),
      pagination: z.object({
        totalElements: z.number().int().nonnegative(),
        elementsPerPage: z.number().int().positive(),
        currentPage: z.number().int().positive(),
        totalPages: z.number().int().nonnegative(),
      }),
      links: z.object({
        first: Url,
        prev: Url.optional(),
        self: Url,
        next: Url.optional().describe('Given on every page but the last'),
        last: Url,
      }),
    })
    .describe(`OParl list page: ${what}`);

export const BodyList = oparlList(OparlBody, 'bodies');
export const OrganizationList = oparlList(OparlOrganization, 'organizations (Gremien)');
export const PersonList = oparlList(OparlPerson, 'persons (always empty)');
export const MeetingList = oparlList(OparlMeeting, 'meetings');
export const AgendaItemList = oparlList(OparlAgendaItem, 'agenda items');
export const PaperList = oparlList(OparlPaper, 'papers');
export const FileList = oparlList(OparlFile, 'files');
export const LegislativeTermList = oparlList(OparlLegislativeTerm, 'legislative terms (empty)');

/** A list page as the service builds it. */
export interface OparlPage<T> {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

/** The filters and paging every external list accepts. */
export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('Page number, from 1'),
  elementsPerPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PER_PAGE)
    .default(DEFAULT_PER_PAGE)
    .describe(`Objects per page (1–${MAX_PER_PAGE}), default ${DEFAULT_PER_PAGE}`),
  created_since: DateTime.optional().describe('Only objects created at or after (date-time with zone)'),
  created_until: DateTime.optional().describe('Only objects created at or before'),
  modified_since: DateTime.optional().describe('Only objects modified at or after'),
  modified_until: DateTime.optional().describe('Only objects modified at or before'),
});
export type ListQuery = z.infer<typeof ListQuery>;

const Id = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
export const BodyParams = z.object({ body: Id.describe('Always 1: the one Kommune') });
export const IdParams = z.object({ id: Id });
export const ConsultationParams = z.object({ item: Id.describe('The agenda item'), id: Id });
export const ConsultationSteckbriefParams = z.object({
  item: Id.describe('The agenda item'),
  level: z.string().min(1).max(60).describe('Level key'),
  key: z.string().min(1).max(60).describe('Area key'),
});
export const SteckbriefParams = z.object({
  level: z.string().min(1).max(60).describe('Level key'),
  key: z.string().min(1).max(60).describe('Area key'),
});
