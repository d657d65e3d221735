/**
 * Schemas of organisations, bodies (Gremien), meetings, agenda items and action items over HTTP:
 * one definition gives validation, the types of server and web, and the OpenAPI document.
 */
import { z } from 'zod';
import { BODY_KINDS, MEETING_STATUSES, ORGANISATION_KINDS } from './labels.ts';

const Day = z.iso.date();
const Text = (max: number) => z.string().trim().max(max);
const Id = z.coerce.number().int().positive();

export const OrganisationKind = z
  .enum(ORGANISATION_KINDS)
  .describe('Träger, Wohlfahrtsverband, Jobcenter, Verein, Amt or Sonstige');
export const BodyKind = z
  .enum(BODY_KINDS)
  .describe(
    'Stadtteilarbeitskreis, Sozialraumkonferenz, Fachplanungskonferenz, Steuerungsgruppe, Ausschuss, Rat',
  );
export const MeetingStatus = z.enum(MEETING_STATUSES).describe('geplant or durchgefuehrt (held)');

/** Published through OParl (`/oparl/v1`); false, the default, keeps it internal. */
const Public = z.boolean().describe('Public (published through OParl under /oparl/v1); default false');

export const AreaRef = z.object({
  level: z.string().min(1).max(60).describe('Level key'),
  key: z.string().min(1).max(60).describe('Area key'),
});
export const NamedArea = AreaRef.extend({ name: z.string() });

// ---- organisations --------------------------------------------------------------------------

const organisationFields = {
  name: Text(300).min(1, 'Bitte einen Namen angeben.'),
  kind: OrganisationKind,
  contactName: Text(200).describe('Ansprechperson'),
  contactEmail: z.union([z.literal(''), z.email('Bitte eine gültige E-Mail-Adresse angeben.').max(200)]),
  contactPhone: Text(100),
  areas: z.array(AreaRef).max(2000).describe('The areas it works in'),
};

/** Body of `POST /api/organisations`. */
export const NewOrganisation = z.object({
  ...organisationFields,
  kind: organisationFields.kind.default('traeger'),
  contactName: organisationFields.contactName.default(''),
  contactEmail: organisationFields.contactEmail.default(''),
  contactPhone: organisationFields.contactPhone.default(''),
  areas: organisationFields.areas.default([]),
});
export type NewOrganisation = z.infer<typeof NewOrganisation>;

/** Body of `PATCH /api/organisations/{id}`: the fields to change. */
export const OrganisationPatch = z.object(organisationFields).partial();
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

export const Organisation = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: OrganisationKind,
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  areas: z.array(NamedArea),
  users: z
    .array(z.object({ username: z.string(), displayName: z.string() }))
    .describe('Accounts of this organisation (partners read the bodies it is a member of)'),
});
export type Organisation = z.infer<typeof Organisation>;

export const IdParams = z.object({ id: Id });
export const OrganisationUserParams = z.object({ id: Id, username: z.string().min(1).max(100) });

// ---- bodies ---------------------------------------------------------------------------------

const bodyFields = {
  name: Text(300).min(1, 'Bitte einen Namen angeben.'),
  kind: BodyKind,
  topic: Text(2000).describe('Thema, e.g. „Kinder und Familie“'),
  area: AreaRef.nullable().describe('The area it is for; null: the whole city'),
};

/** Body of `POST /api/bodies`. */
export const NewBody = z.object({
  ...bodyFields,
  topic: bodyFields.topic.default(''),
  area: bodyFields.area.default(null),
});
export type NewBody = z.infer<typeof NewBody>;

/** Body of `PATCH /api/bodies/{id}`. */
export const BodyPatch = z.object({ ...bodyFields, public: Public }).partial();
export type BodyPatch = z.infer<typeof BodyPatch>;

/** Body of `POST /api/bodies/{id}/members`: an organisation, a user, or a user for an organisation. */
export const NewMember = z
  .object({
    organisationId: z.number().int().positive().nullable().default(null),
    username: z.string().min(1).max(100).nullable().default(null),
    function: Text(200).default('').describe('e.g. „Vorsitz“, „Geschäftsführung“, „Mitglied“'),
  })
  .refine((m) => m.organisationId !== null || m.username !== null, {
    message: 'Bitte eine Organisation oder einen Benutzer angeben.',
  });
export type NewMember = z.infer<typeof NewMember>;

export const Member = z.object({
  id: z.number().int(),
  organisation: z
    .object({
      id: z.number().int(),
      name: z.string(),
      kind: OrganisationKind,
      contactName: z.string(),
      contactEmail: z.string(),
      contactPhone: z.string(),
    })
    .nullable(),
  user: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  function: z.string(),
});
export type Member = z.infer<typeof Member>;

export const Body = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: BodyKind,
  topic: z.string(),
  area: NamedArea.nullable(),
  public: Public,
  members: z.array(Member),
  meetings: z.number().int().describe('Number of meetings'),
  nextMeeting: Day.nullable().describe('The next planned meeting from today'),
});
export type Body = z.infer<typeof Body>;

export const MemberParams = z.object({ id: Id, member: Id });

// ---- meetings, agenda, action items ---------------------------------------------------------

/** Body of `POST /api/bodies/{id}/meetings`. */
export const NewMeeting = z.object({
  date: Day,
  place: Text(300).default(''),
  status: MeetingStatus.default('geplant'),
});
export type NewMeeting = z.infer<typeof NewMeeting>;

export const MeetingPatch = z
  .object({
    date: Day,
    place: Text(300),
    status: MeetingStatus,
    public: Public.describe('Public meeting (shown in OParl while its body is public too)'),
  })
  .partial();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

/**
 * A link to a Lagebild output: an area's Steckbrief or a stored report. Plain unions (anyOf), not
 * discriminated ones (oneOf), here and below: OpenAPI 3.0 has a nullable form only for anyOf.
 */
export const AttachmentInput = z.union([
  z.object({ kind: z.literal('steckbrief'), level: AreaRef.shape.level, key: AreaRef.shape.key }),
  z.object({ kind: z.literal('report'), reportId: z.number().int().positive() }),
]);

export const Attachment = z.union([
  z.object({
    kind: z.literal('steckbrief'),
    level: z.string(),
    key: z.string(),
    areaName: z.string().nullable().describe('null: the area is not in the current Gebietsstand'),
    href: z.string().describe('The Steckbrief in the web app'),
  }),
  z.object({
    kind: z.literal('report'),
    reportId: z.number().int().nullable().describe('null: the report was deleted'),
    title: z.string().nullable().describe('null: deleted, or an internal report the reader may not see'),
    href: z.string().nullable().describe('The report document'),
  }),
]);
export type Attachment = z.infer<typeof Attachment>;

const agendaFields = {
  position: z.number().int().positive().max(999).describe('TOP number; default: after the last'),
  title: Text(300).min(1, 'Bitte einen Titel angeben.'),
  description: Text(10_000),
  attachment: AttachmentInput.nullable().describe('Steckbrief `/gebiete/<level>/<key>` or a stored report'),
  minutes: Text(50_000).describe('Protokoll of the item'),
  decision: Text(10_000).describe('Beschluss'),
  measureId: z.number().int().positive().nullable().describe('The measure it discusses or decides'),
};

/** Body of `POST /api/meetings/{id}/agenda`. */
export const NewAgendaItem = z.object({
  ...agendaFields,
  position: agendaFields.position.optional(),
  description: agendaFields.description.default(''),
  attachment: agendaFields.attachment.default(null),
  minutes: agendaFields.minutes.default(''),
  decision: agendaFields.decision.default(''),
  measureId: agendaFields.measureId.default(null),
});
export type NewAgendaItem = z.infer<typeof NewAgendaItem>;

export const AgendaItemPatch = z
  .object({
    ...agendaFields,
    public: Public.describe('Public item (shown in OParl while its meeting and body are public too)'),
  })
  .partial();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

/** Who does it: a user, an organisation, or someone named in free text. */
export const OwnerInput = z.union([
  z.object({ kind: z.literal('user'), username: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('organisation'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('text'), name: Text(200).min(1) }),
]);
export type OwnerInput = z.infer<typeof OwnerInput>;

export const Owner = z.object({
  kind: z.enum(['user', 'organisation', 'text']),
  key: z
    .string()
    .describe('`user:<username>`, `organisation:<id>` or `text:<name>` (the due list’s `person`)'),
  name: z.string(),
});
export type Owner = z.infer<typeof Owner>;

const actionFields = {
  title: Text(500).min(1, 'Bitte angeben, was zu tun ist.'),
  owner: OwnerInput.nullable(),
  dueDate: Day.nullable(),
  done: z.boolean(),
};

/** Body of `POST /api/meetings/{id}/agenda/{item}/actions`. */
export const NewActionItem = z.object({
  ...actionFields,
  owner: actionFields.owner.default(null),
  dueDate: actionFields.dueDate.default(null),
  done: actionFields.done.default(false),
});
export type NewActionItem = z.infer<typeof NewActionItem>;

export const ActionItemPatch = z.object(actionFields).partial();
export type ActionItemPatch = z.infer<typeof ActionItemPatch>;

export const ActionItem = z.object({
  id: z.number().int(),
  title: z.string(),
  owner: Owner.nullable(),
  dueDate: Day.nullable(),
  done: z.boolean(),
  overdue: z.boolean().describe('Open and due before today'),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const AgendaItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  attachment: Attachment.nullable(),
  minutes: z.string(),
  decision: z.string(),
  public: Public,
  measure: z
    .object({ id: z.number().int(), title: z.string() })
    .nullable()
    .describe('null also for a measure the reader may not see'),
  actions: z.array(ActionItem),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingSummary = z.object({
  id: z.number().int(),
  bodyId: z.number().int(),
  date: Day,
  place: z.string(),
  status: MeetingStatus,
  public: Public,
  agendaItems: z.number().int(),
  openActions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingSummary.extend({
  bodyName: z.string(),
  agenda: z.array(AgendaItem),
});
export type Meeting = z.infer<typeof Meeting>;

export const AgendaParams = z.object({ id: Id, item: Id });
export const ActionParams = z.object({ id: Id, action: Id });

export const DueQuery = z.object({
  person: z
    .string()
    .max(200)
    .optional()
    .describe('An owner’s key (`user:…`, `organisation:…`, `text:…`) or part of the owner’s name'),
  body: Id.optional().describe('Only this body'),
});

/** An open action item in the due list („Was ist fällig“). */
export const DueItem = ActionItem.extend({
  body: z.object({ id: z.number().int(), name: z.string() }),
  meeting: z.object({ id: z.number().int(), date: Day }),
  agendaItem: z.object({ id: z.number().int(), position: z.number().int(), title: z.string() }),
});
export type DueItem = z.infer<typeof DueItem>;
