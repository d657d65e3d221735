/**
 * Participation in city reports (block `participation`): the surveys that ran — title, period,
 * number of answers — and the residents' remarks on the map by category, approved ones only. No
 * answer or remark text appears: survey results reach reports as indicators of their own (theme
 * „Befragung“, with the minimum number of answers, docs/methods.md §9.2).
 */
import type { User } from '../auth/auth.schema.ts';
import { formatDate, formatNumber } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { REMARK_CATEGORIES } from '../remarks/remark-categories.ts';
import { remarksByArea } from '../remarks/remark.service.ts';
import { listSurveys } from '../surveys/survey.service.ts';
import type { ReportBlock } from './report-model.ts';

const SOURCE = 'Lagebild, Beteiligung (Befragungen und Hinweise auf der Karte)';
const STATUS = { offen: 'läuft', geschlossen: 'abgeschlossen' } as const;

export async function participationBlocks(db: Db, user: User | null, level: string): Promise<ReportBlock[]> {
  const [surveys, remarks] = await Promise.all([listSurveys(db), remarksByArea(db, user, level)]);
  const ran = surveys.filter((s) => s.status !== 'entwurf');
  const out: ReportBlock[] = ran.length
    ? [
        {
          kind: 'table',
          title: 'Befragungen',
          columns: ['Befragung', 'Zeitraum', 'Antworten', 'Stand'],
          numeric: [false, false, true, false],
          rows: ran.map((s) => [
            s.title,
            `${formatDate(s.periodFrom)} – ${formatDate(s.periodTo)}`,
            formatNumber(s.responses, 0),
            STATUS[s.status as keyof typeof STATUS],
          ]),
          highlight: null,
          source: SOURCE,
        },
      ]
    : [{ kind: 'note', text: 'Bisher hat keine Befragung stattgefunden.' }];
  const counts = new Map<string, number>();
  for (const a of remarks.areas)
    for (const [category, n] of Object.entries(a.byCategory))
      counts.set(category, (counts.get(category) ?? 0) + n);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  out.push(
    total
      ? {
          kind: 'table',
          title: 'Hinweise von Bürgerinnen und Bürgern auf der Karte (freigegeben)',
          columns: ['Thema', 'Hinweise'],
          numeric: [false, true],
          rows: Object.entries(REMARK_CATEGORIES)
            .filter(([key]) => counts.get(key))
            .map(([key, name]) => [name, formatNumber(counts.get(key)!, 0)]),
          highlight: null,
          source: SOURCE,
        }
      : { kind: 'note', text: 'Es liegen keine freigegebenen Hinweise auf der Karte vor.' },
  );
  return out;
}
