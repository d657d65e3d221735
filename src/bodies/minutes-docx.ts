/**
 * The minutes of a meeting (Protokoll) as a Word document the body's office edits further: the
 * body, date, place and status, the members as attendees, and per agenda item (TOP) its linked
 * Lagebild output as a real hyperlink, the measure it concerns, the minutes, the decision and the
 * action items as a table with owner and due date. Real headings (Überschrift 1/2), so Word's
 * navigation and LibreOffice show the agenda.
 */
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from '../core/format.ts';
import type { Body, Meeting } from './body.schema.ts';
import { bodyKindLabel, meetingStatusLabel } from './labels.ts';

const FONT = 'Arial';

/** German texts of the document. */
const T = {
  title: 'Protokoll',
  date: 'Datum',
  place: 'Ort',
  status: 'Status',
  attendees: 'Mitglieder',
  noMembers: 'Keine Mitglieder eingetragen.',
  agenda: 'Tagesordnung',
  noAgenda: 'Keine Tagesordnungspunkte.',
  top: (n: number) => `TOP ${n}`,
  attachment: 'Anlage',
  steckbrief: (name: string) => `Steckbrief ${name}`,
  report: (title: string) => `Bericht „${title}“`,
  reportHidden: 'Bericht (nicht freigegeben)',
  reportDeleted: 'Bericht (gelöscht)',
  measure: 'Maßnahme',
  minutes: 'Protokoll',
  decision: 'Beschluss',
  actions: 'Aufgaben',
  head: ['Aufgabe', 'Verantwortlich', 'Fällig bis', 'Erledigt'],
  yes: 'ja',
  no: 'nein',
  none: '–',
};

const text = (t: string, options: { bold?: boolean } = {}) =>
  new TextRun({ text: t, font: FONT, ...options });

/** A labelled paragraph: „Label: value“. */
const field = (label: string, value: string) =>
  new Paragraph({ children: [text(`${label}: `, { bold: true }), text(value)] });

/** Multi-line text as paragraphs (Word has no line breaks inside a run's text). */
const lines = (value: string) =>
  value.split(/\r?\n/).map((line) => new Paragraph({ children: [text(line)] }));

const link = (label: string, href: string, origin: string) =>
  new ExternalHyperlink({
    link: new URL(href, origin).href,
    children: [new TextRun({ text: label, font: FONT, style: 'Hyperlink' })],
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const cell = (value: string, header = false) =>
  new TableCell({
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: [new Paragraph({ children: [text(value, { bold: header })] })],
  });

function actionTable(actions: Meeting['agenda'][number]['actions']): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: T.head.map((h) => cell(h, true)) }),
      ...actions.map(
        (a) =>
          new TableRow({
            children: [
              cell(a.title),
              cell(a.owner?.name ?? T.none),
              cell(a.dueDate ? formatDate(a.dueDate) : T.none),
              cell(a.done ? T.yes : T.no),
            ],
          }),
      ),
    ],
  });
}

function attachmentParagraph(a: NonNullable<Meeting['agenda'][number]['attachment']>, origin: string) {
  const label =
    a.kind === 'steckbrief'
      ? T.steckbrief(a.areaName ?? `${a.level} ${a.key}`)
      : a.reportId === null
        ? T.reportDeleted
        : a.title === null
          ? T.reportHidden
          : T.report(a.title);
  return new Paragraph({
    children: [text(`${T.attachment}: `, { bold: true }), a.href ? link(label, a.href, origin) : text(label)],
  });
}

/**
 * The minutes as a .docx file.
 * @param origin the server's address (e.g. `https://lagebild.example.de`): links become absolute
 */
export async function minutesDocx(body: Body, meeting: Meeting, origin: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(`${T.title}: ${body.name}`)] }),
    field(bodyKindLabel[body.kind], body.topic || body.name),
    field(T.date, formatDate(meeting.date)),
    field(T.place, meeting.place || T.none),
    field(T.status, meetingStatusLabel[meeting.status]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(T.attendees)] }),
  ];
  if (!body.members.length) children.push(new Paragraph({ children: [text(T.noMembers)] }));
  for (const m of body.members) {
    const who = [m.user?.displayName, m.organisation?.name].filter(Boolean).join(', ');
    children.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [text(who), ...(m.function ? [text(` – ${m.function}`)] : [])],
      }),
    );
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(T.agenda)] }));
  if (!meeting.agenda.length) children.push(new Paragraph({ children: [text(T.noAgenda)] }));
  for (const item of meeting.agenda) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [text(`${T.top(item.position)}: ${item.title}`)],
      }),
    );
    if (item.description) children.push(...lines(item.description));
    if (item.attachment) children.push(attachmentParagraph(item.attachment, origin));
    if (item.measure) children.push(field(T.measure, item.measure.title));
    if (item.minutes)
      children.push(
        new Paragraph({ children: [text(`${T.minutes}:`, { bold: true })] }),
        ...lines(item.minutes),
      );
    if (item.decision)
      children.push(
        new Paragraph({ children: [text(`${T.decision}:`, { bold: true })] }),
        ...lines(item.decision),
      );
    if (item.actions.length)
      children.push(
        new Paragraph({ children: [text(`${T.actions}:`, { bold: true })] }),
        actionTable(item.actions),
        new Paragraph({}),
      );
  }
  const doc = new Document({
    creator: 'Lagebild',
    title: `${T.title} ${body.name} ${formatDate(meeting.date)}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The file name of the minutes: ASCII only (it travels in a header).
 * @example minutesFileName('AK Nord/Süd', '2025-03-12') // 'protokoll-ak-nord-sued-2025-03-12.docx'
 */
export function minutesFileName(bodyName: string, date: string): string {
  const slug = bodyName
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `protokoll-${slug || 'gremium'}-${date}.docx`;
}
