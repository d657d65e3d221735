/**
 * `lagebild index …`: composite indices from the command line (statisticians' batch use).
 * `compute --preset … --input table.csv` needs no database: the wide table goes through the same
 * engine as the web app. `compute --index <key> --date …` runs a stored index on the database.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { deepestLevel } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError } from '../core/errors.ts';
import { resolveStichtag } from '../exports/export.service.ts';
import { computeIndex } from '../indices/engine.ts';
import { outputColumns, outputRows, presentResult, rowsToCsv } from '../indices/index.present.ts';
import type { IndexResult } from '../indices/index.schema.ts';
import { indexResult, listIndices } from '../indices/index.service.ts';
import { PRESET_NAMES, presetDefinition, type PresetName } from '../indices/presets.ts';
import { readWideTable } from '../indices/wide-table.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

/** The CLI works on the database directly: full access, unless `--public` asks for the public view. */
const OPERATOR: User = { id: 0, username: 'cli', displayName: 'Kommandozeile', role: 'admin' };

interface ComputeOptions {
  preset?: string;
  input?: string;
  exclude?: string;
  minPopulation?: string;
  index?: string;
  date?: string;
  level?: string;
  public?: boolean;
  format?: string;
}

const invalid = (message: string) => badRequest('indices.invalid_option', message);

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new LagebildError(
      'indices.input_unreadable',
      code === 'ENOENT'
        ? `Die Datei „${path}“ gibt es nicht.`
        : `Die Datei „${path}“ ist nicht lesbar (${code}).`,
      404,
      { file: path },
    );
  }
}

/** A preset over a wide CSV table: no database involved. */
async function computeFromFile(opts: ComputeOptions): Promise<IndexResult> {
  const preset = opts.preset!;
  if (!(PRESET_NAMES as readonly string[]).includes(preset))
    throw new LagebildError(
      'indices.unknown_preset',
      `Unbekanntes Verfahren „${preset}“. Möglich: ${PRESET_NAMES.join(', ')}.`,
      400,
      { preset },
    );
  if (!opts.input) throw invalid('Mit --preset bitte die Tabelle mit --input <datei.csv> angeben.');
  const table = readWideTable(await readInput(opts.input), opts.input);
  const def = presetDefinition(
    preset as PresetName,
    table.columns.map((c) => ({ indicator: c.header, code: c.code })),
  );
  if (opts.minPopulation !== undefined) {
    const min = Number(opts.minPopulation);
    if (!Number.isInteger(min) || min < 0)
      throw invalid(`--min-population muss eine ganze Zahl ab 0 sein, nicht „${opts.minPopulation}“.`);
    def.validity.minPopulation = min;
  }
  if (opts.exclude)
    def.validity.excluded = opts.exclude
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const input = {
    ids: table.ids,
    population: table.population,
    values: new Map(table.columns.map((c) => [c.header, c.values])),
  };
  const areas = table.ids.map((key, i) => ({
    key,
    name: table.names[i]!,
    parentKey: null,
    parentName: null,
  }));
  return presentResult(
    def,
    { level: basename(opts.input), date: '', areas },
    input,
    computeIndex(def, input),
  );
}

/** A stored index on the database. */
async function computeStored(opts: ComputeOptions, g: GlobalOptions): Promise<IndexResult> {
  if (!opts.date) throw invalid('Mit --index bitte den Stichtag mit --date <JJJJ oder JJJJ-MM-TT> angeben.');
  return withDb(g, async (db) => {
    const date = await resolveStichtag(db, opts.date!);
    const level = opts.level ?? (await deepestLevel(db))?.key;
    if (!level) throw invalid('Die Datenbank hat keine Gebiete; bitte zuerst Gebiete importieren.');
    const result = await indexResult(db, opts.public ? null : OPERATOR, opts.index!, level, date);
    const missing = (result.missingInputs ?? []).map((m) => `${m.name}: ${m.reason}`);
    if (!result.areas.some((a) => a.valid))
      throw new LagebildError(
        'indices.nothing_computed',
        `${result.name}: zum Stichtag ${date} ließ sich für kein Gebiet ein Index berechnen.` +
          (missing.length ? ` Es fehlen Eingangsgrößen – ${missing.join('; ')}.` : ''),
        422,
        { missingInputs: result.missingInputs ?? [] },
      );
    if (missing.length)
      process.stderr.write(
        `Hinweis: ${result.name} zum Stichtag ${date} ohne ${missing.length} Eingangsgröße(n) berechnet – ${missing.join('; ')}\n`,
      );
    return result;
  });
}

function compute() {
  return new Command('compute')
    .description(
      'Index berechnen: aus einer CSV-Tabelle nach einem Verfahren (--preset, ohne Datenbank) ' +
        'oder einen gespeicherten Index auf der Datenbank (--index). Ausgabe: eine Zeile je gültigem Gebiet.',
    )
    .option('--preset <verfahren>', `Verfahren: ${PRESET_NAMES.join(', ')}`)
    .option(
      '--input <datei.csv>',
      'breite Tabelle mit den Spalten id, name, inhabitants und Indikatorspalten s1_…, s2_… (Status), d1_… (Dynamik)',
    )
    .option(
      '--exclude <ids>',
      'Gebiete von Hand ausschließen, Schlüssel mit Komma getrennt (z. B. Gewerbegebiete)',
    )
    .option(
      '--min-population <n>',
      'Mindesteinwohnerzahl gültiger Gebiete (Standard: die des Verfahrens, MSS 300)',
    )
    .option('--index <schlüssel>', 'gespeicherter Index (siehe „index list“)')
    .option('--date <JJJJ|JJJJ-MM-TT>', 'Stichtag oder Jahr (mit --index)')
    .option('--level <ebene>', 'Gebietsebene (mit --index; Standard: die feinste)')
    .option('--public', 'nur geheimhaltungsgeprüfte Werte, wie die Öffentlichkeit sie sieht (mit --index)')
    .option('--format <csv|json>', 'Ausgabeformat: csv oder json (Standard: csv)')
    .action(async (opts: ComputeOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = opts.format ?? 'csv';
      if (format !== 'csv' && format !== 'json')
        throw invalid(`Unbekanntes Ausgabeformat „${opts.format}“: csv oder json.`);
      if (!opts.preset === !opts.index)
        throw invalid('Bitte genau eines angeben: --preset (mit --input) oder --index (mit --date).');
      const result = opts.preset ? await computeFromFile(opts) : await computeStored(opts, g);
      const partKeys = [...new Set(['status', 'dynamics', ...result.parts.map((p) => p.key)])];
      const rows = outputRows(result, partKeys);
      process.stdout.write(
        opts.format === 'json'
          ? JSON.stringify(rows, null, 2) + '\n'
          : rowsToCsv(rows, outputColumns(partKeys)),
      );
    });
}

export function indexCommands() {
  const cmd = new Command('index').description('Zusammengesetzte Indizes (Sozialmonitoring)');
  cmd
    .command('list')
    .description('Gespeicherte Indizes auflisten')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await withDb(g, (db) => listIndices(db));
      output(g, list, () =>
        list
          .map(
            (d) =>
              `${d.key}\t${d.name}\t` +
              d.parts.map((p) => `${p.label}: ${p.indicators.map((i) => i.code).join(', ')}`).join('; '),
          )
          .join('\n'),
      );
    });
  cmd.addCommand(compute());
  return cmd;
}
