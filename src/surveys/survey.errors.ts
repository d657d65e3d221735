/** The named errors of surveys, with their German messages in one place. */
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { AnswerProblem } from './answer-check.ts';

export const surveyErrors = {
  notFound: (key: string) => notFound('surveys.not_found', `Die Befragung „${key}“ gibt es nicht.`, { key }),
  /** Unknown token, or a survey not open yet: the link says nothing about which. */
  linkNotFound: () =>
    notFound('surveys.link_not_found', 'Diese Befragung gibt es nicht. Bitte prüfen Sie den Link.'),
  closed: () =>
    new LagebildError(
      'surveys.closed',
      'Diese Befragung ist beendet. Antworten werden nicht mehr angenommen. Vielen Dank für Ihr Interesse!',
      409,
    ),
  duplicate: (key: string) =>
    new LagebildError('surveys.duplicate', `Die Befragung „${key}“ gibt es schon.`, 409, { key }),
  notDraft: () =>
    new LagebildError(
      'surveys.not_draft',
      'Fragen und Einstellungen lassen sich nur im Entwurf ändern: die Befragung wurde schon geöffnet.',
      409,
    ),
  badStatus: (from: string, to: string) =>
    new LagebildError('surveys.bad_status', `Von „${from}“ geht es nicht zu „${to}“.`, 409, { from, to }),
  noQuestions: () =>
    badRequest(
      'surveys.no_questions',
      'Eine Befragung braucht mindestens eine Frage, bevor sie geöffnet wird.',
    ),
  badQuestion: (number: number, text: string) =>
    badRequest('surveys.bad_question', `Frage ${number}: ${text}`, { question: number }),
  badPeriod: () =>
    badRequest('surveys.bad_period', 'Das Ende des Befragungszeitraums liegt vor seinem Beginn.'),
  invalidAnswers: (problems: AnswerProblem[]) =>
    badRequest(
      'surveys.invalid_answers',
      `Bitte prüfen Sie Ihre Antworten: ${problems.map((p) => p.message).join(' ')}`,
      { problems },
    ),
  textNotFound: (id: number) =>
    notFound('surveys.text_not_found', `Die Freitextantwort Nr. ${id} gibt es in dieser Befragung nicht.`),
  notClosed: () =>
    new LagebildError(
      'surveys.not_closed',
      'Ergebnisse werden erst als Indikatoren veröffentlicht, wenn die Befragung geschlossen ist.',
      409,
    ),
  noAreaQuestion: () =>
    badRequest(
      'surveys.no_area_question',
      'Für Indikatoren braucht die Befragung eine Frage nach dem Gebiet, damit die Antworten Gebieten zugeordnet sind.',
    ),
  badPublishItem: (text: string) => badRequest('surveys.bad_publish_item', text),
};
