/**
 * OParl 1.1 under `/oparl/v1`: public, read-only, for council information clients and open data
 * portals. Every response allows any origin (`Access-Control-Allow-Origin: *`), as OParl requires,
 * so browser clients on other sites can read it. See oparl.service.ts for what is published.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorBody } from '../core/error.schema.ts';
import {
  AgendaItemList,
  BodyList,
  BodyParams,
  ConsultationParams,
  ConsultationSteckbriefParams,
  FileList,
  IdParams,
  LegislativeTermList,
  ListQuery,
  MeetingList,
  OparlAgendaItem,
  OparlBody,
  OparlConsultation,
  OparlFile,
  OparlMeeting,
  OparlOrganization,
  OparlPaper,
  OparlSystem,
  OrganizationList,
  PaperList,
  PersonList,
  SteckbriefParams,
} from './oparl.schema.ts';
import {
  bodyListUrl,
  getSystem,
  listOf,
  meetingsOfOrganization,
  objectOf,
  urlsOf,
  type DocRef,
  type OparlUrls,
} from './oparl.service.ts';
import { paginate } from './oparl.paging.ts';

const tags = ['OParl'];
const errors = { 400: ErrorBody, 404: ErrorBody };

/** Absolute URLs as the client reached us (behind a trusted proxy: its host and protocol). */
function urlsFrom(req: FastifyRequest): OparlUrls {
  const origin = `${req.protocol}://${req.host}`;
  return { origin, base: `${origin}/oparl/v1` };
}

export const oparlRoutes: FastifyPluginAsyncZod = async (app) => {
  // this plugin's own context: the header goes on its responses only, errors included
  app.addHook('onSend', async (_req, reply) => {
    void reply.header('access-control-allow-origin', '*');
  });

  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: System (Einstieg)',
        response: { 200: OparlSystem },
      },
    },
    (req) => getSystem(app.db, urlsFrom(req)),
  );

  app.get(
    '/body',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: Körperschaften (die Kommune dieser Installation)',
        querystring: ListQuery,
        response: { 200: BodyList, ...errors },
      },
    },
    (req) => listOf(app.db, urlsFrom(req), 'bodies', req.query, urlsOf(urlsFrom(req)).bodies),
  );

  app.get(
    '/body/:body',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: die Körperschaft',
        params: BodyParams,
        response: { 200: OparlBody, ...errors },
      },
    },
    (req) => {
      const urls = urlsFrom(req);
      bodyListUrl(urls, req.params.body, '');
      return objectOf(app.db, urls, 'bodies', (u) => u.body, 'Die Körperschaft');
    },
  );

  const bodyList = (
    path: string,
    summary: string,
    response: z.ZodType,
    key: 'organizations' | 'meetings' | 'agendaItems' | 'papers' | 'files' | null,
  ) =>
    app.get(
      `/body/:body/${path}`,
      {
        schema: {
          tags,
          access: 'public',
          summary,
          params: BodyParams,
          querystring: ListQuery,
          response: { 200: response, ...errors },
        },
      },
      async (req) => {
        const urls = urlsFrom(req);
        const listUrl = bodyListUrl(urls, req.params.body, path);
        // persons and legislative terms: Lagebild publishes none (see oparl.service.ts)
        if (key === null) return paginate([], req.query, listUrl);
        return listOf(app.db, urls, key, req.query, listUrl);
      },
    );
  bodyList('organization', 'OParl: Gremien (öffentliche)', OrganizationList, 'organizations');
  bodyList('person', 'OParl: Personen (keine: Mitglieder sind Konten oder Organisationen)', PersonList, null);
  bodyList(
    'meeting',
    'OParl: öffentliche Sitzungen mit ihren öffentlichen Tagesordnungspunkten',
    MeetingList,
    'meetings',
  );
  bodyList('agenda-item', 'OParl: öffentliche Tagesordnungspunkte', AgendaItemList, 'agendaItems');
  bodyList(
    'paper',
    'OParl: Drucksachen (Steckbriefe, Berichte, Maßnahmen auf öffentlichen Tagesordnungen)',
    PaperList,
    'papers',
  );
  bodyList('file', 'OParl: Dateien (öffentliche Lagebild-Dokumente)', FileList, 'files');
  bodyList('legislative-term', 'OParl: Wahlperioden (keine)', LegislativeTermList, null);

  app.get(
    '/organization/:id',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: ein öffentliches Gremium',
        params: IdParams,
        response: { 200: OparlOrganization, ...errors },
      },
    },
    (req) =>
      objectOf(
        app.db,
        urlsFrom(req),
        'organizations',
        (u) => u.organization(req.params.id),
        `Das Gremium Nr. ${req.params.id}`,
      ),
  );

  app.get(
    '/organization/:id/meeting',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: öffentliche Sitzungen eines Gremiums',
        params: IdParams,
        querystring: ListQuery,
        response: { 200: MeetingList, ...errors },
      },
    },
    (req) => meetingsOfOrganization(app.db, urlsFrom(req), req.params.id, req.query),
  );

  app.get(
    '/meeting/:id',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: eine öffentliche Sitzung mit ihren öffentlichen Tagesordnungspunkten',
        params: IdParams,
        response: { 200: OparlMeeting, ...errors },
      },
    },
    (req) =>
      objectOf(
        app.db,
        urlsFrom(req),
        'meetings',
        (u) => u.meeting(req.params.id),
        `Die Sitzung Nr. ${req.params.id}`,
      ),
  );

  app.get(
    '/agenda-item/:id',
    {
      schema: {
        tags,
        access: 'public',
        summary: 'OParl: ein öffentlicher Tagesordnungspunkt',
        params: IdParams,
        response: { 200: OparlAgendaItem, ...errors },
      },
    },
    (req) =>
      objectOf(
        app.db,
        urlsFrom(req),
        'agendaItems',
        (u) => u.agendaItem(req.params.id),
        `Den Tagesordnungspunkt Nr. ${req.params.id}`,
      ),
  );

  const paperAndFile = (path: string, params: typeof IdParams | typeof SteckbriefParams, what: string) => {
    const refOf = (p: Record<string, unknown>): DocRef =>
      path === 'steckbrief/:level/:key'
        ? { kind: 'steckbrief', level: String(p.level), key: String(p.key) }
        : { kind: path.startsWith('report') ? 'report' : 'measure', id: Number(p.id) };
    app.get(
      `/paper/${path}`,
      {
        schema: {
          tags,
          access: 'public',
          summary: `OParl: Drucksache – ${what}`,
          params,
          response: { 200: OparlPaper, ...errors },
        },
      },
      (req) =>
        objectOf(app.db, urlsFrom(req), 'papers', (u) => u.paper(refOf(req.params)), 'Diese Drucksache'),
    );
    if (path.startsWith('measure')) return; // a measure's Beschlussvorlage is not public
    app.get(
      `/file/${path}`,
      {
        schema: {
          tags,
          access: 'public',
          summary: `OParl: Datei – ${what}`,
          params,
          response: { 200: OparlFile, ...errors },
        },
      },
      (req) => objectOf(app.db, urlsFrom(req), 'files', (u) => u.file(refOf(req.params)), 'Diese Datei'),
    );
  };
  paperAndFile('steckbrief/:level/:key', SteckbriefParams, 'Gebietssteckbrief');
  paperAndFile('report/:id', IdParams, 'gespeicherter Bericht');
  paperAndFile('measure/:id', IdParams, 'Maßnahme');

  // a consultation is the link of an agenda item to a paper: its URL is the two paths joined
  const consultation = (
    path: string,
    params: typeof ConsultationParams | typeof ConsultationSteckbriefParams,
    what: string,
  ) =>
    app.get(
      `/consultation/:item/${path}`,
      {
        schema: {
          tags,
          access: 'public',
          summary: `OParl: Beratung – ${what} auf einem Tagesordnungspunkt`,
          params,
          response: { 200: OparlConsultation, ...errors },
        },
      },
      (req) => {
        const p = req.params as Record<string, unknown>;
        const doc: DocRef =
          path === 'steckbrief/:level/:key'
            ? { kind: 'steckbrief', level: String(p.level), key: String(p.key) }
            : { kind: path.startsWith('report') ? 'report' : 'measure', id: Number(p.id) };
        return objectOf(
          app.db,
          urlsFrom(req),
          'consultations',
          (u) => u.consultation(Number(p.item), doc),
          'Diese Beratung',
        );
      },
    );
  consultation('steckbrief/:level/:key', ConsultationSteckbriefParams, 'Gebietssteckbrief');
  consultation('report/:id', ConsultationParams, 'gespeicherter Bericht');
  consultation('measure/:id', ConsultationParams, 'Maßnahme');
};
