/**
 * `lagebild report` as an office runs it (`node bin/lagebild.js` in a child process): the demo
 * city's Steckbrief for one Sozialraum as HTML, PDF and Word, public or internal draft; bad
 * options refused with German messages and stable codes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';

const run = promisify(execFile);
const bin = resolve('bin/lagebild.js');
const MARK = 'Intern – nicht zur Veröffentlichung';

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe.each(engines)('report command ($name)', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  let out: string;
  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    out = await mkdtemp(join(tmpdir(), 'lagebild-report-cli-'));
    const r = await cli('--db', spec, 'demo');
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
    await rm(out, { recursive: true, force: true });
  });

  it('writes the public Steckbrief as HTML without internal mark and the draft as PDF with it', async () => {
    const html = join(out, 'altstadt.html');
    let r = await cli(
      '--db',
      spec,
      'report',
      '--template',
      'steckbrief',
      '--area',
      '101',
      '--out',
      html,
      '--public',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Steckbrief Altstadt (öffentlich)');
    const doc = await readFile(html, 'utf8');
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<h1>Steckbrief Altstadt</h1>');
    expect(doc).toContain('<svg');
    expect(doc).not.toContain(MARK);

    const pdf = join(out, 'altstadt.pdf');
    r = await cli(
      '--db',
      spec,
      'report',
      '--template',
      'steckbrief',
      '--area',
      '101',
      '--level',
      'sozialraum',
      '--format',
      'pdf',
      '--out',
      pdf,
    );
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Steckbrief Altstadt');
    expect(text).toContain(MARK);
    expect(text).toMatch(/Stichtag 31\.12\.2024/);
  }, 120_000);

  it('writes Word with the area name in word/document.xml', async () => {
    const docx = join(out, 'altstadt.docx');
    const r = await cli(
      '--db',
      spec,
      'report',
      '--template',
      'steckbrief',
      '--area',
      '101',
      '--out',
      docx,
      '--public',
    );
    expect(r.code, r.stderr).toBe(0);
    const files = unzipSync(new Uint8Array(await readFile(docx)));
    expect(strFromU8(files['word/document.xml']!)).toContain('Steckbrief Altstadt');
  }, 120_000);

  it('writes the Beschlussvorlage as Word and the Sozialbericht of a level as HTML, without --area', async () => {
    const docx = join(out, 'vorlage.docx');
    let r = await cli('--db', spec, 'report', '--template', 'beschlussvorlage', '--out', docx);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Beschlussvorlage: Handlungsbedarf nach dem Sozialmonitoring 31.12.2024 (interner Entwurf)',
    );
    const files = unzipSync(new Uint8Array(await readFile(docx)));
    const xml = strFromU8(files['word/document.xml']!);
    for (const heading of [
      'Betreff',
      'Beschlussvorschlag',
      'Sachverhalt',
      'Finanzielle Auswirkungen',
      'Anlagen',
    ])
      expect(xml).toContain(`>${heading}<`);
    expect(xml).toContain('Besonderer Handlungsbedarf');
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.some((f) => strFromU8(files[f]!).includes(MARK))).toBe(true); // on every page

    const html = join(out, 'bericht.html');
    r = await cli(
      '--db',
      spec,
      'report',
      '--template',
      'sozialbericht',
      '--level',
      'stadtbezirk',
      '--out',
      html,
      '--public',
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = await readFile(html, 'utf8');
    expect(doc).toContain('<h1>Sozialbericht Musterstadt</h1>');
    expect(doc).toContain('Soziale Lage und Transferleistungen');
    expect(doc.match(/id="gebiet-/g)).toHaveLength(6); // one Steckbrief per Stadtbezirk
    expect(doc).not.toContain(MARK);
  }, 120_000);

  it('takes a template file (JSON) and gives the same content hash when run again', async () => {
    const file = join(out, 'kurz.json');
    const template = {
      key: 'kurz',
      name: 'Kurzbericht',
      scope: 'area',
      title: 'Kurzbericht {area.name}',
      chapters: [
        {
          title: 'Lage',
          blocks: [
            {
              type: 'text',
              text: 'SGB-II-Quote {indicator:sgb2_quote.value}, Rang {indicator:sgb2_quote.rank}.',
            },
            { type: 'chart', indicator: 'kinderarmut' },
          ],
        },
      ],
    };
    await writeFile(file, JSON.stringify(template));
    const html = join(out, 'kurz.html');
    const args = ['--db', spec, 'report', '--template', file, '--area', '101', '--out', html, '--public'];
    const first = await cli(...args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Datenstand: Stand \d+; Inhalt sha256:[0-9a-f]{64}$/m);
    const doc = await readFile(html, 'utf8');
    expect(doc).toContain('<h1>Kurzbericht Altstadt</h1>');
    expect(doc).toMatch(/SGB-II-Quote \d+,\d\u00a0%, Rang \d+ von \d+\./);
    const again = await cli(...args);
    expect(again.stdout).toBe(first.stdout);
    expect(await readFile(html, 'utf8')).toBe(doc);

    await writeFile(
      file,
      JSON.stringify({ ...template, chapters: [{ title: 'x', blocks: [{ type: 'kuchen' }] }] }),
    );
    const bad = await cli('--db', spec, '--json', ...args.slice(2));
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({
      code: 'reports.invalid_template',
      details: { path: 'chapters.0.blocks.0.type' },
    });
  }, 120_000);

  it('refuses unknown templates, formats, areas and a missing --area in German', async () => {
    const f = join(out, 'x.pdf');
    let r = await cli(
      '--db',
      spec,
      '--json',
      'report',
      '--template',
      'jahresbericht',
      '--area',
      '101',
      '--out',
      f,
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'reports.invalid_option' });
    r = await cli(
      '--db',
      spec,
      'report',
      '--template',
      'steckbrief',
      '--area',
      '101',
      '--format',
      'odt',
      '--out',
      f,
    );
    expect(r.stderr).toBe('Fehler: Unbekanntes Ausgabeformat „odt“: pdf, docx oder html.\n');
    r = await cli('--db', spec, 'report', '--template', 'steckbrief', '--out', f);
    expect(r.stderr).toContain('--area');
    r = await cli('--db', spec, '--json', 'report', '--template', 'steckbrief', '--area', '999', '--out', f);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'profile.unknown_area' });
  }, 120_000);
});
