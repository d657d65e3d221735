/**
 * Golden files for computed outputs (report HTML, profile texts …): the first run writes the file,
 * later runs compare byte for byte; `REGEN=1` rewrites it on purpose (review the diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(file: URL, text: string): void {
  if (process.env.REGEN === '1' || !existsSync(file)) {
    mkdirSync(new URL('./', file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
