/**
 * Typed calls of `/api/surveys` and `/api/remarks` (src/surveys/survey.routes.ts,
 * src/remarks/remark.routes.ts). Types come from the server's zod schemas (type imports only).
 */
import type {
  NewSurvey,
  PublicSurvey,
  PublishRequest,
  PublishResult,
  Question,
  QuestionInput,
  Survey,
  SurveyResults,
  SurveyStatus,
  SurveyText,
} from '../../surveys/survey.schema.ts';
import type { AreaRemarks, NewRemark, Remark, RemarkCategory } from '../../remarks/remark.schema.ts';
import { request } from '../api.ts';

export type {
  AreaRemarks,
  NewRemark,
  NewSurvey,
  PublicSurvey,
  PublishRequest,
  PublishResult,
  Question,
  QuestionInput,
  Remark,
  RemarkCategory,
  Survey,
  SurveyResults,
  SurveyStatus,
  SurveyText,
};
export type QuestionKind = Question['kind'];
export type Answer = { question: number; value: number | number[] | string };

const SURVEYS = '/api/surveys';
const at = (key: string) => `${SURVEYS}/${encodeURIComponent(key)}`;

export const surveysApi = {
  list: () => request<Survey[]>('GET', SURVEYS),
  create: (body: NewSurvey) => request<Survey>('POST', SURVEYS, body),
  get: (key: string) => request<Survey>('GET', at(key)),
  /** The whole questionnaire in its order (draft only). */
  saveQuestions: (key: string, questions: QuestionInput[]) =>
    request<Survey>('PUT', `${at(key)}/questions`, { questions }),
  setStatus: (key: string, status: Exclude<SurveyStatus, 'entwurf'>) =>
    request<Survey>('POST', `${at(key)}/status`, { status }),
  remove: (key: string) => request<undefined>('DELETE', at(key)),
  results: (key: string) => request<SurveyResults>('GET', `${at(key)}/results`),
  texts: (key: string, status?: SurveyText['status']) =>
    request<SurveyText[]>('GET', `${at(key)}/texts${status ? `?status=${status}` : ''}`),
  moderateText: (key: string, id: number, status: 'approved' | 'rejected') =>
    request<SurveyText>('POST', `${at(key)}/texts/${id}`, { status }),
  publish: (key: string, body: PublishRequest) =>
    request<PublishResult>('POST', `${at(key)}/publish-indicators`, body),
  /** Behind the public link, without a session. */
  questionnaire: (token: string) =>
    request<PublicSurvey>('GET', `${SURVEYS}/public/${encodeURIComponent(token)}`),
  respond: (token: string, answers: Answer[]) =>
    request<{ ok: true; message: string }>(
      'POST',
      `${SURVEYS}/public/${encodeURIComponent(token)}/responses`,
      {
        answers,
      },
    ),
};

export const remarksApi = {
  /** Anyone, without a session; the receipt names the area the point lies in. */
  send: (body: NewRemark) =>
    request<{ ok: true; area: string; message: string }>('POST', '/api/remarks', body),
  queue: (status: Remark['status'] = 'pending') =>
    request<Remark[]>('GET', `/api/remarks/queue?status=${status}`),
  moderate: (id: number, status: 'approved' | 'rejected') =>
    request<undefined>('POST', `/api/remarks/${id}/moderation`, { status }),
  byArea: (level: string) => request<AreaRemarks>('GET', `/api/remarks?level=${encodeURIComponent(level)}`),
};
