/**
 * Typed calls of `/api/organisations`, `/api/bodies`, `/api/meetings` and `/api/action-items/due`
 * (src/bodies/*.routes.ts). Types come from the server's zod schemas (type imports only).
 */
import type {
  ActionItem,
  ActionItemPatch,
  AgendaItem,
  AgendaItemPatch,
  Attachment,
  Body,
  BodyPatch,
  DueItem,
  Meeting,
  MeetingPatch,
  MeetingSummary,
  Member,
  NewActionItem,
  NewAgendaItem,
  NewBody,
  NewMeeting,
  NewMember,
  NewOrganisation,
  Organisation,
  OrganisationPatch,
  Owner,
  OwnerInput,
} from '../../bodies/body.schema.ts';
import type { BodyKind, MeetingStatus, OrganisationKind } from '../../bodies/labels.ts';
import type { Measure } from '../../measures/measure.schema.ts';
import { enc, q, request } from '../api.ts';

export type {
  ActionItem,
  AgendaItem,
  Attachment,
  Body,
  BodyKind,
  DueItem,
  Meeting,
  MeetingStatus,
  MeetingSummary,
  Member,
  NewActionItem,
  NewAgendaItem,
  NewBody,
  NewMeeting,
  NewOrganisation,
  Organisation,
  OrganisationKind,
  Owner,
  OwnerInput,
};

/** Input of a request: fields with a server default may be left out. */
type In<T> = Partial<T>;

/**
 * `public` on creation: the server creates everything closed and takes the flag only by PATCH, so
 * a new body, meeting or agenda item marked public is created and then set public.
 */
type Flag = { public?: boolean };

export const bodiesApi = {
  organisations: () => request<Organisation[]>('GET', '/api/organisations'),
  createOrganisation: (o: In<NewOrganisation> & { name: string }) =>
    request<Organisation>('POST', '/api/organisations', o),
  patchOrganisation: (id: number, patch: OrganisationPatch) =>
    request<Organisation>('PATCH', `/api/organisations/${id}`, patch),
  removeOrganisation: (id: number) => request<undefined>('DELETE', `/api/organisations/${id}`),
  bodies: () => request<Body[]>('GET', '/api/bodies'),
  createBody: async ({ public: isPublic, ...b }: In<NewBody> & { name: string; kind: BodyKind } & Flag) => {
    const created = await request<Body>('POST', '/api/bodies', b);
    return isPublic ? request<Body>('PATCH', `/api/bodies/${created.id}`, { public: true }) : created;
  },
  patchBody: (id: number, patch: BodyPatch) => request<Body>('PATCH', `/api/bodies/${id}`, patch),
  removeBody: (id: number) => request<undefined>('DELETE', `/api/bodies/${id}`),
  addMember: (id: number, m: In<NewMember>) => request<Body>('POST', `/api/bodies/${id}/members`, m),
  removeMember: (id: number, member: number) =>
    request<Body>('DELETE', `/api/bodies/${id}/members/${member}`),
  meetings: (id: number) => request<MeetingSummary[]>('GET', `/api/bodies/${id}/meetings`),
  createMeeting: async (id: number, { public: isPublic, ...m }: In<NewMeeting> & { date: string } & Flag) => {
    const created = await request<Meeting>('POST', `/api/bodies/${id}/meetings`, m);
    return isPublic ? request<Meeting>('PATCH', `/api/meetings/${created.id}`, { public: true }) : created;
  },
  meeting: (id: number) => request<Meeting>('GET', `/api/meetings/${id}`),
  patchMeeting: (id: number, patch: MeetingPatch) => request<Meeting>('PATCH', `/api/meetings/${id}`, patch),
  removeMeeting: (id: number) => request<undefined>('DELETE', `/api/meetings/${id}`),
  addAgendaItem: async (
    id: number,
    { public: isPublic, ...a }: In<NewAgendaItem> & { title: string } & Flag,
  ) => {
    const meeting = await request<Meeting>('POST', `/api/meetings/${id}/agenda`, a);
    if (!isPublic) return meeting;
    // the new item has the highest id of the meeting
    const item = Math.max(...meeting.agenda.map((i) => i.id));
    return request<Meeting>('PATCH', `/api/meetings/${id}/agenda/${item}`, { public: true });
  },
  patchAgendaItem: (id: number, item: number, patch: AgendaItemPatch) =>
    request<Meeting>('PATCH', `/api/meetings/${id}/agenda/${item}`, patch),
  removeAgendaItem: (id: number, item: number) =>
    request<Meeting>('DELETE', `/api/meetings/${id}/agenda/${item}`),
  addActionItem: (id: number, item: number, a: In<NewActionItem> & { title: string }) =>
    request<Meeting>('POST', `/api/meetings/${id}/agenda/${item}/actions`, a),
  patchActionItem: (id: number, action: number, patch: ActionItemPatch) =>
    request<Meeting>('PATCH', `/api/meetings/${id}/actions/${action}`, patch),
  removeActionItem: (id: number, action: number) =>
    request<Meeting>('DELETE', `/api/meetings/${id}/actions/${action}`),
  /** Measures an agenda item may concern (planners see all of them). */
  measures: () => request<Pick<Measure, 'id' | 'title' | 'kind'>[]>('GET', '/api/measures'),
  due: (filter: { person?: string; body?: number } = {}) => {
    const params: Record<string, string> = {};
    if (filter.person) params.person = filter.person;
    if (filter.body !== undefined) params.body = String(filter.body);
    const query = q(params);
    return request<DueItem[]>('GET', `/api/action-items/due${query ? `?${query}` : ''}`);
  },
};

/** The minutes of a meeting as Word (a link the browser downloads). */
export const minutesHref = (meetingId: number) => `/api/meetings/${enc(String(meetingId))}/minutes.docx`;
