/**
 * Golden files for computed outputs (report HTML, Kennblatt, profile texts, index tables, legends,
 * typologies, warnings): one convention for every test — the file lives in a `golden/` folder beside
 * the test, is named `<what>.golden.<ext>` and is compared byte for byte. A missing golden file
 * fails the test (so CI never passes by writing what it should check); `REGEN=1` writes or rewrites
 * the files on purpose — review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** `golden(import.meta.url, 'x.golden.html')`: the file `golden/x.golden.html` beside the test. */
export const goldenFile = (testUrl: string, name: string) => new URL(`./golden/${name}`, testUrl);

export function expectGolden(file: URL, text: string): void {
  if (process.env.REGEN === '1') {
    mkdirSync(new URL('./', file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file))
    throw new Error(
      `Golden file ${fileURLToPath(file)} is missing: write it on purpose with REGEN=1 and review it.`,
    );
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** A value as JSON (indented by `indent`, newline at the end) against its golden file. */
export function expectGoldenJson(file: URL, value: unknown, indent = 2): void {
  expectGolden(file, `${JSON.stringify(value, null, indent)}\n`);
}
